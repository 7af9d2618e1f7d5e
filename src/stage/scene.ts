// The contract between the stage and a scene module (scenes/<installation>/<id>.scene.ts).
// A scene builds its objects once, says which camera poses and states it has, and changes state
// when the journey asks (hours passing, pay shrinking); the journey never touches three.js.

import type { DirectionalLight, HemisphereLight, Object3D } from 'three';
import type { Quality } from './quality.ts';

export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
  fov?: number;
}

export interface SceneInstance {
  /** Everything the scene shows; the stage adds it on mount and disposes it on unmount. */
  root: Object3D;
  /** Background colour per state, as CSS hex. */
  background: Record<string, string>;
  cameras: Record<string, CameraPose>;
  /** Applies a state; returns nothing, the stage renders the next frame. */
  setState(state: string): void;
  /** Advances animation by `seconds`; returns true while something still moves. */
  update?(seconds: number): boolean;
  /** Follows the stage's quality tier (particle counts, which lights cast shadows). */
  setQuality?(quality: Quality): void;
  /** Releases what the stage cannot find by walking `root` (listeners, bitmaps). */
  dispose?(): void;
}

/**
 * The stage's own lamps, lent to every scene it mounts. three.js keeps per-light uniforms in a
 * cache keyed by light id that nothing ever empties, so lamps made per mount would leak a little
 * on every visit; lamps that live as long as the renderer do not.
 */
export interface SceneLamps {
  hemi: HemisphereLight;
  sun: DirectionalLight;
}

export interface SceneModule {
  /** States and cameras, in the order of scenes.yaml; the first of each is the default. */
  states: readonly string[];
  cameras: readonly string[];
  /** Builds the scene; with `lamps`, lights it with those instead of lamps of its own. */
  build(lamps?: SceneLamps): SceneInstance;
}

export function defineScene(module: SceneModule): SceneModule {
  return module;
}
