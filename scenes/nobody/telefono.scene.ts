// "Nobody" — an outreach worker's desk at night: a large phone with a list of calls, then a blocked
// number, then an automatic reply; a notebook of ads beside it. The new element blinks, then stays.
import { kitScene } from '../../src/stage/kit.ts';

export default kitScene({
  states: {
    chiamate: {
      background: '#0c0f18',
      sky: '#3a4a6a',
      ground: '#14120f',
      ambient: 0.55,
      sun: '#9ab0d8',
      sunStrength: 0.5,
      sunFrom: [2, 6, 8],
    },
    bloccato: {
      background: '#120c10',
      sky: '#5a3a44',
      ground: '#140f0f',
      ambient: 0.5,
      sun: '#d89a9a',
      sunStrength: 0.4,
      sunFrom: [2, 6, 8],
    },
    messaggio: {
      background: '#0c1214',
      sky: '#3a5a5a',
      ground: '#10140f',
      ambient: 0.55,
      sun: '#a0d0c8',
      sunStrength: 0.45,
      sunFrom: [2, 6, 8],
    },
  },
  cameras: {
    schermo: { position: [1.1, 0.7, 10.8], target: [-0.5, -0.2, 0] },
  },
  props: [
    // The desk, a notebook with the list of ads, a pen, the phone stand; a window of far lights.
    { shape: 'box', size: [18, 0.2, 8], at: [0, -4.6, 1], color: '#2a2622' },
    { shape: 'box', size: [3, 0.06, 4], at: [-6, -4.47, 2], color: '#e8e4d8' },
    {
      shape: 'box',
      size: [2.4, 0.01, 0.06],
      at: [-6, -4.435, 0.6],
      color: '#6a7a9a',
      repeat: { count: 8, step: [0, 0, 0.38] },
    },
    { shape: 'cylinder', size: [0.05, 2, 8], at: [-3.9, -4.45, 2.4], turn: [90, 0, 20], color: '#1a2a5a' },
    { shape: 'box', size: [1.6, 0.5, 1], at: [0, -4.25, -0.4], color: '#1e1e22' },
    {
      shape: 'box',
      size: [0.3, 0.3, 0.05],
      at: [-14, 4, -20],
      color: '#ffcf80',
      glow: true,
      repeat: { count: 12, step: [2.6, -0.5, 0] },
    },
    {
      shape: 'box',
      size: [0.3, 0.3, 0.05],
      at: [-12, -1, -20],
      color: '#ffe4a8',
      glow: true,
      repeat: { count: 10, step: [2.9, 0.6, 0] },
    },
    // The phone: body, screen, status bar, home bar.
    { shape: 'box', size: [4.2, 8.4, 0.4], at: [0, 0, 0], color: '#16181c' },
    { shape: 'box', size: [3.9, 8, 0.05], at: [0, 0, 0.22], color: '#0e1622', glow: true },
    { shape: 'box', size: [3.6, 0.2, 0.02], at: [0, 3.7, 0.25], color: '#3a4658', glow: true },
    { shape: 'box', size: [1.4, 0.08, 0.02], at: [0, -3.7, 0.25], color: '#8a8a8a', glow: true },
    // Calls: a list of numbers with call buttons.
    {
      shape: 'box',
      size: [3.5, 0.7, 0.04],
      at: [0, 1.6, 0.26],
      color: '#1c2a3e',
      glow: true,
      only: ['chiamate'],
      repeat: { count: 5, step: [0, -0.95, 0] },
    },
    {
      shape: 'box',
      size: [2.2, 0.12, 0.02],
      at: [-0.35, 1.6, 0.29],
      color: '#8aa0b8',
      glow: true,
      only: ['chiamate'],
      repeat: { count: 5, step: [0, -0.95, 0] },
    },
    {
      shape: 'sphere',
      size: [0.18],
      at: [1.35, 1.6, 0.3],
      color: '#3ccf7a',
      glow: true,
      only: ['chiamate'],
      repeat: { count: 5, step: [0, -0.95, 0] },
    },
    // Blocked: the same list greyed out, red marks, a blocked sign and its banner.
    {
      shape: 'box',
      size: [3.5, 0.7, 0.04],
      at: [0, 1.6, 0.26],
      color: '#1c1c22',
      glow: true,
      only: ['bloccato'],
      repeat: { count: 5, step: [0, -0.95, 0] },
    },
    {
      shape: 'sphere',
      size: [0.18],
      at: [1.35, 1.6, 0.3],
      color: '#b03838',
      glow: true,
      only: ['bloccato'],
      repeat: { count: 5, step: [0, -0.95, 0] },
    },
    {
      shape: 'box',
      size: [3.5, 3.4, 0.04],
      at: [0, 0.1, 0.52],
      color: '#141820',
      glow: true,
      only: ['bloccato'],
    },
    {
      shape: 'cylinder',
      size: [1, 0.04, 16],
      at: [0, 0.5, 0.56],
      turn: [90, 0, 0],
      color: '#d04848',
      glow: true,
      only: ['bloccato'],
    },
    {
      shape: 'cylinder',
      size: [0.82, 0.04, 16],
      at: [0, 0.5, 0.59],
      turn: [90, 0, 0],
      color: '#141820',
      glow: true,
      only: ['bloccato'],
    },
    {
      shape: 'box',
      size: [1.9, 0.2, 0.04],
      at: [0, 0.5, 0.62],
      turn: [0, 0, -45],
      color: '#d04848',
      glow: true,
      only: ['bloccato'],
    },
    // A message: what was sent, an automatic reply with its list of prices, the input bar.
    {
      shape: 'box',
      size: [2.4, 0.8, 0.04],
      at: [0.55, 2.6, 0.26],
      color: '#2f7a5a',
      glow: true,
      only: ['messaggio'],
    },
    {
      shape: 'box',
      size: [2.8, 3.2, 0.04],
      at: [-0.35, 0.1, 0.26],
      color: '#3a4250',
      glow: true,
      only: ['messaggio'],
    },
    {
      shape: 'box',
      size: [2, 0.12, 0.02],
      at: [-0.55, 1.2, 0.29],
      color: '#aab4c4',
      glow: true,
      only: ['messaggio'],
      repeat: { count: 6, step: [0, -0.45, 0] },
    },
    {
      shape: 'box',
      size: [3.5, 0.5, 0.04],
      at: [0, -3.05, 0.26],
      color: '#202836',
      glow: true,
      only: ['messaggio'],
    },
    // What blinks when the state begins: the incoming call, the blocked banner, the automatic tag.
    {
      shape: 'box',
      size: [3.5, 1, 0.04],
      at: [0, 2.85, 0.26],
      color: '#1f6a45',
      glow: true,
      only: ['chiamate'],
      moves: true,
    },
    {
      shape: 'box',
      size: [3.1, 0.36, 0.04],
      at: [0, -1.1, 0.56],
      color: '#d04848',
      glow: true,
      only: ['bloccato'],
      moves: true,
    },
    {
      shape: 'box',
      size: [0.8, 0.26, 0.04],
      at: [-1.15, -1.75, 0.3],
      color: '#c8a040',
      glow: true,
      only: ['messaggio'],
      moves: true,
    },
  ],
  animate(objects, seconds, state) {
    const which = ['chiamate', 'bloccato', 'messaggio'].indexOf(state);
    const blink = which < 0 ? undefined : objects.at(which - 3);
    const clock = (objects[0]?.userData ?? {}) as { state?: string; t?: number };
    if (clock.state !== state) {
      clock.state = state;
      clock.t = 0;
    }
    const t = clock.t ?? 3;
    if (!blink || t >= 3) return false;
    clock.t = t + seconds;
    blink.visible = clock.t >= 3 || clock.t % 0.6 < 0.4;
    return clock.t < 3;
  },
});
