// A small kit for low-poly scenes built from code: props are data (shape, size, place, colour,
// the states they appear in), so a scene module is a description, not a program. Repeated props
// become one InstancedMesh (one draw call), which keeps scenes inside their budgets.

import {
  BoxGeometry,
  type BufferGeometry,
  Color,
  ConeGeometry,
  CylinderGeometry,
  DirectionalLight,
  Group,
  HemisphereLight,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshLambertMaterial,
  type Object3D,
  PlaneGeometry,
  SphereGeometry,
} from 'three';
import { type CameraPose, defineScene, type SceneInstance, type SceneModule } from './scene.ts';

type Vec3 = [number, number, number];

export interface Prop {
  shape: 'box' | 'cylinder' | 'cone' | 'sphere' | 'plane';
  /** box: width, height, depth; cylinder/cone: radius, height, segments; sphere: radius; plane: width, depth. */
  size: number[];
  at: Vec3;
  /** Rotation in degrees. */
  turn?: Vec3;
  color: string;
  /** Only visible in these states (default: all). */
  only?: string[];
  /** Copies of the prop, each moved by `step` from the previous one. */
  repeat?: { count: number; step: Vec3 };
  /** Light that does not depend on the lamps (screens, lit windows). */
  glow?: boolean;
}

export interface Mood {
  background: string;
  /** Sky and ground colours of the ambient light, and its strength. */
  sky: string;
  ground: string;
  ambient: number;
  /** Colour and strength of the sun/lamp, and where it shines from. */
  sun: string;
  sunStrength: number;
  sunFrom: Vec3;
}

export interface KitSpec {
  states: Record<string, Mood>;
  cameras: Record<string, CameraPose>;
  props: Prop[];
  /** Optional motion: called every frame with the scene's objects by prop index; return true while moving. */
  animate?: (objects: Object3D[], seconds: number, state: string) => boolean;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

function geometryFor(prop: Prop): BufferGeometry {
  const [a = 1, b = 1, c = 1] = prop.size;
  switch (prop.shape) {
    case 'box':
      return new BoxGeometry(a, b, c);
    case 'cylinder':
      return new CylinderGeometry(a, a, b, Math.max(3, Math.round(c === 1 ? 12 : c)));
    case 'cone':
      return new ConeGeometry(a, b, Math.max(3, Math.round(c === 1 ? 10 : c)));
    case 'sphere':
      return new SphereGeometry(a, 12, 8);
    case 'plane':
      return new PlaneGeometry(a, b).rotateX(-Math.PI / 2);
  }
}

export function kitScene(spec: KitSpec): SceneModule {
  const states = Object.keys(spec.states);
  return defineScene({
    states,
    cameras: Object.keys(spec.cameras),
    build(): SceneInstance {
      const root = new Group();
      const hemi = new HemisphereLight();
      const sun = new DirectionalLight();
      root.add(hemi, sun, sun.target);
      const objects: Object3D[] = [];
      const stateful: { object: Object3D; only: string[] }[] = [];
      for (const prop of spec.props) {
        const geometry = geometryFor(prop);
        const material = new MeshLambertMaterial({ color: new Color(prop.color) });
        if (prop.glow) material.emissive = new Color(prop.color);
        let object: Object3D;
        if (prop.repeat && prop.repeat.count > 1) {
          const mesh = new InstancedMesh(geometry, material, prop.repeat.count);
          const matrix = new Matrix4();
          for (let i = 0; i < prop.repeat.count; i++) {
            matrix.makeRotationFromEuler(mesh.rotation.set(...((prop.turn ?? [0, 0, 0]).map(rad) as Vec3)));
            matrix.setPosition(
              prop.at[0] + prop.repeat.step[0] * i,
              prop.at[1] + prop.repeat.step[1] * i,
              prop.at[2] + prop.repeat.step[2] * i,
            );
            mesh.setMatrixAt(i, matrix);
          }
          mesh.rotation.set(0, 0, 0);
          object = mesh;
        } else {
          const mesh = new Mesh(geometry, material);
          mesh.position.set(...prop.at);
          if (prop.turn) mesh.rotation.set(...(prop.turn.map(rad) as Vec3));
          object = mesh;
        }
        root.add(object);
        objects.push(object);
        if (prop.only) stateful.push({ object, only: prop.only });
      }
      let state = states[0] ?? '';
      return {
        root,
        cameras: spec.cameras,
        background: Object.fromEntries(
          Object.entries(spec.states).map(([name, mood]) => [name, mood.background]),
        ),
        setState(next) {
          const mood = spec.states[next];
          if (!mood) return;
          state = next;
          hemi.color.set(mood.sky);
          hemi.groundColor.set(mood.ground);
          hemi.intensity = mood.ambient;
          sun.color.set(mood.sun);
          sun.intensity = mood.sunStrength;
          sun.position.set(...mood.sunFrom);
          for (const { object, only } of stateful) object.visible = only.includes(next);
        },
        update: spec.animate ? (seconds) => spec.animate?.(objects, seconds, state) ?? false : undefined,
      };
    },
  });
}
