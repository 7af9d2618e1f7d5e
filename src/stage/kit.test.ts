// Scene modules built in Node (three.js objects need no GPU): what the quality tier changes, that
// particles are seeded, and that disposal reaches everything a scene made.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectionalLight, InstancedMesh, type Object3D, type Points } from 'three';
import { describe, expect, it } from 'vitest';
import { disposeTree } from './dispose.ts';
import { textureFootprint } from './footprint.ts';
import { kitScene, type Mood } from './kit.ts';
import { TIERS } from './quality.ts';
import { loadSceneModule, SCENE_KEYS } from './scene-modules.ts';
import { seeded } from './seeded.ts';

const mood: Mood = {
  background: '#000',
  sky: '#fff',
  ground: '#000',
  ambient: 1,
  sun: '#fff',
  sunStrength: 1,
  sunFrom: [0, 5, 0],
};

const rainy = kitScene({
  // Two states that differ only in where it rains.
  states: { dry: mood, wet: mood },
  cameras: { front: { position: [0, 1, 5], target: [0, 0, 0] } },
  props: [
    { shape: 'box', size: [1, 1, 1], at: [0, 0, 0], color: '#888', repeat: { count: 3, step: [2, 0, 0] } },
    { shape: 'plane', size: [10, 10], at: [0, 0, 0], color: '#444' },
  ],
  particles: [
    { count: 400, at: [0, 5, 0], area: [10, 10, 10], color: '#9ab', size: 0.05, fall: 8, only: ['wet'] },
  ],
});

const find = <T extends Object3D>(root: Object3D, test: (o: Object3D) => o is T): T[] => {
  const found: T[] = [];
  root.traverse((o) => {
    if (test(o)) found.push(o);
  });
  return found;
};
const isPoints = (o: Object3D): o is Points => (o as Points).isPoints === true;
const isSun = (o: Object3D): o is DirectionalLight => (o as DirectionalLight).isDirectionalLight === true;

describe('kit scenes and the quality tier', () => {
  it('draws the share of particles the tier allows, and casts shadows only when asked', () => {
    const scene = rainy.build();
    const [rain] = find(scene.root, isPoints);
    const [sun] = find(scene.root, isSun);
    scene.setQuality?.(TIERS.high);
    expect(rain?.geometry.drawRange.count).toBe(400);
    expect(sun?.castShadow).toBe(true);
    scene.setQuality?.(TIERS.medium);
    expect(rain?.geometry.drawRange.count).toBe(200);
    scene.setQuality?.(TIERS.low);
    expect(rain?.geometry.drawRange.count).toBe(0);
    expect(sun?.castShadow).toBe(false);
  });

  it('animates particles only while they are visible and drawn', () => {
    const scene = rainy.build();
    scene.setQuality?.(TIERS.high);
    scene.setState('dry');
    expect(scene.update?.(0.1)).toBe(false); // nothing moves: the stage may rest
    scene.setState('wet');
    const [rain] = find(scene.root, isPoints);
    const before = Array.from(rain?.geometry.getAttribute('position').array ?? []);
    expect(scene.update?.(0.1)).toBe(true);
    const after = Array.from(rain?.geometry.getAttribute('position').array ?? []);
    expect(after).not.toEqual(before);
    // Wrapped inside their box: nothing falls out of the scene.
    for (let i = 1; i < after.length; i += 3) expect(after[i]).toBeGreaterThanOrEqual(0);
  });

  it('scatters particles the same way every time (screenshots compare)', () => {
    const a = find(rainy.build().root, isPoints)[0]?.geometry.getAttribute('position').array;
    const b = find(rainy.build().root, isPoints)[0]?.geometry.getAttribute('position').array;
    expect(Array.from(a ?? [])).toEqual(Array.from(b ?? []));
    const random = seeded(42);
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(new Set(values).size).toBe(1000);
  });

  it('disposal reaches geometries, materials, instance buffers and shadow maps', () => {
    const scene = rainy.build();
    const disposed: string[] = [];
    scene.root.traverse((o) => {
      if (o instanceof InstancedMesh) o.addEventListener('dispose', () => disposed.push('instances'));
      if (o instanceof DirectionalLight) {
        const shadowDispose = o.shadow.dispose.bind(o.shadow);
        o.shadow.dispose = () => {
          disposed.push('shadow');
          shadowDispose();
        };
      }
    });
    const counts = disposeTree(scene.root);
    expect(counts).toEqual({ geometries: 3, materials: 3 });
    expect(disposed.sort()).toEqual(['instances', 'shadow']);
  });

  it('counts a shadow map in the texture footprint only when the sun casts shadows', () => {
    const scene = rainy.build();
    scene.setQuality?.(TIERS.low);
    expect(textureFootprint(scene.root).bytes).toBe(0);
    scene.setQuality?.(TIERS.high);
    expect(textureFootprint(scene.root).bytes).toBe(1024 * 1024 * 4);
  });
});

describe('every shipped scene', () => {
  it.each(SCENE_KEYS)('%s builds, takes every state and tier, and has a camera per pose', async (key) => {
    const module = await loadSceneModule(key);
    const scene = module.build();
    for (const tier of Object.values(TIERS)) scene.setQuality?.(tier);
    for (const state of module.states) scene.setState(state);
    expect(Object.keys(scene.cameras)).toEqual([...module.cameras]);
    expect(Object.keys(scene.background)).toEqual([...module.states]);
    expect(textureFootprint(scene.root).largest).toBeLessThanOrEqual(2048);
    disposeTree(scene.root);
  });
});

describe('assets', () => {
  it('uses no geometry or texture decoder that needs eval or wasm under our CSP', () => {
    const files = ['src', 'scenes'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('kit.test.ts'))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) =>
      /DRACOLoader|KTX2Loader|BasisTextureLoader|MeshoptDecoder/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
