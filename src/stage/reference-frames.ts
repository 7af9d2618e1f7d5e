// The bench's reference frames: the least a frame that draws anything can cost on a renderer, to
// read the scenes' figures against. Each is one triangle given straight in clip space with the
// simplest shader there is (a constant colour), so no camera, light or material is involved:
// - `one-triangle`: a triangle wholly outside the view. The draw call is made and the triangle
//   clipped away; not one pixel is shaded.
// - `full-screen`: a triangle that covers the whole view once: one layer of pixels.

import { BufferAttribute, BufferGeometry, Mesh, ShaderMaterial } from 'three';

export const REFERENCE_FRAMES = {
  'one-triangle': [2, 2, 3, 2, 2, 3],
  'full-screen': [-1, -1, 3, -1, -1, 3],
} as const satisfies Record<string, readonly number[]>;

export type ReferenceFrame = keyof typeof REFERENCE_FRAMES;

/** A mesh that draws the reference frame; dispose its geometry and material when done. */
export function referenceMesh(frame: ReferenceFrame): Mesh<BufferGeometry, ShaderMaterial> {
  const corners = REFERENCE_FRAMES[frame];
  const positions = new Float32Array(9);
  for (let i = 0; i < 3; i++) positions.set([corners[i * 2] ?? 0, corners[i * 2 + 1] ?? 0, 0], i * 3);
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  const material = new ShaderMaterial({
    vertexShader: 'void main() { gl_Position = vec4(position.xy, 0.0, 1.0); }',
    fragmentShader: 'void main() { gl_FragColor = vec4(0.45, 0.5, 0.4, 1.0); }',
    depthTest: false,
    depthWrite: false,
  });
  const mesh = new Mesh(geometry, material);
  // Where it lands is decided in clip space, not by the camera: never culled on the CPU.
  mesh.frustumCulled = false;
  mesh.name = `reference: ${frame}`;
  return mesh;
}

/** How much of the view (−1…1 squared, in clip space) a reference triangle covers, 0 to 1. */
export function coverage(frame: ReferenceFrame, samples = 64): number {
  const [ax, ay, bx, by, cx, cy] = REFERENCE_FRAMES[frame];
  const side = (px: number, py: number, x1: number, y1: number, x2: number, y2: number) =>
    (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1);
  let inside = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      const x = -1 + (2 * (i + 0.5)) / samples;
      const y = -1 + (2 * (j + 0.5)) / samples;
      const s1 = side(x, y, ax, ay, bx, by);
      const s2 = side(x, y, bx, by, cx, cy);
      const s3 = side(x, y, cx, cy, ax, ay);
      if ((s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)) inside++;
    }
  }
  return inside / (samples * samples);
}
