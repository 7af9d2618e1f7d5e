// "Nobody" — a road at the edge of town at night: a lay-by under a lamp post, an empty plastic chair,
// a car stopped across the road; a car passes once whenever the hour changes. No one is shown.
import { kitScene } from '../../src/stage/kit.ts';

export default kitScene({
  states: {
    sera: {
      background: '#1f2238',
      sky: '#5a5e88',
      ground: '#1a1816',
      ambient: 0.75,
      sun: '#ffb888',
      sunStrength: 0.35,
      sunFrom: [-20, 3, -10],
    },
    notte: {
      background: '#07080e',
      sky: '#343a5a',
      ground: '#0c0c0c',
      ambient: 0.5,
      sun: '#7080b0',
      sunStrength: 0.2,
      sunFrom: [5, 10, 5],
    },
    alba: {
      background: '#c9a8a0',
      sky: '#e8d0c8',
      ground: '#4a4440',
      ambient: 0.8,
      sun: '#ffc8a0',
      sunStrength: 1,
      sunFrom: [-20, 3, -30],
    },
  },
  cameras: {
    lampione: { position: [-0.2, 1.5, 3.6], target: [2, 2.5, -5] },
    auto: { position: [-9, 1.9, 6.6], target: [2, 0.9, -5] },
  },
  props: [
    // Fields, the road with its marks, the lay-by and the opposite verge.
    { shape: 'plane', size: [140, 90], at: [0, 0, -10], color: '#1a1c1a' },
    { shape: 'plane', size: [140, 7], at: [0, 0.01, 0], color: '#2a2b2e' },
    {
      shape: 'box',
      size: [2, 0.02, 0.12],
      at: [-40, 0.02, 0],
      color: '#bdb8a0',
      repeat: { count: 21, step: [4, 0, 0] },
    },
    {
      shape: 'box',
      size: [140, 0.02, 0.1],
      at: [0, 0.02, -3.3],
      color: '#9a968a',
      repeat: { count: 2, step: [0, 0, 6.6] },
    },
    { shape: 'plane', size: [12, 3], at: [2, 0.012, -5], color: '#3a3834' },
    { shape: 'plane', size: [140, 3], at: [0, 0.012, 5], color: '#2e2c28' },
    // A guardrail and dark trees behind the lay-by; far lights of a town.
    { shape: 'box', size: [60, 0.3, 0.08], at: [0, 0.6, -6.8], color: '#7a7a78' },
    {
      shape: 'box',
      size: [0.1, 0.6, 0.1],
      at: [-28, 0.3, -6.85],
      color: '#5a5a58',
      repeat: { count: 29, step: [2, 0, 0] },
    },
    {
      shape: 'cone',
      size: [1.2, 4, 8],
      at: [-24, 2, -11],
      color: '#1e2a22',
      repeat: { count: 11, step: [5, 0, -0.4] },
    },
    {
      shape: 'cone',
      size: [1.5, 5, 8],
      at: [-21, 2.5, -15],
      color: '#18221c',
      repeat: { count: 10, step: [5.5, 0, 0.3] },
    },
    {
      shape: 'box',
      size: [0.3, 0.3, 0.3],
      at: [-46, 1.5, -45],
      color: '#ffcf7a',
      glow: true,
      only: ['sera', 'notte'],
      repeat: { count: 14, step: [7, 0.1, 0] },
    },
    { shape: 'sphere', size: [6], at: [-30, 1, -90], color: '#ffd8b0', glow: true, only: ['alba'] },
    // Lamp posts along the road; the one over the lay-by lights a pool on the ground.
    {
      shape: 'cylinder',
      size: [0.09, 6, 8],
      at: [-46, 3, -6],
      color: '#3a3a3a',
      repeat: { count: 5, step: [24, 0, 0] },
    },
    {
      shape: 'box',
      size: [0.08, 0.08, 1.4],
      at: [-46, 5.95, -5.35],
      color: '#3a3a3a',
      repeat: { count: 5, step: [24, 0, 0] },
    },
    {
      shape: 'box',
      size: [0.5, 0.15, 0.4],
      at: [-46, 5.85, -4.7],
      color: '#ffd9a0',
      glow: true,
      only: ['sera', 'notte'],
      repeat: { count: 5, step: [24, 0, 0] },
    },
    {
      shape: 'box',
      size: [0.5, 0.15, 0.4],
      at: [-46, 5.85, -4.7],
      color: '#8a8a88',
      only: ['alba'],
      repeat: { count: 5, step: [24, 0, 0] },
    },
    {
      shape: 'cylinder',
      size: [2.8, 0.005, 16],
      at: [2, 0.02, -4.7],
      color: '#4a3d28',
      glow: true,
      only: ['sera', 'notte'],
    },
    {
      shape: 'cylinder',
      size: [1.5, 0.005, 16],
      at: [2, 0.025, -4.7],
      color: '#7a6444',
      glow: true,
      only: ['sera', 'notte'],
    },
    // An empty plastic chair under the lamp.
    { shape: 'box', size: [0.44, 0.45, 0.42], at: [2.6, 0.225, -5.3], color: '#6e6a60', glow: true },
    { shape: 'box', size: [0.44, 0.5, 0.05], at: [2.6, 0.7, -5.5], color: '#6e6a60', glow: true },
    // The car stopped across the road in the evening, its rear lights on.
    { shape: 'box', size: [4.2, 0.7, 1.8], at: [-3, 0.55, 5.2], color: '#24262c', only: ['sera'] },
    { shape: 'box', size: [2.2, 0.6, 1.6], at: [-3.2, 1.2, 5.2], color: '#16181c', only: ['sera'] },
    {
      shape: 'box',
      size: [0.05, 0.12, 0.35],
      at: [-5.12, 0.65, 5.75],
      color: '#a02818',
      glow: true,
      only: ['sera'],
      repeat: { count: 2, step: [0, 0, -1.1] },
    },
    // At night a white van waits further along, hazard lights on.
    { shape: 'box', size: [4.8, 2.1, 2], at: [16, 1.15, -4.9], color: '#d8d8d0', only: ['notte'] },
    {
      shape: 'box',
      size: [0.05, 0.15, 1.6],
      at: [18.42, 0.7, -4.9],
      color: '#ff9a30',
      glow: true,
      only: ['notte'],
    },
    // The passing car (moved by animate): body, cabin, headlights, tail lights, beam on the road.
    { shape: 'box', size: [4, 0.7, 1.8], at: [70, 0.55, -1.75], color: '#5a6070', moves: true },
    { shape: 'box', size: [2.2, 0.6, 1.6], at: [70.3, 1.2, -1.75], color: '#1e232c', moves: true },
    {
      shape: 'box',
      size: [0.05, 0.16, 0.35],
      at: [67.98, 0.62, -1.2],
      color: '#fff4d8',
      glow: true,
      repeat: { count: 2, step: [0, 0, -1.1] },
      moves: true,
    },
    {
      shape: 'box',
      size: [0.05, 0.14, 0.3],
      at: [72.02, 0.62, -1.15],
      color: '#ff3020',
      glow: true,
      repeat: { count: 2, step: [0, 0, -1.2] },
      moves: true,
    },
    { shape: 'plane', size: [3.2, 1.4], at: [66.3, 0.018, -1.75], color: '#34322a', glow: true, moves: true },
  ],
  animate(objects, seconds, state) {
    const car = objects.slice(-5);
    const trip = (car[0]?.userData ?? {}) as { state?: string; x?: number };
    if (trip.state !== state) {
      for (const part of car) part.position.x += trip.x ?? 0;
      trip.state = state;
      trip.x = 0;
    }
    const x = trip.x ?? 140;
    if (x >= 140) return false;
    const next = Math.min(140, x + seconds * 12);
    for (const part of car) part.position.x -= next - x;
    trip.x = next;
    return next < 140;
  },
});
