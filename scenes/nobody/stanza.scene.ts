// "Nobody" — an empty room, almost dark: a mattress, a packed bag, a shuttered window and a closed door.
// In `luce` the shutter is gone, the door stands open and the light on the floor grows; no one appears.
import { kitScene } from '../../src/stage/kit.ts';

export default kitScene({
  states: {
    buio: {
      background: '#050507',
      sky: '#1a1c26',
      ground: '#0a0a0a',
      ambient: 0.3,
      sun: '#5a6a8a',
      sunStrength: 0.15,
      sunFrom: [-2, 4, 6],
    },
    luce: {
      background: '#f0e8d8',
      sky: '#fffaf0',
      ground: '#a89a86',
      ambient: 1.4,
      sun: '#fff0d0',
      sunStrength: 1.4,
      sunFrom: [1, 6, 6],
    },
  },
  cameras: {
    centro: { position: [0.3, 1.6, 3.8], target: [0.2, 1.2, -4] },
  },
  props: [
    // Floor, ceiling and walls; the back wall leaves an opening for the door.
    { shape: 'box', size: [8.2, 0.02, 8.2], at: [0, 0, 0], color: '#6a625a' },
    { shape: 'box', size: [8.2, 0.1, 8.2], at: [0, 3.25, 0], color: '#8a847a' },
    {
      shape: 'box',
      size: [0.2, 3.2, 8],
      at: [-4, 1.6, 0],
      color: '#b8b0a2',
      repeat: { count: 2, step: [8, 0, 0] },
    },
    { shape: 'box', size: [6, 3.2, 0.2], at: [-1, 1.6, -4], color: '#c4bcae' },
    { shape: 'box', size: [1, 3.2, 0.2], at: [3.5, 1.6, -4], color: '#c4bcae' },
    { shape: 'box', size: [1, 1, 0.2], at: [2.5, 2.7, -4], color: '#c4bcae' },
    // A mattress on the floor and a bag that is never unpacked; in the light, a folded leaflet on it.
    { shape: 'box', size: [1.9, 0.18, 0.9], at: [-2.8, 0.1, -2.6], color: '#8a8478' },
    { shape: 'box', size: [0.6, 0.4, 0.35], at: [-2.2, 0.2, -0.6], color: '#3a3240' },
    {
      shape: 'box',
      size: [0.2, 0.01, 0.28],
      at: [-2.2, 0.405, -0.6],
      turn: [0, 15, 0],
      color: '#f4f2ea',
      only: ['luce'],
    },
    // A bare bulb, dark and then lit.
    { shape: 'cylinder', size: [0.01, 0.6, 4], at: [0, 2.9, -1], color: '#222222' },
    { shape: 'sphere', size: [0.09], at: [0, 2.56, -1], color: '#3a3a3a', only: ['buio'] },
    { shape: 'sphere', size: [0.09], at: [0, 2.56, -1], color: '#fff2c8', glow: true, only: ['luce'] },
    // In the dark: the shutter with thin lines of light, and light under the closed door.
    { shape: 'box', size: [1.6, 1.4, 0.05], at: [-1.5, 1.7, -3.88], color: '#2a2622', only: ['buio'] },
    {
      shape: 'box',
      size: [1.5, 0.02, 0.01],
      at: [-1.5, 1.15, -3.85],
      color: '#5a6480',
      glow: true,
      only: ['buio'],
      repeat: { count: 5, step: [0, 0.27, 0] },
    },
    { shape: 'box', size: [1, 2.2, 0.06], at: [2.5, 1.1, -3.97], color: '#5a4636', only: ['buio'] },
    {
      shape: 'box',
      size: [1, 0.03, 0.02],
      at: [2.5, 0.015, -3.92],
      color: '#8a7a5a',
      glow: true,
      only: ['buio'],
    },
    // In the light: the window bright, the door open on a lit corridor.
    {
      shape: 'box',
      size: [1.6, 1.4, 0.04],
      at: [-1.5, 1.7, -3.89],
      color: '#fff6e0',
      glow: true,
      only: ['luce'],
    },
    { shape: 'box', size: [0.06, 1.4, 0.06], at: [-1.5, 1.7, -3.86], color: '#d8d0c0', only: ['luce'] },
    { shape: 'box', size: [1.6, 0.06, 0.06], at: [-1.5, 1.7, -3.86], color: '#d8d0c0', only: ['luce'] },
    {
      shape: 'box',
      size: [1, 2.2, 0.06],
      at: [2.913, 1.1, -3.51],
      turn: [0, -100, 0],
      color: '#6a5646',
      only: ['luce'],
    },
    {
      shape: 'box',
      size: [1, 2.2, 0.04],
      at: [2.5, 1.1, -4.12],
      color: '#fff4dc',
      glow: true,
      only: ['luce'],
    },
    // The light on the floor, growing (animated) from the window and from the door.
    {
      shape: 'plane',
      size: [1.8, 2.6],
      at: [-1.5, 0.012, -2.5],
      color: '#d8c8a0',
      glow: true,
      only: ['luce'],
      moves: true,
    },
    {
      shape: 'plane',
      size: [1.1, 2.4],
      at: [2.5, 0.013, -2.7],
      color: '#e0d0a8',
      glow: true,
      only: ['luce'],
      moves: true,
    },
  ],
  animate(objects, seconds, state) {
    const clock = (objects[0]?.userData ?? {}) as { state?: string; t?: number };
    if (clock.state !== state) {
      clock.state = state;
      clock.t = 0;
    }
    const t = clock.t ?? 1;
    if (state !== 'luce' || t >= 1) return false;
    clock.t = Math.min(1, t + seconds / 5);
    const grown = 0.1 + 0.9 * clock.t * (2 - clock.t);
    for (const pool of objects.slice(-2)) pool.scale.set(grown, 1, grown);
    return clock.t < 1;
  },
});
