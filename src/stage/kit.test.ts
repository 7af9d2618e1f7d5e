// Scene modules built in Node (three.js objects need no GPU): what the quality tier changes, that
// particles are seeded, and that disposal reaches everything a scene made.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DirectionalLight,
  InstancedMesh,
  type Material,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  type Object3D,
  type Points,
} from 'three';
import { describe, expect, it } from 'vitest';
import { disposeTree } from './dispose.ts';
import { textureFootprint } from './footprint.ts';
import { kitScene, type Mood } from './kit.ts';
import { encodeSrgb } from './light.ts';
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
    {
      shape: 'box',
      size: [1, 1, 1],
      at: [0, 0, 0],
      color: '#888',
      repeat: { count: 3, step: [2, 0, 0] },
      moves: true,
    },
    { shape: 'plane', size: [10, 10], at: [0, 0, 0], color: '#444' },
    { shape: 'box', size: [1, 1, 1], at: [0, 3, 0], color: '#f80', glow: true },
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
    // Lit props hold Lambert at the GPU tiers and the unlit material at the minimal one: the
    // material no mesh holds at unmount is released by the scene's own dispose().
    const materials = new Set<Material>();
    for (const tier of [TIERS.high, TIERS.minimal]) {
      scene.setQuality?.(tier);
      scene.root.traverse((o) => {
        if (o instanceof Mesh) materials.add(o.material as Material);
      });
    }
    for (const material of materials)
      material.addEventListener('dispose', () => disposed.push(material.type));
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
    scene.dispose?.();
    // Geometries: the moving boxes, the merged ground, the glowing box, the rain.
    expect(counts).toEqual({ geometries: 4, materials: 2 });
    expect([...new Set(disposed)].sort()).toEqual([
      'MeshBasicMaterial',
      'MeshLambertMaterial',
      'instances',
      'shadow',
    ]);
  });

  it('counts a shadow map in the texture footprint only when the sun casts shadows', () => {
    const scene = rainy.build();
    scene.setQuality?.(TIERS.low);
    expect(textureFootprint(scene.root).bytes).toBe(0);
    scene.setQuality?.(TIERS.high);
    expect(textureFootprint(scene.root).bytes).toBe(1024 * 1024 * 4);
  });
});

