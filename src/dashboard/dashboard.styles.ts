import { css } from 'lit';

// The dashboard's shared look. Staff use it at a desk or on a tablet at an event: calm colours
// with AA contrast, targets at least 44 px, a visible focus ring, states said in words (colour
// only repeats them). Every view adds these to its own shadow root.
export const dashboardStyles = css`
  :host {
    --pd-bg: #f5f4f0;
    --pd-surface: #ffffff;
    --pd-text: #1c1d21;
    --pd-muted: #4f525a;
    --pd-line: #d7d3c9;
    --pd-field: #6b6e75;
    --pd-primary: #1d4e89;
    --pd-primary-dark: #153a66;
    --pd-danger: #a11d1d;
    --pd-warn-bg: #fff3d6;
    --pd-warn: #6f4400;
    --pd-ok: #1f6b3a;
    --pd-focus: #1d4e89;
    --pd-radius: 0.5rem;
    display: block;
    color: var(--pd-text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
    line-height: 1.45;
  }
  [hidden] { display: none !important; }
  h2, h3, h4 { line-height: 1.25; margin: 0 0 0.5rem; }
  h3 { font-size: 1.15rem; }
  p { margin: 0 0 0.75rem; }
  .intro { color: var(--pd-muted); max-width: 60rem; }
  .vh {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }

  button, .button, input, select, textarea { font: inherit; }
  button, .button {
    display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
    min-height: 44px; min-width: 44px; padding: 0 1rem; border-radius: var(--pd-radius);
    border: 2px solid var(--pd-primary); background: var(--pd-surface); color: var(--pd-primary);
    font-weight: 600; cursor: pointer; text-decoration: none; touch-action: manipulation;
  }
  button:hover, .button:hover { background: #e9eff7; }
  button.primary, .button.primary { background: var(--pd-primary); color: #fff; }
  button.primary:hover, .button.primary:hover { background: var(--pd-primary-dark); border-color: var(--pd-primary-dark); }
  button.danger { border-color: var(--pd-danger); color: var(--pd-danger); }
  button.danger:hover { background: #fbeaea; }
  button.danger.primary { background: var(--pd-danger); color: #fff; }
  button.link { border: none; background: none; padding: 0 0.25rem; text-decoration: underline; min-width: 0; }
  button:disabled, button[aria-disabled='true'] { opacity: 0.55; cursor: not-allowed; }
  :focus-visible { outline: 3px solid var(--pd-focus); outline-offset: 2px; }

  label { font-weight: 600; }
  input, select, textarea {
    min-height: 44px; box-sizing: border-box; padding: 0.4rem 0.6rem; border: 2px solid var(--pd-field);
    border-radius: var(--pd-radius); background: var(--pd-surface); color: var(--pd-text); max-width: 100%;
  }
  textarea { min-height: 5rem; resize: vertical; }
  input[type='file'] { padding: 0.5rem; }
  [aria-invalid='true'] { border-color: var(--pd-danger); }
  .field { display: grid; gap: 0.25rem; align-content: start; }
  .hint { color: var(--pd-muted); font-size: 0.92rem; margin: 0; }
  .field-error { color: var(--pd-danger); font-weight: 600; font-size: 0.95rem; margin: 0; }
  .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }

  .card {
    background: var(--pd-surface); border: 1px solid var(--pd-line); border-radius: 0.75rem;
    padding: 1rem 1.25rem; margin: 0 0 1.25rem;
  }
  .alert {
    border-left: 6px solid var(--pd-danger); background: #fbeaea; color: #6b1212; padding: 0.75rem 1rem;
    border-radius: var(--pd-radius); margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.75rem;
    align-items: center; justify-content: space-between;
  }
  .notice {
    border-left: 6px solid var(--pd-primary); background: #e9eff7; padding: 0.75rem 1rem;
    border-radius: var(--pd-radius); margin: 0 0 1rem;
  }
  .warn {
    display: inline-block; background: var(--pd-warn-bg); color: var(--pd-warn); border: 1px solid #d9a441;
    border-radius: 0.35rem; padding: 0 0.4rem; font-weight: 600; font-size: 0.92rem;
  }
  .tag {
    display: inline-block; border: 1px solid var(--pd-line); border-radius: 0.35rem; padding: 0 0.4rem;
    font-size: 0.88rem; color: var(--pd-muted); background: var(--pd-bg);
  }
  .busy { color: var(--pd-muted); display: flex; align-items: center; gap: 0.6rem; margin: 0 0 0.75rem; }
  .busy::before {
    content: ''; width: 1rem; height: 1rem; border-radius: 50%; border: 3px solid var(--pd-line);
    border-top-color: var(--pd-primary); animation: spin 0.9s linear infinite;
  }
  @keyframes spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { .busy::before { animation: none; } }

  /* Positioned, so visually hidden text inside a wide table scrolls with it, not the page. */
  .scroll { overflow-x: auto; margin: 0 0 1rem; position: relative; }
  .sub { display: block; color: var(--pd-muted); font-size: 0.9rem; font-weight: 400; }
  table { border-collapse: collapse; width: 100%; background: var(--pd-surface); }
  caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
  th, td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--pd-line); vertical-align: top; }
  thead th { font-size: 0.92rem; color: var(--pd-muted); border-bottom: 2px solid var(--pd-text); }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tfoot th, tfoot td { border-top: 2px solid var(--pd-text); border-bottom: none; font-weight: 700; }

  dialog {
    border: none; border-radius: 0.75rem; padding: 0; max-width: min(44rem, calc(100vw - 2rem));
    width: 100%; box-shadow: 0 12px 40px rgb(0 0 0 / 0.3); color: var(--pd-text);
  }
  dialog::backdrop { background: rgb(20 22 28 / 0.55); }
  dialog .dialog-body { padding: 1.25rem 1.5rem; max-height: calc(100vh - 4rem); overflow: auto; box-sizing: border-box; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
  .actions .end { margin-left: auto; }
`;
