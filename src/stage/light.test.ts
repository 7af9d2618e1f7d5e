// Light on the CPU (the minimal tier's baked colours and the 2D rendition): the numbers three.js's
// Lambert material gives, worked out by hand.
import { DirectionalLight, HemisphereLight } from 'three';
import { describe, expect, it } from 'vitest';
import { bakeColours, encodeColours, encodeSrgb, lambertInto, readLamps } from './light.ts';

function overhead() {
  const sun = new DirectionalLight('#ffffff', 1);
  sun.position.set(0, 10, 0);
  return readLamps(new HemisphereLight('#ffffff', '#000000', 1), sun);
}

describe('light worked out on the CPU', () => {
  it('gives what three.js Lambert gives: (hemisphere + sun × n·l) × colour / π', () => {
    const out = [0, 0, 0];
    // White, facing up: the whole sky (1) and the sun straight on (1): 2 / π.
    lambertInto(1, 1, 1, 0, 1, 0, overhead(), out, 0);
    expect(out[0]).toBeCloseTo(2 / Math.PI, 6);
    // Facing sideways: half sky, half (black) ground, no sun: 0.5 / π.
    lambertInto(1, 1, 1, 1, 0, 0, overhead(), out, 0);
    expect(out[1]).toBeCloseTo(0.5 / Math.PI, 6);
    // Facing down: the ground only (black), the sun behind: nothing.
    lambertInto(1, 0.5, 0.25, 0, -1, 0, overhead(), out, 0);
    expect(out).toEqual([0, 0, 0]);
  });

  it('reads intensities and where the sun shines from', () => {
    const sun = new DirectionalLight('#ff0000', 3);
    sun.position.set(0, 0, 5);
    const hemi = new HemisphereLight('#ffffff', '#ffffff', 0.5);
    const lamps = readLamps(hemi, sun);
    expect(lamps.sun.r).toBeCloseTo(3, 6);
    expect(lamps.sun.g).toBe(0);
    expect(lamps.sunDirection.toArray()).toEqual([0, 0, 1]);
    expect(lamps.sky.r).toBeCloseTo(0.5, 6);
    hemi.visible = false;
    expect(readLamps(hemi, sun).sky.r).toBe(0);
  });

  it('encodes linear light to sRGB as a screen shows it, clamped', () => {
    expect(encodeSrgb(0)).toBe(0);
    expect(encodeSrgb(1)).toBeCloseTo(1, 6);
    expect(encodeSrgb(2)).toBeCloseTo(1, 6);
    expect(encodeSrgb(-1)).toBe(0);
    expect(encodeSrgb(0.214)).toBeCloseTo(0.5, 3); // sRGB 128 is linear 0.214
    expect(encodeSrgb(0.001)).toBeCloseTo(0.01292, 5); // the linear toe
  });

  it('bakes per vertex: lit, then encoded; glowing colours only encoded', () => {
    const base = new Float32Array([1, 1, 1, 1, 1, 1]);
    const normals = new Float32Array([0, 1, 0, 0, -1, 0]);
    const out = new Float32Array(6);
    bakeColours(base, normals, overhead(), out);
    // 2/π = 0.6366 linear is 0.819 in sRGB (by hand: 1.055 × 0.6366^(1/2.4) − 0.055).
    expect(out[0]).toBeCloseTo(0.819, 3);
    expect(out[3]).toBe(0);
    encodeColours(new Float32Array([0.214, 1, 0]), out);
    expect(Array.from(out.slice(0, 3)).map((v) => Number(v.toFixed(3)))).toEqual([0.5, 1, 0]);
  });
});
