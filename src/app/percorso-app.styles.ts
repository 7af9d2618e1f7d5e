import { css } from 'lit';

export const appStyles = css`
  :host {
    display: block; position: fixed; inset: 0; overflow: hidden;
    color: var(--pc-fg, #f6f1e7); background: var(--pc-bg, #14161c);
    font-family: var(--pc-font); line-height: var(--pc-line-height);
  }
  /* Urdu is written in Nastaliq, which needs room between lines (language buttons, invitations). */
  [lang='ur'] { font-family: var(--pc-font-ur); line-height: var(--pc-line-height-ur); }
  .attract {
    position: absolute; inset: 0; display: grid; place-items: center; text-align: center;
    grid-template-rows: 1fr auto auto; padding: 6vh 4vw; box-sizing: border-box; cursor: pointer;
  }
  .loop { position: absolute; inset: 0; z-index: 0; overflow: hidden; pointer-events: none; }
  .loop span {
    position: absolute; border-radius: 50%; opacity: 0.22; filter: blur(2px);
    background: var(--pc-accent, #e07a2f); animation: drift 18s ease-in-out infinite alternate;
  }
  .loop span:nth-child(1) { width: 38vmax; height: 38vmax; left: -8vmax; top: -10vmax; }
  .loop span:nth-child(2) { width: 26vmax; height: 26vmax; right: -6vmax; bottom: -8vmax; animation-delay: -6s; background: var(--pc-accent-2, #3d7ea6); }
  .loop span:nth-child(3) { width: 14vmax; height: 14vmax; left: 40%; top: 55%; animation-delay: -11s; }
  @keyframes drift { from { transform: translate(0, 0) scale(1); } to { transform: translate(6vmax, 4vmax) scale(1.15); } }
  .title { position: relative; z-index: 1; }
  h1 { font-size: clamp(3rem, 9vw, 8rem); margin: 0; letter-spacing: 0.02em; }
  .subtitle { font-size: clamp(1.2rem, 2.5vw, 2.2rem); margin: 1rem 0 0; opacity: 0.9; }
  .invite {
    position: relative; z-index: 1; display: flex; align-items: center; gap: 1rem;
    font-size: clamp(1.4rem, 3vw, 2.6rem); padding: 1rem 2rem; border-radius: 999px;
    background: rgb(255 255 255 / 0.1); animation: pulse 2.4s ease-in-out infinite;
  }
  .invite .icon { width: 3rem; height: 3rem; }
  @keyframes pulse { 50% { transform: scale(1.04); } }
  .languages { position: relative; z-index: 1; display: flex; flex-wrap: wrap; gap: 1rem; justify-content: center; margin-top: 3vh; }
  .languages button {
    min-width: 120px; min-height: 72px; font: inherit; font-size: 1.4rem; color: inherit; border-radius: 1rem;
    border: 2px solid rgb(255 255 255 / 0.5); background: rgb(0 0 0 / 0.25); touch-action: manipulation;
  }
  .languages button[aria-current='true'] { border-color: var(--pc-focus, #ffd166); }
  .visit { position: absolute; inset: 0; }
  .warning {
    position: absolute; inset: 0; z-index: 10; display: grid; place-content: center; gap: 1.5rem; text-align: center;
    background: rgb(10 12 16 / 0.88); font-size: clamp(1.6rem, 4vw, 3.2rem);
  }
  .warning .count { font-size: 1.6em; font-variant-numeric: tabular-nums; }
  .calm { position: absolute; inset: 0; display: grid; place-content: center; text-align: center; padding: 10vw; }
  .calm h1 { font-size: clamp(2rem, 5vw, 4rem); }
  .demo { position: relative; z-index: 1; width: min(42vw, 420px); color: var(--pc-fg, #f6f1e7); }
  .demo .tile { fill: rgb(255 255 255 / 0.14); }
  .demo .t2 { animation: light 4s ease-in-out infinite; }
  .demo .finger { animation: touch 4s ease-in-out infinite; transform-origin: 214px 140px; }
  .demo .waves { opacity: 0; animation: speak 4s ease-in-out infinite; }
  @keyframes touch { 0%, 100% { transform: translate(40px, 60px); } 35%, 55% { transform: translate(0, 0); } }
  @keyframes light { 0%, 35%, 100% { fill: rgb(255 255 255 / 0.14); } 45%, 80% { fill: var(--pc-focus, #ffd166); } }
  @keyframes speak { 0%, 40%, 100% { opacity: 0; } 50%, 85% { opacity: 1; } }
  /* A discreet mark for staff (a failed write, a filling disk): visitors see a dot, staff know. */
  .teacher-mark { position: absolute; top: 12px; left: 50%; transform: translateX(-50%); z-index: 30; margin: 0;
    display: flex; align-items: center; gap: 8px; padding: 6px 14px; border-radius: 999px; pointer-events: none;
    background: rgba(20, 24, 32, 0.72); color: #fff; font-size: 1.1rem; }
  .teacher-mark .icon { width: 24px; height: 24px; display: inline-flex; }
  .staff-mark { position: absolute; top: 8px; left: 8px; width: 12px; height: 12px; border-radius: 50%; background: #e0a82f; z-index: 40; pointer-events: none; }
  @media (prefers-reduced-motion: reduce) { .loop span, .invite, .demo * { animation: none; } }
`;
