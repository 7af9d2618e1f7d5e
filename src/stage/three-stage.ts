// The three.js stage: one WebGLRenderer for the app's lifetime, scenes mounted into it and
// disposed on unmount, shaders compiled when a scene loads (compileAsync) so the first frame does
// not stutter, and frames drawn on demand: only while a camera moves or a scene animates.
//
// Quality: a tier (quality.ts) chosen at boot from a short probe, or fixed by the kiosk config,
// and stepped down when frames drawn back to back stay over budget. Failure: without WebGL the
// page gets the 2D rendition (flat-stage.ts) instead; when the GPU drops the context, the stage
// says `stage-lost` (the station returns to the attract loop), waits for the context to come back
// and, if it does not, asks for a reload.

import {
  Color,
  DirectionalLight,
  HemisphereLight,
  LinearSRGBColorSpace,
  type Object3D,
  PerspectiveCamera,
  Scene,
  SRGBColorSpace,
  Vector3,
  WebGLRenderer,
} from 'three';
import { disposeTree } from './dispose.ts';
import { FinishingPass } from './finishing.ts';
import { FlatStage } from './flat-stage.ts';
import { textureFootprint } from './footprint.ts';
import { describePixels, type FrameSample } from './pixels.ts';
import { probeRenderTimes } from './probe.ts';
import { programKeeper } from './program-keeper.ts';
import {
  FrameWatch,
  pixelRatioFor,
  type Quality,
  TIERS,
  type TierName,
  type TierSetting,
  tierBelow,
  tierForProbe,
} from './quality.ts';
import type { CameraPose, SceneInstance, SceneModule } from './scene.ts';
import { loadSceneModule } from './scene-modules.ts';
import type { SceneRequest, Stage, StageStats, TierChange } from './stage.ts';

/** How long a camera move between two poses takes. */
const CAMERA_MOVE_S = 1.6;
/** How long to wait for a lost WebGL context to come back before asking for a reload. */
export const RESTORE_WAIT_MS = 8000;
/** Disposal waits for shader compilation to settle, but never longer than this (a lost context). */
const COMPILE_SETTLE_MS = 3000;

export interface StageOptions {
  /** `auto` (default) probes the GPU at boot; a tier name fixes it. */
  tier?: TierSetting;
  /** Nothing moves by itself (no particles, no animation; camera moves jump): screenshots. */
  still?: boolean;
  /** What to do when the GPU context does not come back (default: reload the page). */
  reload?: () => void;
}

interface Mounted {
  key: string;
  module: SceneModule;
  instance: SceneInstance;
}

/**
 * The name of the rasterizer behind WebGL (the unmasked renderer string where the browser gives
 * it), read from a throwaway context that is released at once; undefined without WebGL 2.
 */
