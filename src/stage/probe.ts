// The boot probe: a reference frame as heavy as our heaviest scene at the high tier (about 80k
// triangles in a few draw calls, a sun with shadows), rendered a few times and finished on the GPU
// (a one-pixel read waits for it). The median time picks the tier (quality.ts).

import {
  Color,
  DirectionalLight,
  HemisphereLight,
  IcosahedronGeometry,
  InstancedMesh,
  Matrix4,
  MeshLambertMaterial,
  PerspectiveCamera,
  Scene,
  type WebGLRenderer,
} from 'three';
import { disposeTree } from './dispose.ts';

const WARM_UP = 2;
const SAMPLES = 7;

export async function probeRenderTimes(
  renderer: WebGLRenderer,
  width: number,
  height: number,
): Promise<number[]> {
  const scene = new Scene();
  scene.background = new Color('#202028');
  const sun = new DirectionalLight('#ffffff', 2);
  sun.position.set(5, 10, 5);
  sun.castShadow = true;
  sun.shadow.mapSize.set(1024, 1024);
  scene.add(new HemisphereLight('#bbccff', '#332211', 1), sun);
  const geometry = new IcosahedronGeometry(0.4, 3); // 1280 triangles
  const mesh = new InstancedMesh(geometry, new MeshLambertMaterial({ color: '#c89060' }), 64);
  const matrix = new Matrix4();
  for (let i = 0; i < 64; i++)
    mesh.setMatrixAt(i, matrix.makeTranslation((i % 8) - 3.5, 0, Math.floor(i / 8) - 3.5));
  mesh.castShadow = true;
  mesh.receiveShadow = true;
  scene.add(mesh);
  const camera = new PerspectiveCamera(50, width / height, 0.1, 100);
  camera.position.set(0, 6, 9);
  camera.lookAt(0, 0, 0);

  const shadows = renderer.shadowMap.enabled;
  renderer.shadowMap.enabled = true;
  renderer.setSize(width, height, false);
  const pixel = new Uint8Array(4);
  const gl = renderer.getContext();
  const times: number[] = [];
  try {
    await renderer.compileAsync(scene, camera);
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const started = performance.now();
      renderer.render(scene, camera);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      if (i >= WARM_UP) times.push(performance.now() - started);
      // Let the page breathe between samples: the probe runs while the attract loop is on screen.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    renderer.shadowMap.enabled = shadows;
    disposeTree(scene);
    renderer.shadowMap.needsUpdate = true;
  }
  return times;
}
