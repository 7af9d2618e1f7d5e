// The 2D rendition: the same scene, drawn without WebGL. A station whose GPU or driver refuses
// WebGL (or one whose context never came back) still shows each journey's places, in the same
// states and from the same cameras, so the journey works unchanged.
//
// It is a tiny flat-shaded painter: the scene module builds its three.js objects as usual (they
// need no GPU), every visible triangle is lit the way the scene's lamps light it (hemisphere and
// sun, Lambert, as in light.ts), clipped at the near plane, projected, and painted far to near on a 2D canvas.
// Drawn once per step, never animated: the journey's words and choices carry the visit.

import {
  type BufferGeometry,
  Color,
  type DirectionalLight,
  type HemisphereLight,
  type InstancedMesh,
  type Material,
  Matrix4,
  type Mesh,
  type MeshBasicMaterial,
  type MeshLambertMaterial,
  type Object3D,
  PerspectiveCamera,
  Vector3,
  Vector4,
} from 'three';
import { disposeTree } from './dispose.ts';
import { type LampLight, lambertInto, readLamps } from './light.ts';
import { describePixels, type FrameSample } from './pixels.ts';
import { TIERS } from './quality.ts';
import type { SceneInstance, SceneModule } from './scene.ts';
import { loadSceneModule } from './scene-modules.ts';
import type { SceneRequest, Stage, StageStats } from './stage.ts';

/** A painted triangle (or, after clipping, a small convex polygon) in canvas pixels. */
export interface FlatPolygon {
  points: number[];
  /** Farthest view distance of its corners: painted far to near. */
  depth: number;
  color: string;
}

function visibleInTree(object: Object3D): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/** The lamps under `root` (the kit adds its own when built without the stage's). */
function lampsOf(root: Object3D): LampLight {
  let hemi: HemisphereLight | undefined;
  let sun: DirectionalLight | undefined;
  root.traverse((object) => {
    if ((object as HemisphereLight).isHemisphereLight) hemi ??= object as HemisphereLight;
    else if ((object as DirectionalLight).isDirectionalLight) sun ??= object as DirectionalLight;
  });
  return readLamps(hemi, sun);
}

/** What a triangle's surface is made of: its colour (linear), and whether the lamps light it. */
interface Surface {
  colour: Color;
  emissive?: Color;
  lit: boolean;
}

/** Scratch for one lit colour: shade runs once per triangle. */
const lit3 = new Float32Array(3);

/** Lambert as the kit's lamps give it (light.ts), plus any glow; returned as a CSS colour (sRGB). */
function shade(surface: Surface, normal: Vector3, lamps: LampLight, out: Color): string {
  const { colour, emissive, lit } = surface;
  if (lit) {
    lambertInto(colour.r, colour.g, colour.b, normal.x, normal.y, normal.z, lamps, lit3, 0);
    out.setRGB(lit3[0] ?? 0, lit3[1] ?? 0, lit3[2] ?? 0);
  } else {
    out.copy(colour);
  }
  if (emissive) out.add(emissive);
  out.r = Math.min(1, out.r);
  out.g = Math.min(1, out.g);
  out.b = Math.min(1, out.b);
  return `#${out.getHexString()}`;
}

/** Clips a polygon in clip space to the near plane (z > -w); returns the kept corners. */
function clipNear(corners: Vector4[]): Vector4[] {
  const kept: Vector4[] = [];
  for (let i = 0; i < corners.length; i++) {
    const a = corners[i] as Vector4;
    const b = corners[(i + 1) % corners.length] as Vector4;
    const da = a.z + a.w;
    const db = b.z + b.w;
    if (da >= 0) kept.push(a);
    if (da >= 0 !== db >= 0) {
      const t = da / (da - db);
      kept.push(a.clone().lerp(b, t));
    }
  }
  return kept;
}

/**
 * Projects every visible mesh under `root` seen by `camera` into polygons for a canvas of
 * `width` × `height` pixels, lit by the scene's lamps, sorted far to near. Pure apart from
 * reading the objects: unit-tested without a browser.
 */
