// A small kit for low-poly scenes built from code: props are data (shape, size, place, colour,
// the states they appear in), so a scene module is a description, not a program. Props that stand
// still are merged by kind (solid, ground, glowing) and by the states they show in, colours in their
// vertices: a scene is a handful of draw calls, whatever its number of props. Particles
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
  Euler,
  Group,
  HemisphereLight,
  InstancedMesh,
  Matrix3,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  Object3D,
  PlaneGeometry,
  Points,
  PointsMaterial,
  SphereGeometry,
  Vector3,
} from 'three';
import { bakeColours, darkness, encodeColours, readLamps } from './light.ts';
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
  /**
   * Moved, grown or made to blink by `animate`: the prop keeps an object of its own. Every other
   * prop is merged with its like into one mesh (one draw call), and `animate` gets a stand-in for
   * it that is never drawn. A moving prop keeps its turn (its light may be baked at the minimal
   * tier).
   */
  moves?: boolean;
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
      // Detail follows size: a 10 cm light on the grass is a few pixels across and needs no 168
      // triangles (a CPU rasterizer pays for each, drawn or culled), a hill on the horizon does.
      return a < 0.3
        ? new SphereGeometry(a, 6, 4)
        : a < 1.5
          ? new SphereGeometry(a, 10, 6)
          : new SphereGeometry(a, 12, 8);
    case 'plane':
      return new PlaneGeometry(a, b).rotateX(-Math.PI / 2);
  }
}

/** Where each copy of a prop stands: its turn, then its place (moved by `step` per copy). */
function placements(prop: Prop): Matrix4[] {
  const count = prop.repeat && prop.repeat.count > 1 ? prop.repeat.count : 1;
  const step = prop.repeat?.step ?? [0, 0, 0];
  const turn = new Euler(...((prop.turn ?? [0, 0, 0]).map(rad) as Vec3));
  return Array.from({ length: count }, (_, i) =>
    new Matrix4()
      .makeRotationFromEuler(turn)
      .setPosition(prop.at[0] + step[0] * i, prop.at[1] + step[1] * i, prop.at[2] + step[2] * i),
  );
}

/**
 * A growing mesh: props of one kind, shown in the same states, merged into one draw call. Its
 * triangles are ordered near to far from the scene's first camera, so that what stands in front
 * hides what is behind it before it is shaded (a GPU's early depth test, and a CPU rasterizer's).
 */
class Batch {
  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly colours: number[] = [];
  private readonly pieces: { indices: number[]; distance: number }[] = [];

  constructor(private readonly viewpoint: Vector3) {}

  add(geometry: BufferGeometry, matrices: readonly Matrix4[], colour: Color): void {
    const position = geometry.getAttribute('position');
    const normal = geometry.getAttribute('normal');
    const index = geometry.getIndex();
    const point = new Vector3();
    const facing = new Vector3();
    const turn = new Matrix3();
    geometry.computeBoundingSphere();
    const centre = geometry.boundingSphere?.center ?? new Vector3();
    for (const matrix of matrices) {
      const first = this.positions.length / 3;
      turn.getNormalMatrix(matrix);
      for (let v = 0; v < position.count; v++) {
        point.fromBufferAttribute(position, v).applyMatrix4(matrix);
        facing.fromBufferAttribute(normal, v).applyMatrix3(turn).normalize();
        this.positions.push(point.x, point.y, point.z);
        this.normals.push(facing.x, facing.y, facing.z);
        this.colours.push(colour.r, colour.g, colour.b);
      }
      const count = index ? index.count : position.count;
      const indices = Array.from({ length: count }, (_, i) => first + (index ? index.getX(i) : i));
      // The far side of a big prop (a hill) counts: its surface, not its centre, meets the eye.
      const radius = geometry.boundingSphere?.radius ?? 0;
      const distance = point.copy(centre).applyMatrix4(matrix).distanceTo(this.viewpoint) - radius;
      this.pieces.push({ indices, distance });
    }
  }

  geometry(): BufferGeometry {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(new Float32Array(this.positions), 3));
    geometry.setAttribute('normal', new BufferAttribute(new Float32Array(this.normals), 3));
    geometry.setAttribute('color', new BufferAttribute(new Float32Array(this.colours), 3));
    const near = [...this.pieces].sort((a, b) => a.distance - b.distance);
    geometry.setIndex(near.flatMap((piece) => piece.indices));
    return geometry;
  }
}

/**
 * What `animate` gets for a prop merged with others: it keeps `userData` (scenes keep their clocks
 * there) but refuses to move, turn, grow or blink, loudly, so a scene that forgets `moves: true`
 * fails its kit test instead of silently standing still.
 */
function standIn(): Object3D {
  const object = new Object3D();
  for (const part of [object.position, object.rotation, object.quaternion, object.scale]) Object.freeze(part);
  Object.defineProperty(object, 'visible', {
    get: () => false,
    set() {
      throw new Error('this prop is merged with others: give it `moves: true` to animate it');
    },
  });
  return object;
}

