// "Workers" — the field: rows of crops at dawn, a van at the road, a dairy barn behind.
// States follow the working day (alba → mezzogiorno → sera) and the barn at milking time.
import { kitScene } from '../../src/stage/kit.ts';

export default kitScene({
  states: {
    alba: {
      background: '#3b4a6b',
      sky: '#9fb4d9',
      ground: '#4a3b2a',
      ambient: 0.9,
      sun: '#ffb27a',
      sunStrength: 1.2,
      sunFrom: [-10, 3, 4],
    },
    mezzogiorno: {
      background: '#9cc3e6',
      sky: '#ffffff',
      ground: '#7a6a4a',
      ambient: 1.2,
      sun: '#fff4d6',
      sunStrength: 2.2,
      sunFrom: [2, 12, 3],
    },
    sera: {
      background: '#4b2e3f',
      sky: '#e08a6a',
      ground: '#3a2a2a',
      ambient: 0.7,
      sun: '#ff8a4a',
      sunStrength: 1,
      sunFrom: [10, 2, -2],
    },
    stalla: {
      background: '#1c1a22',
      sky: '#6a6a8a',
      ground: '#2a2420',
      ambient: 0.5,
      sun: '#ffd9a0',
      sunStrength: 1.4,
      sunFrom: [0, 6, 6],
    },
  },
  cameras: {
    strada: { position: [0, 2.2, 12], target: [0, 0.5, 0] },
    filari: { position: [-6, 1.6, 3], target: [2, 0.4, -2] },
    furgone: { position: [5, 1.8, 8], target: [3, 0.8, 5] },
    stalla: { position: [2, 2.5, -3], target: [0, 1, -9] },
  },
  props: [
    { shape: 'plane', size: [60, 60], at: [0, 0, 0], color: '#6b5a3a' },
    {
      shape: 'box',
      size: [12, 0.4, 0.6],
      at: [-2, 0.2, -6],
      color: '#3f7a3a',
      repeat: { count: 7, step: [0, 0, 1.6] },
    },
    { shape: 'plane', size: [4, 60], at: [6, 0.01, 0], color: '#3a3a3a' },
    { shape: 'box', size: [2, 1.4, 4], at: [6, 0.9, 5], color: '#d9d9d0' },
    { shape: 'box', size: [1.8, 0.6, 1.2], at: [6, 1.9, 6.2], color: '#c9c9c0' },
    { shape: 'box', size: [8, 4, 5], at: [0, 2, -12], color: '#8a4a3a' },
    { shape: 'cone', size: [5, 2, 4], at: [0, 5, -12], turn: [0, 45, 0], color: '#5a3a2a' },
    {
      shape: 'box',
      size: [1.6, 2.4, 0.2],
      at: [0, 1.2, -9.4],
      color: '#ffd27a',
      glow: true,
      only: ['stalla'],
    },
  ],
});