export function flatten(
  root: Object3D,
  camera: PerspectiveCamera,
  width: number,
  height: number,
): FlatPolygon[] {
  root.updateMatrixWorld(true);
  camera.updateMatrixWorld(true);
  const lamps = lampsOf(root);
  const viewProjection = new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
  const polygons: FlatPolygon[] = [];
  const world = new Matrix4();
  const instance = new Matrix4();
  const corners = [new Vector3(), new Vector3(), new Vector3()];
  const edge1 = new Vector3();
  const edge2 = new Vector3();
  const normal = new Vector3();
  const toCamera = new Vector3();
  const colour = new Color();
  const vertexColour = new Color();
  const scratch = new Color();
  const cameraAt = camera.getWorldPosition(new Vector3());

  const surface: Surface = { colour: new Color(), lit: true };
  const drawMesh = (geometry: BufferGeometry, matrix: Matrix4, material: Material) => {
    const position = geometry.getAttribute('position');
    if (!position) return;
    const index = geometry.getIndex();
    const count = index ? index.count : position.count;
    const { color, emissive, vertexColors } = material as MeshLambertMaterial;
    surface.emissive = emissive && emissive.getHex() !== 0 ? emissive : undefined;
    // Unlit materials (the kit's glowing props) show their colour as it is.
    surface.lit = !(material as MeshBasicMaterial).isMeshBasicMaterial;
    const colours = vertexColors ? geometry.getAttribute('color') : undefined;
    for (let i = 0; i + 2 < count; i += 3) {
      surface.colour.copy(color);
      vertexColour.setRGB(0, 0, 0);
      for (let k = 0; k < 3; k++) {
        const vertex = index ? index.getX(i + k) : i + k;
        (corners[k] as Vector3).fromBufferAttribute(position, vertex).applyMatrix4(matrix);
        // The triangle's colour is the mean of its corners' (one colour per prop in the kit).
        if (colours) vertexColour.add(scratch.fromBufferAttribute(colours, vertex).multiplyScalar(1 / 3));
      }
      if (colours) surface.colour.multiply(vertexColour);
      const [a, b, c] = corners as [Vector3, Vector3, Vector3];
      normal.crossVectors(edge1.subVectors(b, a), edge2.subVectors(c, a)).normalize();
      // Back faces are not painted (all kit shapes are closed or face up).
      if (normal.dot(toCamera.subVectors(cameraAt, a)) <= 0) continue;
      const clipped = clipNear(
        corners.map((p) => new Vector4(p.x, p.y, p.z, 1).applyMatrix4(viewProjection)),
      );
      if (clipped.length < 3) continue;
      const points: number[] = [];
      let depth = 0;
      for (const p of clipped) {
        points.push(((p.x / p.w) * 0.5 + 0.5) * width, (0.5 - (p.y / p.w) * 0.5) * height);
        depth = Math.max(depth, p.w);
      }
      polygons.push({ points, depth, color: shade(surface, normal, lamps, colour) });
    }
  };

  root.traverse((object) => {
    const mesh = object as Mesh;
    if (!mesh.isMesh || !visibleInTree(mesh)) return;
    const material = Array.isArray(mesh.material) ? mesh.material[0] : mesh.material;
    if (!(material as MeshLambertMaterial | undefined)?.color) return;
    const instanced = object as InstancedMesh;
    if (instanced.isInstancedMesh) {
      for (let i = 0; i < instanced.count; i++) {
        instanced.getMatrixAt(i, instance);
        drawMesh(mesh.geometry, world.multiplyMatrices(mesh.matrixWorld, instance), material as Material);
      }
    } else {
      drawMesh(mesh.geometry, mesh.matrixWorld, material as Material);
    }
  });
  return polygons.sort((p, q) => q.depth - p.depth);
}

