import { css } from 'lit';

export const reflectionStyles = css`
  :host { display: block; position: relative; height: 100%; overflow: hidden; }
  .reflection {
    height: 100%; box-sizing: border-box; padding: 2vh 2vw; display: grid; gap: 1.6vh;
    grid-template-rows: auto minmax(0, 1fr) auto;
  }
  .top { display: flex; align-items: flex-start; gap: 1.5rem; }
  .caption {
    margin: 0; flex: 1; font-size: clamp(1.1rem, 1.9vw, 1.7rem); line-height: var(--pc-caption-line-height);
    max-width: 62ch;
  }
  .caption[data-speaking] { text-decoration: underline 3px var(--pc-focus, #ffd166); text-underline-offset: 0.35em; }
  .corner { display: flex; gap: 1rem; margin-inline-start: auto; }

  /* Writing and feelings side by side; the keyboard below. */
  .compose { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 1.5vw; min-height: 0; }
  .field { position: relative; display: grid; }
  textarea {
    box-sizing: border-box; width: 100%; height: 100%; min-height: 9rem; resize: none; padding: 1rem 1.2rem 2.2rem;
    font: inherit; font-size: clamp(1.2rem, 2vw, 1.8rem); line-height: var(--pc-line-height);
    color: #14161c; background: #f6f1e7; border: 3px solid transparent; border-radius: 1.25rem;
    unicode-bidi: plaintext;
  }
  textarea:focus-visible { outline: none; border-color: var(--pc-focus, #ffd166); }
  textarea::placeholder { color: #5b5e66; }
  .counter {
    position: absolute; inset-block-end: 0.6rem; inset-inline-end: 1rem; font-size: 1.1rem; color: #3b3e46;
    font-variant-numeric: tabular-nums; pointer-events: none;
  }
  .counter[data-full] { color: #a3320b; font-weight: 700; }
  .feelings { display: grid; grid-template-columns: repeat(4, 124px); gap: 0.6rem; align-content: start; }
  .feeling {
    display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 0.25rem;
    min-height: 104px; padding: 0.5rem 0.25rem; border-radius: 1.1rem; border: 3px solid rgb(255 255 255 / 0.45);
    background: rgb(255 255 255 / 0.08); color: inherit; font: inherit; font-size: 0.9rem; line-height: 1.2;
    cursor: pointer; touch-action: manipulation; overflow-wrap: break-word; hyphens: auto;
  }
  .feeling .icon { width: 44px; height: 44px; flex: none; }
  .feeling[aria-pressed='true'] { background: var(--pc-focus, #ffd166); color: #14161c; border-color: var(--pc-focus, #ffd166); }
  .feeling[data-armed] { box-shadow: 0 0 0 5px var(--pc-focus, #ffd166); }
  .feeling:focus-visible { outline: 4px solid var(--pc-focus, #ffd166); outline-offset: 3px; }

  .keys { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 1.5vw; min-height: 0; align-items: end; }
  .side { display: grid; gap: 1rem; width: 13rem; }
  .side pc-big-button { display: block; }
  .side pc-big-button::part(button) { width: 100%; }
  .send { --pc-button-bg: rgb(255 209 102 / 0.2); }
  .send[data-armed], .layout[data-armed] { filter: drop-shadow(0 0 12px var(--pc-focus, #ffd166)); }

  /* simple-keyboard, drawn in the station's style: large keys, one row per line. */
  .keyboard { user-select: none; -webkit-user-select: none; touch-action: manipulation; }
  .keyboard .hg-rows { display: grid; gap: 0.45rem; }
  .keyboard .hg-row { display: flex; gap: 0.45rem; }
  .keyboard .hg-button {
    flex: 1 1 0; min-width: 0; min-height: 54px; display: flex; align-items: center; justify-content: center;
    border-radius: 0.7rem; background: rgb(255 255 255 / 0.12); color: inherit; border: 0;
    font: inherit; font-size: clamp(1.1rem, 1.8vw, 1.6rem); cursor: pointer; padding: 0;
  }
  .keyboard .hg-button span { pointer-events: none; }
  .keyboard .hg-functionBtn { background: rgb(255 255 255 / 0.22); }
  .keyboard .hg-button-space { flex-grow: 5; }
  .keyboard .hg-button-bksp, .keyboard .hg-button-shift { flex-grow: 1.6; }
  .keyboard .hg-activeButton { background: var(--pc-focus, #ffd166); color: #14161c; }
  .keyboard[data-shift] .hg-button-shift { background: var(--pc-focus, #ffd166); color: #14161c; }
  .keyboard[lang='ur'] .hg-button { font-family: var(--pc-font-ur); }

  /* After sending: thanks, and (when the text read like a disclosure) the helpline. */
  .after {
    height: 100%; box-sizing: border-box; padding: 8vh 8vw 4vh; display: grid; align-content: center; gap: 3vh;
    text-align: center; justify-items: center;
  }
  .after .caption { flex: none; font-size: clamp(1.5rem, 3vw, 2.6rem); max-width: 40ch; }
  .after .mark { width: 96px; height: 96px; color: var(--pc-focus, #ffd166); }
  .helpline {
    max-width: 48ch; margin: 0; padding: 1.4rem 2rem; border-radius: 1.5rem; background: #f6f1e7; color: #14161c;
    font-size: clamp(1.2rem, 2.2vw, 1.9rem); line-height: var(--pc-caption-line-height);
  }
  .helpline[data-speaking] { box-shadow: 0 0 0 6px var(--pc-focus, #ffd166); }
  .number { display: inline-block; font-size: 1.5em; font-weight: 700; letter-spacing: 0.06em; unicode-bidi: isolate; white-space: nowrap; }
  .controls { display: flex; gap: 1.5rem; justify-content: center; }
  .exit-corner { position: absolute; inset-block-start: 2vh; inset-inline-end: 2vw; }

  @media (prefers-reduced-motion: no-preference) {
    .after > * { animation: rise 700ms ease-out both; }
    .after > :nth-child(2) { animation-delay: 150ms; }
    .after > :nth-child(3) { animation-delay: 300ms; }
    @keyframes rise { from { opacity: 0; transform: translateY(12px); } }
  }
`;
