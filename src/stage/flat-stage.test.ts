// The 2D rendition's painter, in Node: what it projects, culls, clips, lights and orders.
import {
  BoxGeometry,
  Color,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  PlaneGeometry,
} from 'three';
import { describe, expect, it } from 'vitest';
import { flatten } from './flat-stage.ts';
import { kitScene } from './kit.ts';

function lit(): Group {
  const root = new Group();
  const sun = new DirectionalLight('#ffffff', 1);
  sun.position.set(0, 10, 0); // straight above: tops are lit, sides are not
  root.add(new HemisphereLight('#ffffff', '#000000', 0.2), sun, sun.target);
  return root;
}

function camera(): PerspectiveCamera {
  const c = new PerspectiveCamera(50, 16 / 9, 0.1, 100);
  c.position.set(0, 3, 6);
  c.lookAt(0, 0, 0);
  return c;
}

const inside = (points: number[], w: number, h: number, slack = 1) =>
  points.every((v, i) => v >= -slack && v <= (i % 2 ? h : w) + slack);

describe('flatten (the 2D rendition)', () => {
  it('paints only the faces of a box that face the camera, inside the canvas', () => {
    const root = lit();
    root.add(new Mesh(new BoxGeometry(1, 1, 1), new MeshLambertMaterial({ color: '#808080' })));
    const polygons = flatten(root, camera(), 320, 180);
    // Seen from above and in front: top and front faces, two triangles each.
    expect(polygons).toHaveLength(4);
    for (const p of polygons) expect(inside(p.points, 320, 180)).toBe(true);
  });

  it('lights faces by the sun: the top (facing it) is brighter than the front', () => {
    const root = lit();
    root.add(new Mesh(new BoxGeometry(1, 1, 1), new MeshLambertMaterial({ color: '#808080' })));
    const colours = flatten(root, camera(), 320, 180).map((p) => new Color(p.color).r);
    expect(Math.max(...colours)).toBeGreaterThan(Math.min(...colours) * 2);
  });

  it('clips ground that runs behind the camera instead of dropping it', () => {
    const root = lit();
    root.add(
      new Mesh(
        new PlaneGeometry(200, 200).rotateX(-Math.PI / 2),
        new MeshLambertMaterial({ color: '#406030' }),
      ),
    );
    const polygons = flatten(root, camera(), 320, 180);
    expect(polygons.length).toBeGreaterThan(0);
    // The ground fills the lower part of the view: some corner reaches the bottom edge.
    expect(polygons.some((p) => p.points.some((v, i) => i % 2 === 1 && v >= 179))).toBe(true);
  });

  it('paints far to near, and leaves out what is hidden or behind the camera', () => {
    const root = lit();
    const near = new Mesh(new BoxGeometry(1, 1, 1), new MeshLambertMaterial({ color: '#ff0000' }));
    const far = new Mesh(new BoxGeometry(1, 1, 1), new MeshLambertMaterial({ color: '#0000ff' }));
    far.position.set(0, 0, -10);
    const hidden = new Mesh(new BoxGeometry(1, 1, 1), new MeshLambertMaterial({ color: '#00ff00' }));
    hidden.visible = false;
    const behind = new Mesh(new BoxGeometry(1, 1, 1), new MeshLambertMaterial({ color: '#ffff00' }));
    behind.position.set(0, 3, 12);
    root.add(near, far, hidden, behind);
    const polygons = flatten(root, camera(), 320, 180);
    const order = polygons.map((p) => (new Color(p.color).r > new Color(p.color).b ? 'near' : 'far'));
    expect(order.indexOf('near')).toBeGreaterThan(order.lastIndexOf('far'));
    expect(polygons).toHaveLength(8);
    for (let i = 1; i < polygons.length; i++) {
      expect(polygons[i - 1]?.depth).toBeGreaterThanOrEqual(polygons[i]?.depth ?? 0);
    }
  });

  it('paints a kit scene in the colours of its props (kept in the vertices), glowing ones unlit', () => {
    const scene = kitScene({
      states: {
        day: {
          background: '#000',
          sky: '#fff',
          ground: '#000',
          ambient: 1,
          sun: '#fff',
          sunStrength: 2,
          sunFrom: [0, 10, 5],
        },
      },
      cameras: { front: { position: [0, 3, 6], target: [0, 0, 0] } },
      props: [
        { shape: 'box', size: [1, 1, 1], at: [-1, 0, 0], color: '#c02020' },
        { shape: 'box', size: [1, 1, 1], at: [1, 0, 0], color: '#2040ff', glow: true },
      ],
    }).build();
    scene.setState('day');
    const colours = flatten(scene.root, camera(), 320, 180).map((p) => new Color(p.color));
    const red = colours.filter((c) => c.r > c.b);
    const blue = colours.filter((c) => c.b > c.r);
    expect(red.length).toBeGreaterThan(0);
    expect(red.every((c) => c.g < c.r / 2)).toBe(true);
    // Unlit: every face of the glowing box is exactly its colour, lit from anywhere or not.
    expect(new Set(blue.map((c) => c.getHexString()))).toEqual(new Set(['2040ff']));
  });
});
