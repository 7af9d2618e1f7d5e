// Keeps the stage's shader programs alive between scenes. three.js frees a program when the last
// material using it is disposed, so every scene change (and every visit) compiled the same few
// Lambert and point programs again: about a tenth of a second each on a weak GPU, a hitch the
// visitor sees. A hidden group of one material of each kind the scene kit makes stays in the
// stage's scene: compileAsync prepares it (compile walks invisible objects too), it is never
// drawn, and the programs it holds are reused by every scene.

import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Group,
  InstancedMesh,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  Points,
  PointsMaterial,
} from 'three';

export function programKeeper(): Group {
  const keeper = new Group();
  keeper.name = 'program keeper';
  keeper.visible = false;
  const box = new BoxGeometry(1, 1, 1);
  // The kit's colours live in the vertices: lit props (Lambert), glowing ones and every prop at
  // the minimal tier (unlit), each as a mesh and as instances.
  const lit = new MeshLambertMaterial({ vertexColors: true });
  const unlit = new MeshBasicMaterial({ vertexColors: true });
  const meshes = [lit, unlit].flatMap((material) => [
    new Mesh(box, material),
    new InstancedMesh(box, material, 1),
  ]);
  const dots = new BufferGeometry();
  dots.setAttribute('position', new BufferAttribute(new Float32Array(3), 3));
  const points = new Points(dots, new PointsMaterial({ transparent: true, depthWrite: false }));
  // The same shadow flags as the kit's props, so the programs match theirs.
  for (const object of [...meshes, points]) {
    object.receiveShadow = true;
    object.castShadow = true;
  }
  keeper.add(...meshes, points);
  return keeper;
}
