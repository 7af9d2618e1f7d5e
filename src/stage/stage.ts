// What a station sees of the 3D stage: show a scene in a state from a camera, and hear when its
// first frame is drawn. Implemented by ThreeStage; tests may pass a fake.

export interface SceneRequest {
  /** `<installation>/<scene id>`, e.g. "workers/campo". */
  scene: string;
  state?: string;
  camera?: string;
}

export interface Stage extends EventTarget {
  /** The element to place in the page (a canvas, or the 2D rendition without WebGL). */
  readonly element: HTMLElement;
  /** "webgl" or "2d" (WebGL unavailable). */
  readonly mode: 'webgl' | '2d';
  show(request: SceneRequest): Promise<void>;
  /** Unmounts the current scene and disposes what it created. */
  clear(): void;
}

/** Fired on the stage when a scene's first frame is drawn; detail: the request. */
export type StageReadyEvent = CustomEvent<SceneRequest>;
