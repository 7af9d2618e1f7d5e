// "Nobody" — where the path ends: a calm, pale open space with a lamp post by day, a bench, and an
// open doorway full of light at the end of a path; small lights rest on the grass, one for many.
import { kitScene } from '../../src/stage/kit.ts';

export default kitScene({
  states: {
    luce: {
      background: '#f6f1e6',
      sky: '#ffffff',
      ground: '#e0d8c4',
      ambient: 1.25,
      sun: '#fff0d8',
      sunStrength: 1.3,
      sunFrom: [6, 10, 4],
    },
  },
  cameras: {
    centro: { position: [0.5, 1.8, 9], target: [0, 1.4, -8] },
  },
  props: [
    { shape: 'plane', size: [160, 160], at: [0, 0, -30], color: '#e2e4d4' },
    // Soft far hills.
    { shape: 'sphere', size: [14], at: [-22, -10, -40], color: '#cfd8c8' },
    { shape: 'sphere', size: [18], at: [26, -13, -50], color: '#d6dccb' },
    { shape: 'sphere', size: [12], at: [2, -9, -62], color: '#dde2d2' },
    // A pale path leading to an open doorway full of light.
    { shape: 'plane', size: [1.6, 16], at: [0, 0.011, 0], color: '#f2ede2' },
    {
      shape: 'box',
      size: [0.25, 2.6, 0.25],
      at: [-1.1, 1.3, -8],
      color: '#f4f0e8',
      repeat: { count: 2, step: [2.2, 0, 0] },
    },
    { shape: 'box', size: [2.45, 0.25, 0.25], at: [0, 2.72, -8], color: '#f4f0e8' },
    { shape: 'box', size: [1.95, 2.6, 0.05], at: [0, 1.3, -8], color: '#fffaf0', glow: true },
    { shape: 'box', size: [1.9, 2.5, 0.06], at: [1.3, 1.25, -7.11], turn: [0, -70, 0], color: '#e8e0d0' },
    // The lamp post, now in daylight, and a bench beside it.
    { shape: 'cylinder', size: [0.09, 6, 8], at: [4.5, 3, -5], color: '#8a8a88' },
    { shape: 'box', size: [0.08, 0.08, 1.2], at: [4.5, 5.95, -4.45], color: '#8a8a88' },
    { shape: 'box', size: [0.5, 0.15, 0.4], at: [4.5, 5.85, -3.9], color: '#fff4dc', glow: true },
    { shape: 'box', size: [1.8, 0.08, 0.5], at: [3.2, 0.46, -3.6], color: '#b09070' },
    {
      shape: 'box',
      size: [0.1, 0.42, 0.45],
      at: [2.5, 0.21, -3.6],
      color: '#7a7a78',
      repeat: { count: 2, step: [1.4, 0, 0] },
    },
    // A few small trees.
    {
      shape: 'cylinder',
      size: [0.12, 1.4, 8],
      at: [-4, 0.7, -6],
      color: '#9a8a72',
      repeat: { count: 3, step: [-2.6, 0, -4] },
    },
    {
      shape: 'sphere',
      size: [0.9],
      at: [-4, 1.9, -6],
      color: '#b6ceb0',
      repeat: { count: 3, step: [-2.6, 0, -4] },
    },
    {
      shape: 'cylinder',
      size: [0.12, 1.4, 8],
      at: [7, 0.7, -10],
      color: '#9a8a72',
      repeat: { count: 2, step: [3, 0, -5] },
    },
    {
      shape: 'sphere',
      size: [0.9],
      at: [7, 1.9, -10],
      color: '#bcd2b4',
      repeat: { count: 2, step: [3, 0, -5] },
    },
    // Small lights on the grass, in loose lines.
    {
      shape: 'sphere',
      size: [0.1],
      at: [-8, 0.1, 2],
      color: '#ffe6a8',
      glow: true,
      repeat: { count: 14, step: [0.5, 0, -1.3] },
    },
    {
      shape: 'sphere',
      size: [0.1],
      at: [-3, 0.1, 3],
      color: '#ffe0a0',
      glow: true,
      repeat: { count: 14, step: [-0.4, 0, -1.5] },
    },
    {
      shape: 'sphere',
      size: [0.1],
      at: [2.2, 0.1, 3.5],
      color: '#ffeab8',
      glow: true,
      repeat: { count: 14, step: [0.6, 0, -1.2] },
    },
    {
      shape: 'sphere',
      size: [0.1],
      at: [5.5, 0.1, 1],
      color: '#ffe6a8',
      glow: true,
      repeat: { count: 12, step: [0.3, 0, -1.6] },
    },
    {
      shape: 'sphere',
      size: [0.1],
      at: [-6, 0.1, -3],
      color: '#ffe4a4',
      glow: true,
      repeat: { count: 12, step: [1.1, 0, -0.7] },
    },
  ],
});
