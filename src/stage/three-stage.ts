// The three.js stage: one WebGLRenderer for the app's lifetime, scenes mounted into it and
// disposed on unmount, shaders compiled when a scene loads (compileAsync) so the first frame does
// not stutter, and frames drawn on demand: only while a camera moves or a scene animates.
// Without WebGL the stage is a plain element that still reports each scene (issue: 3D stage
// brings the 2D rendition).

import { Color, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from 'three';
import { disposeTree } from './dispose.ts';
import type { CameraPose, SceneInstance, SceneModule } from './scene.ts';
import type { SceneRequest, Stage } from './stage.ts';

const scenes = import.meta.glob<{ default: SceneModule }>('../../scenes/*/*.scene.ts');

/** How long a camera move between two poses takes. */
const CAMERA_MOVE_S = 1.6;

interface Mounted {
  key: string;
  module: SceneModule;
  instance: SceneInstance;
}

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

export class ThreeStage extends EventTarget implements Stage {
  readonly element: HTMLElement;
  readonly mode: 'webgl' | '2d';
  private readonly renderer?: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(50, 16 / 9, 0.1, 300);
  private readonly target = new Vector3();
  private readonly scratch = new Vector3();
  private mounted?: Mounted;
  private move?: { from: CameraPose; to: CameraPose; t: number };
  private frame = 0;
  private lastFrameAt = 0;
  private serial = 0;
  private readonly drawn: (() => void)[] = [];
  /** Shader compilation in flight: three.js polls the scene's materials until it settles. */
  private compiling: Promise<unknown> = Promise.resolve();

  constructor(doc: Document) {
    super();
    const canvas = doc.createElement('canvas');
    let renderer: WebGLRenderer | undefined;
    try {
      renderer = new WebGLRenderer({ canvas, antialias: true, powerPreference: 'low-power' });
      renderer.setPixelRatio(Math.min(doc.defaultView?.devicePixelRatio ?? 1, 1.5));
    } catch {
      renderer = undefined;
    }
    this.renderer = renderer;
    this.mode = renderer ? 'webgl' : '2d';
    this.element = renderer ? canvas : doc.createElement('div');
    this.element.className = 'stage';
    this.element.dataset.stage = this.mode;
    this.element.setAttribute('aria-hidden', 'true');
    new ResizeObserver(() => this.resize()).observe(this.element);
  }

  private resize(): void {
    const { clientWidth: width, clientHeight: height } = this.element;
    if (!width || !height) return;
    this.renderer?.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.requestFrame();
  }

  async show(request: SceneRequest): Promise<void> {
    const serial = ++this.serial;
    if (this.mounted?.key !== request.scene) {
      const load = scenes[`../../scenes/${request.scene}.scene.ts`];
      if (!load) throw new Error(`no scene module for ${request.scene}`);
      const module = (await load()).default;
      if (serial !== this.serial) return;
      this.clear();
      const instance = module.build();
      this.scene.add(instance.root);
      this.mounted = { key: request.scene, module, instance };
      this.place(instance.cameras[request.camera ?? module.cameras[0] ?? ''], false);
      if (this.renderer) {
        this.compiling = this.renderer.compileAsync(this.scene, this.camera);
        await this.compiling;
      }
      if (serial !== this.serial) return;
    } else if (request.camera) {
      this.place(this.mounted.instance.cameras[request.camera], true);
    }
    const { module, instance } = this.mounted as Mounted;
    const state = request.state ?? module.states[0] ?? '';
    if (request.state || this.element.dataset.scene !== request.scene) instance.setState(state);
    this.scene.background = new Color(instance.background[state] ?? '#000000');
    this.element.dataset.scene = request.scene;
    this.element.dataset.state = state;
    if (!this.renderer) this.element.style.background = instance.background[state] ?? '#000';
    await this.nextFrame();
    if (serial === this.serial) this.dispatchEvent(new CustomEvent('stage-ready', { detail: request }));
  }

  private place(pose: CameraPose | undefined, animate: boolean): void {
    if (!pose) return;
    if (animate) {
      this.move = {
        from: { position: this.camera.position.toArray(), target: this.target.toArray() },
        to: pose,
        t: 0,
      };
    } else {
      this.move = undefined;
      this.camera.position.set(...pose.position);
      this.target.set(...pose.target);
      this.camera.lookAt(this.target);
    }
    if (pose.fov) {
      this.camera.fov = pose.fov;
      this.camera.updateProjectionMatrix();
    }
  }

  private nextFrame(): Promise<void> {
    return new Promise((resolve) => {
      this.drawn.push(resolve);
      this.requestFrame();
    });
  }

  private requestFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame((now) => this.draw(now));
  }

  private draw(now: number): void {
    this.frame = 0;
    const seconds = this.lastFrameAt ? Math.min(0.1, (now - this.lastFrameAt) / 1000) : 0;
    this.lastFrameAt = now;
    let moving = this.mounted?.instance.update?.(seconds) ?? false;
    if (this.move) {
      const { from, to } = this.move;
      this.move.t = Math.min(1, this.move.t + seconds / CAMERA_MOVE_S);
      const k = ease(this.move.t);
      // A scratch vector, not a new one per frame: this runs every frame of a camera move.
      this.camera.position.fromArray(from.position).lerp(this.scratch.fromArray(to.position), k);
      this.target.fromArray(from.target).lerp(this.scratch.fromArray(to.target), k);
      this.camera.lookAt(this.target);
      if (this.move.t >= 1) this.move = undefined;
      else moving = true;
    }
    this.renderer?.render(this.scene, this.camera);
    for (const resolve of this.drawn.splice(0)) resolve();
    if (moving) this.requestFrame();
    else this.lastFrameAt = 0;
  }

  clear(): void {
    const mounted = this.mounted;
    if (!mounted) return;
    this.mounted = undefined;
    this.move = undefined;
    mounted.instance.root.removeFromParent();
    // Disposing materials while compileAsync still polls them throws inside three.js: wait for it.
    void this.compiling.then(() => {
      disposeTree(mounted.instance.root);
      mounted.instance.dispose?.();
      this.renderer?.renderLists.dispose();
    });
    delete this.element.dataset.scene;
    delete this.element.dataset.state;
  }
}

let shared: ThreeStage | undefined;

/** The one stage of this page: created on first use, kept for the app's lifetime. */
export function sharedStage(doc: Document): ThreeStage {
  shared ??= new ThreeStage(doc);
  return shared;
}