/** One drawn mesh of a kit scene and the colours it shows at each tier. */
interface Painted {
  mesh: Mesh;
  glow: boolean;
  /** Linear colour per vertex, and unit normals in the scene's space (for the baked light). */
  base: Float32Array;
  normals: Float32Array;
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
      // Two materials for the whole scene: colours live in the vertices. Lit props are drawn with
      // Lambert (per-pixel light, shadows) or, at the minimal tier, unlit with their light baked in;
      // glowing props are always unlit.
      const lambert = new MeshLambertMaterial({ vertexColors: true });
      const unlit = new MeshBasicMaterial({ vertexColors: true });
      const painted: Painted[] = [];
      const stateful: { object: Object3D; only: string[] }[] = [];
      const paint = (mesh: Mesh, glow: boolean, normals: Float32Array, only?: string[]) => {
        const colour = mesh.geometry.getAttribute('color') as BufferAttribute;
        painted.push({ mesh, glow, base: Float32Array.from(colour.array), normals });
        mesh.material = glow ? unlit : lambert;
        // Everything receives shadows (the unlit material ignores them; the same flag keeps the
        // stage's kept programs matching); what stands casts them, set by the caller.
        mesh.receiveShadow = true;
        root.add(mesh);
        if (only) stateful.push({ object: mesh, only });
      };

      // Props that move keep an object of their own (the `objects` animate receives); all the
      // others are merged by kind and by the states they show in. `objects` keeps one entry per
      // prop: a merged prop's entry is a stand-in that is never drawn.
      const objects: Object3D[] = [];
      const firstCamera = Object.values(spec.cameras)[0];
      const viewpoint = new Vector3(...(firstCamera?.position ?? [0, 0, 0]));
      const batches = new Map<string, { batch: Batch; glow: boolean; caster: boolean; only?: string[] }>();
      for (const prop of spec.props) {
        const geometry = geometryFor(prop);
        const colour = new Color(prop.color);
        const glow = prop.glow === true;
        const matrices = placements(prop);
        if (!prop.moves) {
          const caster = !glow && prop.shape !== 'plane';
          const key = `${glow ? 'glow' : caster ? 'solid' : 'ground'}|${prop.only?.join(',') ?? '*'}`;
          let entry = batches.get(key);
          if (!entry) {
            entry = { batch: new Batch(viewpoint), glow, caster, only: prop.only };
            batches.set(key, entry);
          }
          entry.batch.add(geometry, matrices, colour);
          geometry.dispose();
          objects.push(standIn());
          continue;
        }
        // A moving prop: its own mesh (an InstancedMesh for copies), coloured like a batch. It may
        // move, grow or blink but keeps its turn, so light baked from its first place holds.
        const vertices = geometry.getAttribute('position').count;
        const colours = new Float32Array(vertices * 3);
        for (let v = 0; v < vertices; v++) colour.toArray(colours, v * 3);
        geometry.setAttribute('color', new BufferAttribute(colours, 3));
        const [first] = matrices as [Matrix4];
        const normals = Float32Array.from(geometry.getAttribute('normal').array);
        const turn = new Matrix3().getNormalMatrix(first);
        const facing = new Vector3();
        for (let i = 0; i < normals.length; i += 3)
          facing.fromArray(normals, i).applyMatrix3(turn).normalize().toArray(normals, i);
        let mesh: Mesh;
        if (matrices.length > 1) {
          const instanced = new InstancedMesh(geometry, lambert, matrices.length);
          for (const [i, matrix] of matrices.entries()) instanced.setMatrixAt(i, matrix);
          mesh = instanced;
        } else {
          mesh = new Mesh(geometry, lambert);
          first.decompose(mesh.position, mesh.quaternion, mesh.scale);
        }
        mesh.castShadow = !glow && prop.shape !== 'plane';
        paint(mesh, glow, normals, prop.only);
        objects.push(mesh);
      }
      for (const { batch, glow, caster, only } of batches.values()) {
        const mesh = new Mesh(batch.geometry());
        mesh.castShadow = caster;
        // The ground goes last: whatever stands on it hides part of it, and hidden is not shaded.
        if (!caster && !glow) mesh.renderOrder = 1;
        paint(mesh, glow, Float32Array.from(batch.normals), only);
      }

      const clouds = (spec.particles ?? []).map(buildParticles);
      for (const cloud of clouds) {
        root.add(cloud.points);
        if (cloud.spec.only) stateful.push({ object: cloud.points, only: cloud.spec.only });
      }

      let state = states[0] ?? '';
      let particleShare = 1;
      let baked = false;
      const light = darkness();
      /** Fills every mesh's colours for the tier: as they are, or lit and encoded on the CPU. */
      const repaint = () => {
        if (baked) readLamps(hemi, sun, light);
        for (const { mesh, glow, base, normals } of painted) {
          const colour = mesh.geometry.getAttribute('color') as BufferAttribute;
          const out = colour.array as Float32Array;
          if (!baked) out.set(base);
          else if (glow) encodeColours(base, out);
          else bakeColours(base, normals, light, out);
          colour.needsUpdate = true;
          if (!glow) mesh.material = baked ? unlit : lambert;
        }
      };
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
          if (baked) repaint();
        },
        setQuality(quality: Quality) {
          sun.castShadow = quality.shadows;
          particleShare = quality.particles;
          for (const cloud of clouds) {
            const count = Math.floor(cloud.spec.count * particleShare);
            cloud.points.geometry.setDrawRange(0, count);
          }
          if (quality.bakedLight !== baked) {
            baked = quality.bakedLight;
            repaint();
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
        dispose() {
          // The material no mesh holds at this tier is not found by walking the scene.
          lambert.dispose();
          unlit.dispose();
        },
      };
    },
  });
}
