// Frees what a scene created: geometries, materials and their textures (ImageBitmaps closed), and
// what objects hold themselves: an InstancedMesh's instance buffers, a light's shadow map.
// Long-running three.js apps end in white screens when this is skipped (field notes, failure 1).

import type { Material, Object3D, Texture } from 'three';

function isTexture(value: unknown): value is Texture {
  return typeof value === 'object' && value !== null && (value as { isTexture?: boolean }).isTexture === true;
}

function disposeMaterial(material: Material): void {
  for (const value of Object.values(material)) {
    if (!isTexture(value)) continue;
    const image = value.image as unknown;
    if (typeof ImageBitmap !== 'undefined' && image instanceof ImageBitmap) image.close();
    value.dispose();
  }
  material.dispose();
}

/** Disposes every geometry and material under `root`; returns how many of each it freed. */
export function disposeTree(root: Object3D): { geometries: number; materials: number } {
  const geometries = new Set<{ dispose(): void }>();
  const materials = new Set<Material>();
  const owners: { dispose(): void }[] = [];
  root.traverse((object) => {
    // Object3D itself has no dispose(); InstancedMesh and lights (shadow maps) do.
    const own = (object as Object3D & { dispose?: () => void }).dispose;
    if (typeof own === 'function') owners.push(object as Object3D & { dispose(): void });
    const { geometry, material } = object as Object3D & {
      geometry?: { dispose(): void };
      material?: Material | Material[];
    };
    if (geometry) geometries.add(geometry);
    for (const m of Array.isArray(material) ? material : material ? [material] : []) materials.add(m);
  });
  for (const geometry of geometries) geometry.dispose();
  for (const material of materials) disposeMaterial(material);
  for (const owner of owners) owner.dispose();
  root.removeFromParent();
  return { geometries: geometries.size, materials: materials.size };
}