export class FlatStage extends EventTarget implements Stage {
  readonly element: HTMLCanvasElement;
  readonly mode = '2d' as const;
  readonly tier = null;
  private readonly camera = new PerspectiveCamera(50, 16 / 9, 0.1, 300);
  private mounted?: { key: string; module: SceneModule; instance: SceneInstance };
  private state = '';
  private serial = 0;
  private painted = 0;

  constructor(doc: Document) {
    super();
    this.element = doc.createElement('canvas');
    this.element.className = 'stage';
    this.element.dataset.stage = this.mode;
    this.element.setAttribute('aria-hidden', 'true');
    doc.documentElement.dataset.stageTier = 'flat';
    new ResizeObserver(() => this.paint()).observe(this.element);
  }

  async show(request: SceneRequest): Promise<void> {
    const serial = ++this.serial;
    if (this.mounted?.key !== request.scene) {
      const module = await loadSceneModule(request.scene);
      if (serial !== this.serial) return;
      this.clear();
      const instance = module.build();
      // No particles, no shadows: the lowest tier, drawn once.
      instance.setQuality?.(TIERS.low);
      this.mounted = { key: request.scene, module, instance };
      this.pose(request.camera ?? module.cameras[0] ?? '');
    } else if (request.camera) {
      this.pose(request.camera);
    }
    const { module, instance } = this.mounted as NonNullable<typeof this.mounted>;
    const state = request.state ?? (this.element.dataset.scene === request.scene ? this.state : undefined);
    this.state = state ?? module.states[0] ?? '';
    instance.setState(this.state);
    this.element.dataset.scene = request.scene;
    this.element.dataset.state = this.state;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (serial !== this.serial) return;
    this.paint();
    this.dispatchEvent(new CustomEvent('stage-ready', { detail: request }));
  }

  private pose(name: string): void {
    const pose = this.mounted?.instance.cameras[name];
    if (!pose) return;
    this.camera.position.set(...pose.position);
    this.camera.lookAt(...pose.target);
    if (pose.fov) this.camera.fov = pose.fov;
  }

  private paint(): void {
    const canvas = this.element;
    const ratio = Math.min(canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1, 1.5);
    const width = Math.round(canvas.clientWidth * ratio);
    const height = Math.round(canvas.clientHeight * ratio);
    const context = canvas.getContext('2d');
    if (!width || !height || !context) return;
    if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
    const mounted = this.mounted;
    context.fillStyle = mounted?.instance.background[this.state] ?? '#14161c';
    context.fillRect(0, 0, width, height);
    this.painted = 0;
    if (!mounted) return;
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    context.lineJoin = 'round';
    context.lineWidth = 0.75; // a hairline of the same colour closes the seams between triangles
    for (const polygon of flatten(mounted.instance.root, this.camera, width, height)) {
      const { points, color } = polygon;
      context.beginPath();
      context.moveTo(points[0] ?? 0, points[1] ?? 0);
      for (let i = 2; i < points.length; i += 2) context.lineTo(points[i] ?? 0, points[i + 1] ?? 0);
      context.closePath();
      context.fillStyle = color;
      context.strokeStyle = color;
      context.fill();
      context.stroke();
      this.painted++;
    }
  }

  clear(): void {
    const mounted = this.mounted;
    if (!mounted) return;
    this.mounted = undefined;
    disposeTree(mounted.instance.root);
    mounted.instance.dispose?.();
    delete this.element.dataset.scene;
    delete this.element.dataset.state;
  }

  async settled(): Promise<void> {}

  /** Reads the painted canvas back (tests: did the scene draw?). */
  sample(): FrameSample {
    const { width, height } = this.element;
    const context = this.element.getContext('2d');
    if (!context || !width || !height) return describePixels([], 0, 0);
    return describePixels(context.getImageData(0, 0, width, height).data, width, height);
  }

  stats(): StageStats {
    return {
      mode: this.mode,
      tier: null,
      scene: this.mounted?.key ?? null,
      calls: 0,
      triangles: this.painted,
      points: 0,
      geometries: 0,
      textures: 0,
      programs: 0,
      textureBytes: 0,
      largestTexture: 0,
    };
  }
}
