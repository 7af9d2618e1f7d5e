import { css } from 'lit';

// Staff work standing, often in a hurry, on the same touch screen visitors use: big targets,
// plain contrast, no animation, every state said in words.
export const staffStyles = css`
  :host { position: absolute; inset: 0; z-index: 50; display: block; font-family: var(--pc-font); line-height: 1.35; }
  .panel { position: absolute; inset: 0; overflow: auto; background: #f4f1ea; color: #1b1c1f; }
  button, input, select { font: inherit; font-size: 1.1rem; min-height: 48px; border-radius: 0.5rem; }
  button { border: 2px solid #1b1c1f; background: #fff; color: inherit; padding: 0 1rem; touch-action: manipulation; }
  button:disabled { opacity: 0.4; }
  button:focus-visible, input:focus-visible, select:focus-visible, .pin-display:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
  input, select { border: 2px solid #6b6b6b; padding: 0 0.6rem; background: #fff; color: inherit; }
  .pin { display: grid; justify-items: center; gap: 1rem; padding: 6vh 1rem; }
  .pin-display { font-size: 2rem; min-height: 3rem; letter-spacing: 0.3em; padding: 0.4rem 1rem; }
  .pad { display: grid; grid-template-columns: repeat(3, 96px); gap: 0.8rem; }
  .pad button { min-height: 80px; font-size: 2rem; }
  .pad .ok { background: #1b1c1f; color: #fff; }
  .error { color: #9b1c1c; font-weight: 600; }
  .open header { display: flex; justify-content: space-between; align-items: center; padding: 0.8rem 1.2rem; background: #1b1c1f; color: #fff; }
  .open header h2 { margin: 0; font-size: 1.3rem; }
  .open header .close { background: transparent; color: #fff; border-color: #fff; }
  nav { display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0.6rem 1rem; border-bottom: 2px solid #d8d2c4; }
  nav button[aria-current='page'] { background: #1b1c1f; color: #fff; }
  .badge { display: inline-block; min-width: 1.4em; padding: 0 0.3em; border-radius: 1em; background: #b35c00; color: #fff; font-size: 0.85em; }
  .badge.warn { background: #9b1c1c; }
  .body { padding: 1rem 1.2rem 4rem; }
  .status { margin: 0.6rem 1.2rem 0; padding: 0.6rem 1rem; border-radius: 0.5rem; background: #fff; border-left: 6px solid #6b6b6b; }
  .status.saved { border-color: #1f7a3a; }
  .status.failed { border-color: #9b1c1c; }
  .big-count { font-size: 3rem; margin: 0.2rem 0 0.6rem; font-variant-numeric: tabular-nums; }
  .tally { display: flex; gap: 1rem; margin-bottom: 1.2rem; }
  .tally button { min-width: 120px; min-height: 96px; font-size: 2rem; }
  .tally .plus { min-width: 200px; background: #1f7a3a; color: #fff; border-color: #1f7a3a; }
  form { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; }
  label { display: grid; gap: 0.2rem; font-size: 0.95rem; }
  ul { padding-left: 1.2rem; }
  .events, .queue { list-style: none; padding: 0; display: grid; gap: 0.6rem; }
  .events button[aria-pressed='true'] { background: #1b1c1f; color: #fff; }
  .recent li { margin: 0.3rem 0; }
  .link { border: none; text-decoration: underline; background: none; min-height: 40px; }
  .reflection { background: #fff; border-radius: 0.5rem; padding: 0.8rem 1rem; border-left: 6px solid #6b6b6b; }
  .reflection.flagged { border-color: #b35c00; }
  .reflection .text { font-size: 1.3rem; margin: 0 0 0.4rem; white-space: pre-wrap; overflow-wrap: anywhere; }
  .reflection .meta { font-size: 0.9rem; color: #4a4a4a; margin: 0; }
  .flag { color: #9b1c1c; font-weight: 600; }
  .actions { display: flex; gap: 0.6rem; margin-top: 0.6rem; }
  .guidance { background: #fff6e5; padding: 0.8rem 1rem; border-radius: 0.5rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.2rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { border-collapse: collapse; margin: 1rem 0; }
  th, td { border-bottom: 1px solid #d8d2c4; padding: 0.4rem 0.8rem; text-align: left; }
  .alert { background: #fde8e8; color: #7a1515; padding: 0.6rem 1rem; border-radius: 0.5rem; font-weight: 600; }
  .export .row { display: flex; gap: 0.6rem; align-items: center; margin: 0.6rem 0; }
  .export .row span { min-width: 7rem; }
  .progress { display: flex; gap: 1rem; align-items: center; margin-top: 1rem; }
  progress { width: 18rem; height: 1.2rem; }
  .errors li { font-family: monospace; font-size: 0.9rem; overflow-wrap: anywhere; }
`;