export function rendererName(doc: Document): string | undefined {
  const gl = doc.createElement('canvas').getContext('webgl2');
  if (!gl) return undefined;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

/**
 * The name of the rasterizer behind WebGL when it is the CPU (SwiftShader, llvmpipe, softpipe),
 * read before the stage's own context is made: multisampling is the costliest thing a CPU
 * rasterizer does per pixel, and a context's antialiasing cannot change later.
 */
export function softwareRasterizer(doc: Document): string | undefined {
  const name = rendererName(doc);
  return name && /swiftshader|llvmpipe|softpipe|software/i.test(name) ? name : undefined;
}

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ThreeStage extends EventTarget implements Stage {
  readonly element: HTMLCanvasElement;
  readonly mode = 'webgl' as const;
  /** Resolves once the tier is chosen (after the probe, for `auto`). */
  readonly ready: Promise<void>;
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(50, 16 / 9, 0.1, 300);
  private readonly target = new Vector3();
  private readonly scratch = new Vector3();
  /** Lent to every scene (see SceneLamps): never rebuilt, never disposed. */
  private readonly lamps = { hemi: new HemisphereLight(), sun: new DirectionalLight() };
  private readonly watch = new FrameWatch();
  private readonly reload: () => void;
  /** Whether the tier adapts to frame times (`auto`), or was fixed by the kiosk config. */
  private readonly adaptive: boolean;
  private readonly still: boolean;
  private quality: Quality = TIERS.medium;
  private finishing?: FinishingPass;
  private mounted?: Mounted;
  private move?: { from: CameraPose; to: CameraPose; t: number };
  private frame = 0;
  private lastFrameAt = 0;
  private serial = 0;
  private readonly drawn: (() => void)[] = [];
  /** Shader compilation in flight: three.js polls the scene's materials until it settles. */
  private compiling: Promise<unknown> = Promise.resolve();
  /** Disposal of unmounted scenes still waiting for compilation to settle. */
  private disposing: Promise<unknown> = Promise.resolve();
  private lost = false;
  /** The CPU rasterizer WebGL runs on, if it does. */
  private readonly software: string | undefined;
  /** The current state's background, as authored (sRGB hex). */
  private background = '#000000';
  private restored: Promise<void> = Promise.resolve();
  private onRestored = () => {};
  private restoreTimer?: ReturnType<typeof setTimeout>;

  /** Throws when WebGL is unavailable; `createStage` then builds the 2D rendition. */
  constructor(doc: Document, options: StageOptions = {}) {
    super();
    const canvas = doc.createElement('canvas');
    // On a CPU rasterizer the probe will choose a tier without multisampling's cost; a tier fixed
    // in the kiosk config is drawn as that tier is everywhere, multisampling included.
    const setting = options.tier ?? 'auto';
    this.software = softwareRasterizer(doc);
    const antialias = !(this.software && (setting === 'auto' || setting === 'minimal'));
    this.renderer = new WebGLRenderer({ canvas, antialias, powerPreference: 'low-power' });
    // Statistics count a whole frame (shadow map, scene and finishing pass), not its last call.
    this.renderer.info.autoReset = false;
    this.scene.add(this.lamps.hemi, this.lamps.sun, this.lamps.sun.target, programKeeper());
    this.element = canvas;
    this.element.className = 'stage';
    this.element.dataset.stage = this.mode;
    this.element.setAttribute('aria-hidden', 'true');
    this.adaptive = (options.tier ?? 'auto') === 'auto';
    this.still = options.still ?? false;
    this.reload = options.reload ?? (() => doc.defaultView?.location.reload());
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    canvas.addEventListener('webglcontextrestored', this.onContextRestored);
    new ResizeObserver(() => this.resize()).observe(this.element);
    this.ready = this.chooseTier(options.tier ?? 'auto', doc.defaultView);
  }

  get tier(): TierName {
    return this.quality.tier;
  }

  private async chooseTier(setting: TierSetting, view: Window | null): Promise<void> {
    let tier: TierName = setting === 'auto' ? 'medium' : setting;
    let reason = 'set in the kiosk config';
    if (setting === 'auto') {
      const width = Math.round((view?.innerWidth ?? 1280) * Math.min(view?.devicePixelRatio ?? 1, 1.5));
      const height = Math.round((view?.innerHeight ?? 720) * Math.min(view?.devicePixelRatio ?? 1, 1.5));
      try {
        const times = await probeRenderTimes(this.renderer, width, height);
        tier = tierForProbe(times);
        const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
        reason = `probe: ${median.toFixed(1)} ms per reference frame${this.software ? ` (${this.software}, on the CPU)` : ''}`;
      } catch (error) {
        tier = 'low';
        reason = `probe failed: ${String(error)}`;
      }
    }
    this.applyQuality(TIERS[tier], reason);
  }

  private applyQuality(quality: Quality, reason: string): void {
    const from = this.quality.tier;
    const shadowsChanged = quality.shadows !== this.renderer.shadowMap.enabled;
    this.quality = quality;
    this.renderer.shadowMap.enabled = quality.shadows;
    // Baked light arrives in sRGB already: the renderer writes colours as they are, sparing every
    // pixel the conversion (programs are rebuilt for it by three.js on their own).
    this.renderer.outputColorSpace = quality.bakedLight ? LinearSRGBColorSpace : SRGBColorSpace;
    this.paintBackground();
    if (shadowsChanged) {
      // Materials compiled with (or without) shadow code must be rebuilt.
      this.scene.traverse((object) => {
        const material = (object as { material?: { needsUpdate: boolean } | { needsUpdate: boolean }[] })
          .material;
        for (const m of Array.isArray(material) ? material : material ? [material] : []) m.needsUpdate = true;
      });
    }
    if (quality.post && !this.finishing) this.finishing = new FinishingPass();
    if (!quality.post && this.finishing) {
      this.finishing.dispose();
      this.finishing = undefined;
    }
    this.mounted?.instance.setQuality?.(quality);
    this.element.dataset.tier = quality.tier;
    // The staff panel's health view reads it from the page, without loading the stage.
    this.element.ownerDocument.documentElement.dataset.stageTier = quality.tier;
    this.watch.reset();
    this.resize();
    this.dispatchEvent(
      new CustomEvent<TierChange>('stage-tier', { detail: { from, to: quality.tier, reason } }),
    );
  }

  private resize(): void {
    const { clientWidth: width, clientHeight: height } = this.element;
    if (!width || !height) return;
    const ratio = pixelRatioFor(
      this.quality,
      width,
      height,
      this.element.ownerDocument.defaultView?.devicePixelRatio ?? 1,
    );
    this.renderer.setPixelRatio(ratio);
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.requestFrame();
  }

  async show(request: SceneRequest): Promise<void> {
    const serial = ++this.serial;
    await this.ready;
    if (this.lost) await this.restored;
    if (serial !== this.serial) return;
    if (this.mounted?.key !== request.scene) {
      const module = await loadSceneModule(request.scene);
      if (serial !== this.serial) return;
      this.clear();
      const instance = module.build(this.lamps);
      instance.setQuality?.(this.quality);
      this.scene.add(instance.root);
      this.mounted = { key: request.scene, module, instance };
      this.place(instance.cameras[request.camera ?? module.cameras[0] ?? ''], false);
      // Lights and shadow settings first, so the programs compiled now are the ones drawn.
      instance.setState(request.state ?? module.states[0] ?? '');
      this.compiling = this.renderer.compileAsync(this.scene, this.camera);
      await this.compiling;
      if (serial !== this.serial) return;
    } else if (request.camera) {
      this.place(this.mounted.instance.cameras[request.camera], !this.still);
    }
    const { module, instance } = this.mounted as Mounted;
    const state = request.state ?? module.states[0] ?? '';
    if (request.state || this.element.dataset.scene !== request.scene) instance.setState(state);
    this.background = instance.background[state] ?? '#000000';
    this.paintBackground();
    this.element.dataset.scene = request.scene;
    this.element.dataset.state = state;
    await this.nextFrame();
    if (serial === this.serial) this.dispatchEvent(new CustomEvent('stage-ready', { detail: request }));
  }

  /** The background as authored, also when the renderer writes colours without converting them. */
  private paintBackground(): void {
    const colour = new Color(this.background);
    this.scene.background = this.quality.bakedLight ? colour.convertLinearToSRGB() : colour;
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

  /** Asks for a frame (the stage draws on demand). */
  requestFrame(): void {
    if (this.frame || this.lost) return;
    this.frame = requestAnimationFrame((now) => this.draw(now));
  }

  private draw(now: number): void {
    this.frame = 0;
    const interval = this.lastFrameAt ? now - this.lastFrameAt : 0;
    const seconds = Math.min(0.1, interval / 1000);
    this.lastFrameAt = now;
    let moving = this.still ? false : (this.mounted?.instance.update?.(seconds) ?? false);
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
    this.render();
    for (const resolve of this.drawn.splice(0)) resolve();
    // Only frames drawn back to back are intervals the visitor sees as smooth or not.
    if (this.adaptive && interval > 0 && this.watch.add(interval)) {
      const lower = tierBelow(this.quality.tier);
      if (lower) this.applyQuality(TIERS[lower], `frames over ${this.watch.budgetMs.toFixed(0)} ms`);
    }
    if (moving) this.requestFrame();
    else this.lastFrameAt = 0;
  }

  private render(): void {
    const info = this.renderer.info;
    info.reset(); // so info.render holds this frame's totals until the next one
    if (this.finishing) this.finishing.render(this.renderer, this.scene, this.camera);
    else this.renderer.render(this.scene, this.camera);
  }

  /**
   * What the last frame cost and what the GPU holds: for the budget tests and the staff panel.
   * Read when asked (the texture footprint walks the scene), never computed per frame.
   */
  stats(): StageStats {
    const { render, memory, programs } = this.renderer.info;
    const { bytes, largest } = textureFootprint(this.scene);
    return {
      mode: this.mode,
      tier: this.quality.tier,
      scene: this.mounted?.key ?? null,
      calls: render.calls,
      triangles: render.triangles,
      points: render.points,
      geometries: memory.geometries,
      textures: memory.textures,
      programs: programs?.length ?? 0,
      textureBytes: bytes,
      largestTexture: largest,
    };
  }

  clear(): void {
    const mounted = this.mounted;
    if (!mounted) return;
    this.mounted = undefined;
    this.move = undefined;
    mounted.instance.root.removeFromParent();
    // Disposing materials while compileAsync still polls them throws inside three.js: wait for it
    // (but not forever: a lost context never settles).
    const disposal = Promise.race([this.compiling.catch(() => {}), delay(COMPILE_SETTLE_MS)]).then(() => {
      disposeTree(mounted.instance.root);
      mounted.instance.dispose?.();
      this.renderer.renderLists.dispose();
    });
    // `.then(() => {})`: each chained Promise.all would otherwise hold the one before as its value.
    this.disposing = Promise.all([this.disposing, disposal]).then(() => {});
    delete this.element.dataset.scene;
    delete this.element.dataset.state;
  }

  /** Resolves when every unmounted scene is disposed (tests, the staff panel's memory figures). */
  async settled(): Promise<void> {
    await this.disposing;
  }

  /**
   * Frame cost of the current scene against the same renderer with nothing to draw, measured side
   * by side: frames alternate between the scene and the scene hidden (a clear), one per display
   * frame, each finished on the GPU with a one-pixel read. Both halves see the same background
   * load (the compositor, other processes), which a run of empty frames before a run of scene
   * frames does not. For the benchmark (tests/bench/stage.bench.ts). With `instead`, that object
   * is drawn in the scene's place (the bench's reference frames: what drawing anything costs).
   */
  async measureAgainstEmpty(
    count: number,
    instead?: Object3D,
  ): Promise<{ scene: number[]; empty: number[] }> {
    const mounted = this.mounted?.instance.root;
    if (instead) {
      if (mounted) mounted.visible = false;
      this.scene.add(instead);
    }
    const root = instead ?? mounted;
    const gl = this.renderer.getContext();
    const pixel = new Uint8Array(4);
    const scene: number[] = [];
    const empty: number[] = [];
    const frame = async (drawScene: boolean) => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (root) root.visible = drawScene;
      const started = performance.now();
      // A scene frame moves what moves (particles, the passing car), as on a station.
      if (drawScene && !instead) this.mounted?.instance.update?.(1 / 30);
      this.render();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      return performance.now() - started;
    };
    try {
      await frame(true); // warm: the first frame after a show uploads buffers
      await frame(false);
      for (let i = 0; i < count; i++) {
        // Alternate which comes first, so neither always follows the other.
        const first = i % 2 === 0;
        const a = await frame(first);
        const b = await frame(!first);
        scene.push(first ? a : b);
        empty.push(first ? b : a);
      }
    } finally {
      if (instead) this.scene.remove(instead);
      if (mounted) mounted.visible = true;
    }
    return { scene, empty };
  }

  /** Draws the current frame and reads it back whole (screenshot tests: did the scene draw?). */
  sample(): FrameSample {
    this.render();
    const gl = this.renderer.getContext();
    const { drawingBufferWidth: width, drawingBufferHeight: height } = gl;
    const data = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, data);
    return describePixels(data, width, height);
  }

  private readonly onContextLost = (event: Event): void => {
    event.preventDefault(); // tells the browser we want the context back
    if (this.lost) return;
    this.lost = true;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.serial++;
    this.clear();
    for (const resolve of this.drawn.splice(0)) resolve();
    this.restored = new Promise((resolve) => {
      this.onRestored = resolve;
    });
    this.restoreTimer = setTimeout(() => this.reload(), RESTORE_WAIT_MS);
    this.element.dataset.lost = '';
    this.dispatchEvent(new Event('stage-lost'));
  };

  private readonly onContextRestored = (): void => {
    // three.js rebuilds its own state on this event; scenes re-upload when next shown.
    clearTimeout(this.restoreTimer);
    this.lost = false;
    delete this.element.dataset.lost;
    this.applyQuality(this.quality, 'context restored');
    this.onRestored();
    this.dispatchEvent(new Event('stage-restored'));
  };
}

/**
 * The stage for this page: the three.js stage where WebGL works, the 2D rendition where it does
 * not (old drivers, a blocklisted GPU, `--disable-webgl`).
 */
export function createStage(doc: Document, options: StageOptions = {}): Stage {
  try {
    return new ThreeStage(doc, options);
  } catch (error) {
    console.warn('WebGL unavailable, showing scenes in 2D:', error);
    return new FlatStage(doc);
  }
}

let shared: Stage | undefined;

/** The one stage of this page: created on first use, kept for the app's lifetime. */
export function sharedStage(doc: Document, options: StageOptions = {}): Stage {
  shared ??= createStage(doc, options);
  return shared;
}
