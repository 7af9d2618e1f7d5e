// Where scene modules come from: every `scenes/<installation>/<id>.scene.ts`, each its own chunk,
// loaded when a journey first shows it. Both stages (WebGL and the 2D rendition) load through here.
import type { SceneModule } from './scene.ts';

const modules = import.meta.glob<{ default: SceneModule }>('../../scenes/*/*.scene.ts');

/** Every scene key, `<installation>/<id>`, in a stable order. */
export const SCENE_KEYS: readonly string[] = Object.keys(modules)
  .map((path) => path.replace('../../scenes/', '').replace('.scene.ts', ''))
  .sort();

export async function loadSceneModule(key: string): Promise<SceneModule> {
  const load = modules[`../../scenes/${key}.scene.ts`];
  if (!load) throw new Error(`no scene module for ${key}`);
  return (await load()).default;
}
