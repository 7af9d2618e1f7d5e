// What a station sees of the 3D stage: show a scene in a state from a camera, and hear when its
// first frame is drawn. Implemented by ThreeStage (WebGL) and FlatStage (the 2D rendition);
// tests may pass a fake.
//
// Events: `stage-ready` (CustomEvent<SceneRequest>) when a scene's first frame is drawn;
// `stage-tier` (CustomEvent<TierChange>) when the quality tier is chosen or stepped down;
// `stage-lost` when the GPU dropped the context (the station should return to the attract loop);
// `stage-restored` when it came back.

import type { TierName } from './quality.ts';

export interface SceneRequest {
  /** `<installation>/<scene id>`, e.g. "workers/campo". */
  scene: string;
  state?: string;
  camera?: string;
}

export interface StageStats {
  mode: 'webgl' | '2d';
  tier: TierName | null;
  scene: string | null;
  /** Of the last frame drawn. */
  calls: number;
  triangles: number;
  points: number;
  /** Held by the GPU now. */
  geometries: number;
  textures: number;
  programs: number;
  /** Estimated bytes of texture memory of the mounted scene and the stage's own targets. */
  textureBytes: number;
  /** Largest side, in pixels, of a texture the scene uploads (render targets not counted). */
  largestTexture: number;
}

export interface TierChange {
  from: TierName;
  to: TierName;
  reason: string;
}

export interface Stage extends EventTarget {
  /** The element to place in the page (a canvas, WebGL or 2D). */
  readonly element: HTMLElement;
  /** "webgl" or "2d" (WebGL unavailable). */
  readonly mode: 'webgl' | '2d';
  /** The quality tier (null for the 2D rendition, which has none). */
  readonly tier: TierName | null;
  show(request: SceneRequest): Promise<void>;
  /** Unmounts the current scene and disposes what it created. */
  clear(): void;
  /** Resolves when every unmounted scene is disposed. */
  settled(): Promise<void>;
  stats(): StageStats;
}

/** Fired on the stage when a scene's first frame is drawn; detail: the request. */
export type StageReadyEvent = CustomEvent<SceneRequest>;
