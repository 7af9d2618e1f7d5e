// A small kit for low-poly scenes built from code: props are data (shape, size, place, colour,
// the states they appear in), so a scene module is a description, not a program. Repeated props
// become one InstancedMesh (one draw call), which keeps scenes inside their budgets. Particles
// (rain, dust, steam) are one Points object each, drawn in the share the quality tier allows, from
// a seeded generator so every run of a scene looks the same (screenshot tests rely on it).

import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
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
  Points,
  PointsMaterial,
  SphereGeometry,
} from 'three';
import type { Quality } from './quality.ts';
import {
  type CameraPose,
  defineScene,
  type SceneInstance,
  type SceneLamps,
  type SceneModule,
} from './scene.ts';
import { seeded } from './seeded.ts';

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

export interface Particles {
  /** How many at the high tier; lower tiers draw a share of them. */
  count: number;
  /** Centre and size of the box they live in. */
  at: Vec3;
  area: Vec3;
  color: string;
  /** Point size in metres. */
  size: number;
  /** Metres per second downwards (negative: they rise, like steam). */
  fall: number;
  /** Sideways sway in metres per second. */
  drift?: number;
  opacity?: number;
  /** Only visible in these states (default: all). */
  only?: string[];
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
  particles?: Particles[];
  /** Half the width of the square the sun's shadows cover, around the origin (default 30 m). */
  shadowReach?: number;
  /** Optional motion: called every frame with the scene's objects by prop index; return true while moving. */
  animate?: (objects: Object3D[], seconds: number, state: string) => boolean;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

interface Cloud {
  spec: Particles;
  points: Points;
  positions: BufferAttribute;
  phase: Float32Array;
  time: number;
}

function buildParticles(spec: Particles, index: number): Cloud {
  const random = seeded(0x9e3779b9 ^ (index * 7919 + spec.count));
  const positions = new Float32Array(spec.count * 3);
  const phase = new Float32Array(spec.count);
  for (let i = 0; i < spec.count; i++) {
    for (let axis = 0; axis < 3; axis++) {
      positions[i * 3 + axis] = (spec.at[axis] ?? 0) + (random() - 0.5) * (spec.area[axis] ?? 0);
    }
    phase[i] = random() * Math.PI * 2;
  }
  const geometry = new BufferGeometry();
  const attribute = new BufferAttribute(positions, 3);
  geometry.setAttribute('position', attribute);
  const material = new PointsMaterial({
    color: new Color(spec.color),
    size: spec.size,
    transparent: true,
    opacity: spec.opacity ?? 0.7,
    depthWrite: false,
  });
  const points = new Points(geometry, material);
  points.frustumCulled = false;
  return { spec, points, positions: attribute, phase, time: 0 };
}

/** Moves a cloud on by `seconds`, wrapping each particle inside its box. */
function stepParticles(cloud: Cloud, seconds: number): void {
  const { spec, positions, phase } = cloud;
  const array = positions.array as Float32Array;
  const [cx, cy] = spec.at;
  const [w, h] = spec.area;
  const bottom = cy - h / 2;
  const drift = spec.drift ?? 0;
  cloud.time += seconds;
  const count = cloud.points.geometry.drawRange.count;
  const n = Math.min(spec.count, Number.isFinite(count) ? count : spec.count);
  for (let i = 0; i < n; i++) {
    let y = (array[i * 3 + 1] ?? 0) - spec.fall * seconds;
    if (y < bottom) y += h;
    else if (y > bottom + h) y -= h;
    array[i * 3 + 1] = y;
    if (drift) {
      let x = (array[i * 3] ?? 0) + Math.sin(cloud.time + (phase[i] ?? 0)) * drift * seconds;
      if (x < cx - w / 2) x += w;
      else if (x > cx + w / 2) x -= w;
      array[i * 3] = x;
    }
  }
  positions.needsUpdate = true;
}

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
    build(lamps?: SceneLamps): SceneInstance {
      const root = new Group();
      const hemi = lamps?.hemi ?? new HemisphereLight();
      const sun = lamps?.sun ?? new DirectionalLight();
      // One shadow map around the middle of the scene, used only at the tiers that draw shadows.
      const reach = spec.shadowReach ?? 30;
      Object.assign(sun.shadow.camera, {
        left: -reach,
        right: reach,
        top: reach,
        bottom: -reach,
        near: 0.5,
        far: 160,
      });
      sun.shadow.mapSize.set(1024, 1024);
      sun.shadow.bias = -0.0008;
      sun.shadow.camera.updateProjectionMatrix();
      if (!lamps) root.add(hemi, sun, sun.target);
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
        // Flat ground receives shadows; everything standing casts them (and receives them).
        object.receiveShadow = true;
        object.castShadow = prop.shape !== 'plane' && !prop.glow;
        root.add(object);
        objects.push(object);
        if (prop.only) stateful.push({ object, only: prop.only });
      }
      const clouds = (spec.particles ?? []).map(buildParticles);
      for (const cloud of clouds) {
        root.add(cloud.points);
        if (cloud.spec.only) stateful.push({ object: cloud.points, only: cloud.spec.only });
      }
      let state = states[0] ?? '';
      let particleShare = 1;
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
        setQuality(quality: Quality) {
          sun.castShadow = quality.shadows;
          particleShare = quality.particles;
          for (const cloud of clouds) {
            const count = Math.floor(cloud.spec.count * particleShare);
            cloud.points.geometry.setDrawRange(0, count);
          }
        },
        update(seconds) {
          let moving = spec.animate?.(objects, seconds, state) ?? false;
          for (const cloud of clouds) {
            if (!cloud.points.visible || cloud.points.geometry.drawRange.count === 0) continue;
            stepParticles(cloud, seconds);
            moving = true;
          }
          return moving;
        },
      };
    },
  });
}