describe('merged props and baked light', () => {
  const bright: Mood = { ...mood, sunFrom: [0, 5, 0] };
  const dark: Mood = { ...mood, ambient: 0.1, sunStrength: 0 };
  const yard = kitScene({
    states: { day: bright, night: dark },
    cameras: { front: { position: [0, 2, 8], target: [0, 0, 0] } },
    props: [
      { shape: 'box', size: [1, 1, 1], at: [-2, 0.5, 0], color: '#c08040' },
      {
        shape: 'box',
        size: [1, 2, 1],
        at: [2, 1, 0],
        color: '#4080c0',
        repeat: { count: 3, step: [0, 0, -2] },
      },
      { shape: 'box', size: [1, 1, 1], at: [0, 0.5, -4], color: '#808080', only: ['night'] },
      { shape: 'plane', size: [20, 20], at: [0, 0, 0], color: '#406030' },
      { shape: 'box', size: [0.5, 0.5, 0.1], at: [0, 2, -4], color: '#ffe0a0', glow: true },
      { shape: 'box', size: [1, 0.5, 2], at: [6, 0.25, 0], color: '#a03030', moves: true },
    ],
    animate(objects, seconds) {
      const car = objects[5];
      if (car) car.position.x -= seconds;
      return true;
    },
  });
  const meshes = (root: Object3D) => {
    const found: Mesh[] = [];
    root.traverse((o) => {
      if (o instanceof Mesh) found.push(o);
    });
    return found;
  };
  const colours = (mesh: Mesh | undefined) => Array.from(mesh?.geometry.getAttribute('color').array ?? []);

  it('merges props that stand still by kind and by the states they show in; moving ones keep their own', () => {
    const scene = yard.build();
    scene.setQuality?.(TIERS.medium);
    scene.setState('day');
    // Solid (always), solid (night only), ground, glow, and the moving box: five draws for six props.
    const all = meshes(scene.root);
    expect(all).toHaveLength(5);
    expect(all.filter((m) => m.visible)).toHaveLength(4);
    const ground = all.find((m) => m.renderOrder === 1);
    expect(ground?.castShadow).toBe(false);
    // The moving box is the one animate moves; the merged ones stand still.
    const car = all.find((m) => m.position.x === 6);
    scene.update?.(1);
    expect(car?.position.x).toBe(5);
  });

  it('refuses, loudly, to animate a prop merged with others', () => {
    const wrong = kitScene({
      states: { day: bright },
      cameras: { front: { position: [0, 2, 8], target: [0, 0, 0] } },
      props: [{ shape: 'box', size: [1, 1, 1], at: [0, 0.5, 0], color: '#c08040' }],
      animate(objects) {
        if (objects[0]) objects[0].visible = false;
        return false;
      },
    });
    expect(() => wrong.build().update?.(0.1)).toThrow(/moves: true/);
  });

  it('at the minimal tier draws lit props unlit with the lamps baked in, following the state, and back', () => {
    const scene = yard.build();
    scene.setQuality?.(TIERS.low);
    scene.setState('day');
    const solid = meshes(scene.root).find((m) => m.castShadow && m.position.x === 0);
    const base = colours(solid);
    expect(solid?.material).toBeInstanceOf(MeshLambertMaterial);
    scene.setQuality?.(TIERS.minimal);
    expect(solid?.material).toBeInstanceOf(MeshBasicMaterial);
    const day = colours(solid);
    expect(day).not.toEqual(base);
    scene.setState('night');
    const night = colours(solid);
    expect(night.reduce((a, b) => a + b, 0)).toBeLessThan(day.reduce((a, b) => a + b, 0));
    scene.setQuality?.(TIERS.low);
    expect(solid?.material).toBeInstanceOf(MeshLambertMaterial);
    expect(colours(solid)).toEqual(base);
  });

  it('shows glowing props in their own colour, encoded for the screen at the minimal tier', () => {
    const scene = yard.build();
    scene.setState('day');
    const glow = meshes(scene.root).find((m) => !m.castShadow && m.renderOrder === 0 && m.position.x !== 6);
    expect(glow?.material).toBeInstanceOf(MeshBasicMaterial);
    const linear = colours(glow)[0] ?? 0;
    scene.setQuality?.(TIERS.minimal);
    expect(colours(glow)[0]).toBeCloseTo(encodeSrgb(linear), 5);
  });

  it('orders a merged mesh near to far from the first camera', () => {
    const rows = kitScene({
      states: { day: bright },
      cameras: { front: { position: [0, 1, 10], target: [0, 0, 0] } },
      props: [
        {
          shape: 'box',
          size: [1, 1, 1],
          at: [0, 0.5, -20],
          color: '#888',
          repeat: { count: 5, step: [0, 0, 6] },
        },
      ],
    }).build();
    const [mesh] = meshes(rows.root);
    const index = mesh?.geometry.getIndex();
    const position = mesh?.geometry.getAttribute('position');
    const zOf = (i: number) => position?.getZ(index?.getX(i) ?? 0) ?? 0;
    // The first triangles drawn belong to the nearest box (z = 4), the last to the farthest (z = −20).
    expect(zOf(0)).toBeGreaterThan(3);
    expect(zOf((index?.count ?? 1) - 1)).toBeLessThan(-19);
  });
});

describe('every shipped scene', () => {
  it.each(SCENE_KEYS)('%s builds, takes every state and tier, and has a camera per pose', async (key) => {
    const module = await loadSceneModule(key);
    const scene = module.build();
    for (const tier of Object.values(TIERS)) scene.setQuality?.(tier);
    for (const state of module.states) {
      scene.setState(state);
      // Ten seconds of animation in every state: a merged prop's stand-in throws when moved.
      for (let frame = 0; frame < 100; frame++) scene.update?.(0.1);
    }
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
