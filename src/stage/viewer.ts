// The scene viewer (`/stage.html`): for authors, every scene of every installation in each of its
// states and from each camera, with what it costs (draw calls, triangles, texture memory, the
// quality tier); for tests and benchmarks, the same stage driven from `window.percorsoStage`.
// URL: ?scene=workers/campo&state=sera&camera=stalla&tier=auto|minimal|low|medium|high&webgl=0
// (&bare hides the controls, &still stops animation: both for screenshots)

import { FlatStage } from './flat-stage.ts';
import type { TierSetting } from './quality.ts';
import { REFERENCE_FRAMES, type ReferenceFrame, referenceMesh } from './reference-frames.ts';
import { loadSceneModule, SCENE_KEYS } from './scene-modules.ts';
import type { SceneRequest, Stage, StageStats } from './stage.ts';
import { createStage, rendererName, ThreeStage } from './three-stage.ts';

const params = new URLSearchParams(location.search);
const tier = (params.get('tier') ?? 'auto') as TierSetting;
const still = params.has('still');
const stage: Stage =
  params.get('webgl') === '0' ? new FlatStage(document) : createStage(document, { tier, still });

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  html, body { margin: 0; height: 100%; background: #14161c; color: #eee; font: 15px/1.4 system-ui, sans-serif; }
  body { display: grid; grid-template-rows: auto 1fr; }
  .stage { width: 100%; height: 100%; display: block; }
  header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .5rem 1rem; background: #1e2028; }
  header label { display: flex; gap: .4rem; align-items: center; }
  select, button { font: inherit; padding: .3rem .6rem; }
  output { font-variant-numeric: tabular-nums; opacity: .85; }
  body.bare { display: block; } body.bare header { display: none; } body.bare .stage { height: 100vh; }
`);
document.adoptedStyleSheets = [sheet];
if (params.has('bare')) document.body.classList.add('bare');

const header = document.createElement('header');
const pick = (label: string) => {
  const wrap = document.createElement('label');
  const select = document.createElement('select');
  wrap.append(label, select);
  header.append(wrap);
  return select;
};
const sceneSelect = pick('Scene');
const stateSelect = pick('State');
const cameraSelect = pick('Camera');
const readout = document.createElement('output');
header.append(readout);
document.body.append(header, stage.element);

const options = (select: HTMLSelectElement, values: readonly string[], chosen?: string | null) => {
  select.replaceChildren(...values.map((value) => new Option(value, value, false, value === chosen)));
};
options(sceneSelect, SCENE_KEYS, params.get('scene'));

const describe = (stats: StageStats) =>
  `${stats.mode}${stats.tier ? ` · tier ${stats.tier}` : ''} · ${stats.calls} draw calls · ${stats.triangles.toLocaleString('en')} triangles · ${stats.textures} textures (${(stats.textureBytes / 2 ** 20).toFixed(1)} MiB) · ${stats.programs} programs`;

async function show(request: SceneRequest): Promise<void> {
  await stage.show(request);
  readout.value = describe(stage.stats());
  const url = new URL(location.href);
  url.searchParams.set('scene', request.scene);
  if (request.state) url.searchParams.set('state', request.state);
  if (request.camera) url.searchParams.set('camera', request.camera);
  history.replaceState(null, '', url);
}

async function onScene(state?: string | null, camera?: string | null): Promise<void> {
  const module = await loadSceneModule(sceneSelect.value);
  options(stateSelect, module.states, state);
  options(cameraSelect, module.cameras, camera);
  await show({ scene: sceneSelect.value, state: stateSelect.value, camera: cameraSelect.value });
}

sceneSelect.addEventListener('change', () => void onScene());
stateSelect.addEventListener(
  'change',
  () => void show({ scene: sceneSelect.value, state: stateSelect.value }),
);
cameraSelect.addEventListener(
  'change',
  () => void show({ scene: sceneSelect.value, camera: cameraSelect.value }),
);
stage.addEventListener('stage-tier', () => {
  readout.value = describe(stage.stats());
});

/** Frame times against the empty frames drawn beside them (ms). */
export interface FrameTimes {
  p95: number;
  emptyP95: number;
  median: number;
  emptyMedian: number;
}

/** One scene's frame times in the bench, with what it draws. */
export interface BenchScene extends FrameTimes {
  triangles: number;
  calls: number;
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? 0;

const summarise = ({ scene, empty }: { scene: number[]; empty: number[] }): FrameTimes => ({
  p95: quantile(scene, 0.95),
  emptyP95: quantile(empty, 0.95),
  median: quantile(scene, 0.5),
  emptyMedian: quantile(empty, 0.5),
});

/** The viewer's handle for tests and benchmarks (tests/e2e/stage.spec.ts, tests/bench/stage.bench.ts). */
const api = {
  stage,
  keys: SCENE_KEYS,
  async describeScene(key: string) {
    const module = await loadSceneModule(key);
    return { states: [...module.states], cameras: [...module.cameras] };
  },
  async show(request: SceneRequest) {
    await stage.show(request);
    return stage.stats();
  },
  /** Mounts and unmounts a scene `count` times, drawing its first frame each time. */
  async cycle(key: string, count: number) {
    for (let i = 0; i < count; i++) {
      await stage.show({ scene: key });
      stage.clear();
    }
    await stage.settled();
    return stage.stats();
  },
  async clear() {
    stage.clear();
    await stage.settled();
    return stage.stats();
  },
  /**
   * Frame cost of every scene (its first state and camera) against an empty scene on the same
   * renderer: p95 of `frames` frames each, the two alternating frame by frame, each finished on
   * the GPU. Used by `npm run bench` (SwiftShader) and tests/bench/gpu (a real GPU).
   */
  async bench(frames = 120) {
    if (!(stage instanceof ThreeStage)) throw new Error('frame times need the WebGL stage');
    const scenes: Record<string, BenchScene> = {};
    for (const key of SCENE_KEYS) {
      await stage.show({ scene: key });
      const { triangles, calls } = stage.stats();
      scenes[key] = { ...summarise(await stage.measureAgainstEmpty(frames)), triangles, calls };
    }
    stage.clear();
    const references = await api.references(frames);
    return {
      renderer: rendererName(document) ?? 'unknown',
      tier: stage.tier,
      width: innerWidth,
      height: innerHeight,
      pixelRatio: devicePixelRatio,
      scenes,
      references,
    };
  },
  /**
   * The reference frames (reference-frames.ts) against empty frames, measured as the scenes are:
   * the least any frame that draws costs on this renderer. Whatever is mounted stays as it was.
   */
  async references(frames = 120) {
    if (!(stage instanceof ThreeStage)) throw new Error('frame times need the WebGL stage');
    const times: Record<string, FrameTimes> = {};
    for (const frame of Object.keys(REFERENCE_FRAMES) as ReferenceFrame[]) {
      const mesh = referenceMesh(frame);
      try {
        times[frame] = summarise(await stage.measureAgainstEmpty(frames, mesh));
      } finally {
        mesh.geometry.dispose();
        mesh.material.dispose();
      }
    }
    return times;
  },
  /** The rasterizer behind WebGL, as the stage reads it (tests skip CPU-only checks on a GPU). */
  renderer() {
    return rendererName(document) ?? 'unknown';
  },
  /** How much the last frame shows: distinct colours and the spread of brightness. */
  sample() {
    if (stage instanceof ThreeStage) return stage.sample();
    if (stage instanceof FlatStage) return stage.sample();
    throw new Error('unknown stage');
  },
};
Object.assign(window, { percorsoStage: api });

if (params.has('scene')) void onScene(params.get('state'), params.get('camera'));
else void onScene();
