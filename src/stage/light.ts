// Light worked out on the CPU, the way the kit's lamps light a scene on the GPU: a hemisphere
// (sky and ground) and one sun, Lambert, as three.js's MeshLambertMaterial computes it. Used by
// the minimal tier, which bakes it into vertex colours when a scene or its state changes and
// draws them unlit, and by the 2D rendition, which paints each triangle with it. Pure: no DOM.

import { Color, type DirectionalLight, type HemisphereLight, Vector3 } from 'three';

/** What the lamps give, in linear light: colours already multiplied by their intensities. */
export interface LampLight {
  sky: Color;
  ground: Color;
  sun: Color;
  /** Towards the sun, unit length. */
  sunDirection: Vector3;
}

export function darkness(): LampLight {
  return {
    sky: new Color(0, 0, 0),
    ground: new Color(0, 0, 0),
    sun: new Color(0, 0, 0),
    sunDirection: new Vector3(0, 1, 0),
  };
}

/** Reads a hemisphere light and a sun into `out` (a light left out or hidden gives nothing). */
export function readLamps(
  hemi: HemisphereLight | undefined,
  sun: DirectionalLight | undefined,
  out = darkness(),
): LampLight {
  out.sky.setRGB(0, 0, 0);
  out.ground.setRGB(0, 0, 0);
  out.sun.setRGB(0, 0, 0);
  if (hemi?.visible) {
    out.sky.copy(hemi.color).multiplyScalar(hemi.intensity);
    out.ground.copy(hemi.groundColor).multiplyScalar(hemi.intensity);
  }
  if (sun?.visible) {
    out.sun.copy(sun.color).multiplyScalar(sun.intensity);
    out.sunDirection.copy(sun.position).sub(sun.target.position).normalize();
  }
  return out;
}

/**
 * Lambert in linear light for a surface of colour (r, g, b) facing (nx, ny, nz), into out[at..]:
 * (hemisphere irradiance + sun × max(0, n·l)) × colour / π, as three.js's Lambert material does.
 */
export function lambertInto(
  r: number,
  g: number,
  b: number,
  nx: number,
  ny: number,
  nz: number,
  lamps: LampLight,
  out: Float32Array | number[],
  at: number,
): void {
  const up = ny * 0.5 + 0.5;
  const { sky, ground, sun, sunDirection: l } = lamps;
  const facing = Math.max(0, nx * l.x + ny * l.y + nz * l.z) / Math.PI;
  const hemi = up / Math.PI;
  const rest = (1 - up) / Math.PI;
  out[at] = r * (ground.r * rest + sky.r * hemi + sun.r * facing);
  out[at + 1] = g * (ground.g * rest + sky.g * hemi + sun.g * facing);
  out[at + 2] = b * (ground.b * rest + sky.b * hemi + sun.b * facing);
}

/** Linear light to the sRGB a screen shows, clamped to 0..1. */
export function encodeSrgb(value: number): number {
  const v = value <= 0 ? 0 : value >= 1 ? 1 : value;
  return v < 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055;
}

/**
 * Bakes the lamps' light into sRGB vertex colours: `base` and `normals` are per vertex (linear
 * colour, unit normal in the scene's space), `out` receives what the screen should show.
 */
export function bakeColours(
  base: Float32Array,
  normals: Float32Array,
  lamps: LampLight,
  out: Float32Array,
): void {
  for (let i = 0; i + 2 < base.length; i += 3) {
    lambertInto(
      base[i] ?? 0,
      base[i + 1] ?? 0,
      base[i + 2] ?? 0,
      normals[i] ?? 0,
      normals[i + 1] ?? 0,
      normals[i + 2] ?? 0,
      lamps,
      out,
      i,
    );
    out[i] = encodeSrgb(out[i] ?? 0);
    out[i + 1] = encodeSrgb(out[i + 1] ?? 0);
    out[i + 2] = encodeSrgb(out[i + 2] ?? 0);
  }
}

/** Unlit colours (screens, lit windows) for a renderer that writes colours as they are. */
export function encodeColours(base: Float32Array, out: Float32Array): void {
  for (let i = 0; i < base.length; i++) out[i] = encodeSrgb(base[i] ?? 0);
}
