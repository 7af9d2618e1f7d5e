// "Workers" — where the path ends: an open, bright meadow with soft round shapes, a few trees, and
// a path of stepping stones that winds towards a low warm sun on the horizon.
import { kitScene } from '../../src/stage/kit.ts';

export default kitScene({
  states: {
    luce: {
      background: '#f3efe4',
      sky: '#ffffff',
      ground: '#d8e0c8',
      ambient: 1.3,
      sun: '#fff2d8',
      sunStrength: 1.4,
      sunFrom: [-5, 10, 6],
    },
  },
  cameras: {
    centro: { position: [0, 2.4, 12], target: [0.5, 1, -6] },
  },
  props: [
    { shape: 'plane', size: [160, 160], at: [0, 0, -30], color: '#dfe8d8' },
    // The sun, low and soft, and far hills.
    { shape: 'sphere', size: [5], at: [3, 6, -90], color: '#fff4d0', glow: true },
    { shape: 'sphere', size: [24], at: [-36, -16, -70], color: '#cddcc4' },
    { shape: 'sphere', size: [30], at: [40, -21, -80], color: '#d4e0c8' },
    { shape: 'sphere', size: [18], at: [4, -13, -95], color: '#c6d6bd' },
    // The stepping stones, in two gentle bends.
    {
      shape: 'cylinder',
      size: [0.6, 0.12, 16],
      at: [-1, 0.06, 9],
      color: '#f4efe2',
      repeat: { count: 6, step: [0.45, 0, -1.8] },
    },
    {
      shape: 'cylinder',
      size: [0.55, 0.12, 16],
      at: [1.5, 0.06, -1.8],
      color: '#f4efe2',
      repeat: { count: 7, step: [-0.25, 0, -1.9] },
    },
    // Soft round bushes.
    { shape: 'sphere', size: [1.5], at: [-6, 0.6, -4], color: '#a8c8a0' },
    { shape: 'sphere', size: [2.2], at: [8, 0.4, -9], color: '#b8d4b0' },
    { shape: 'sphere', size: [1], at: [-3.6, 0.3, 3], color: '#c8dcc0' },
    {
      shape: 'sphere',
      size: [0.8],
      at: [4.4, 0.2, 4],
      color: '#bcd6b4',
      repeat: { count: 3, step: [1.2, 0, -2] },
    },
    {
      shape: 'sphere',
      size: [0.9],
      at: [-9, 0.3, -1],
      color: '#b0cfa6',
      repeat: { count: 3, step: [-2, 0.1, -3] },
    },
    // A few trees.
    {
      shape: 'cylinder',
      size: [0.15, 1.6, 8],
      at: [-5, 0.8, -9],
      color: '#8a7a62',
      repeat: { count: 3, step: [-3.5, 0, -5] },
    },
    {
      shape: 'sphere',
      size: [1.1],
      at: [-5, 2.2, -9],
      color: '#9cc296',
      repeat: { count: 3, step: [-3.5, 0, -5] },
    },
    {
      shape: 'cylinder',
      size: [0.15, 1.8, 8],
      at: [6, 0.9, -3],
      color: '#8a7a62',
      repeat: { count: 2, step: [4.5, 0, -9] },
    },
    {
      shape: 'sphere',
      size: [1.2],
      at: [6, 2.4, -3],
      color: '#a6c89c',
      repeat: { count: 2, step: [4.5, 0, -9] },
    },
    // Flowers along the path.
    {
      shape: 'sphere',
      size: [0.07],
      at: [-2.1, 0.1, 8.5],
      color: '#f0b0a0',
      repeat: { count: 10, step: [0.4, 0, -1.6] },
    },
    {
      shape: 'sphere',
      size: [0.07],
      at: [0.4, 0.1, 8],
      color: '#f0d880',
      repeat: { count: 10, step: [0.35, 0, -1.7] },
    },
    {
      shape: 'sphere',
      size: [0.07],
      at: [3, 0.1, 2],
      color: '#c0b0f0',
      repeat: { count: 8, step: [-0.3, 0, -1.8] },
    },
  ],
});
