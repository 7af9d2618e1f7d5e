// How much texture memory a scene holds, estimated from what three.js knows: each texture's image
// (with a third more for mipmaps) and each light's shadow map.
// Budgets (≤ 64 MiB, no texture over 2048 px) are checked against this in the stage tests.

import type { Object3D, Texture, WebGLRenderTarget } from 'three';

const isTexture = (value: unknown): value is Texture =>
  typeof value === 'object' && value !== null && (value as { isTexture?: boolean }).isTexture === true;

function imageSize(texture: Texture): [number, number] {
  const image = texture.image as { width?: number; height?: number } | undefined;
  return [image?.width ?? 0, image?.height ?? 0];
}

export function textureFootprint(root: Object3D): {
  bytes: number;
  largest: number;
} {
  const textures = new Set<Texture>();
  let bytes = 0;
  root.traverse((object) => {
    const { material, shadow, castShadow, isLight } = object as Object3D & {
      material?: object | object[];
      shadow?: { map: WebGLRenderTarget | null; mapSize: { x: number; y: number } };
      isLight?: boolean;
    };
    for (const m of Array.isArray(material) ? material : material ? [material] : []) {
      for (const value of Object.values(m)) if (isTexture(value)) textures.add(value);
    }
    if (isLight && castShadow && shadow) bytes += shadow.mapSize.x * shadow.mapSize.y * 4;
  });
  let largest = 0;
  for (const texture of textures) {
    const [width, height] = imageSize(texture);
    largest = Math.max(largest, width, height);
    bytes += width * height * 4 * (texture.generateMipmaps ? 4 / 3 : 1);
  }
  return { bytes: Math.round(bytes), largest };
}
