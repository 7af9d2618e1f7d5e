import { css } from 'lit';

export const journeyStationStyles = css`
  :host { display: block; position: relative; height: 100%; overflow: hidden; }
  .stage { position: absolute; inset: 0; width: 100%; height: 100%; display: block;
    background: linear-gradient(160deg, #1d2233, #0e1016); }
  .journey { position: relative; height: 100%; display: grid; grid-template-rows: auto 1fr auto; }
  .exit { position: absolute; inset-block-start: 2vh; inset-inline-end: 2vw; z-index: 2; }
  .panel {
    grid-row: 3; margin: 0 3vw 3vh; padding: 2.5vh 3vw; border-radius: 1.5rem;
    background: rgb(10 12 18 / 0.78); backdrop-filter: blur(6px);
    display: grid; gap: 2vh;
  }
  .caption { margin: 0; font-size: clamp(1.3rem, 2.4vw, 2.1rem); line-height: var(--pc-caption-line-height); max-width: 60ch; min-height: 3em; }
  .caption[data-speaking] { text-decoration: underline 3px var(--pc-focus, #ffd166); text-underline-offset: 0.35em; }
  .muted { opacity: 0.7; }
  .choices { display: flex; flex-wrap: wrap; gap: 1.5rem; }
  .choice { --pc-button-bg: rgb(255 255 255 / 0.12); }
  .choice[data-armed] { filter: drop-shadow(0 0 12px var(--pc-focus, #ffd166)); }
  .hint { margin: 0; font-size: 1.1rem; opacity: 0.85; }
  .handoff { margin: 0; font-size: clamp(1.2rem, 2vw, 1.8rem); display: flex; gap: 1rem; align-items: center; }
  .arrow { width: 3rem; height: 3rem; flex: none; }
  :host(:dir(rtl)) .arrow { transform: scaleX(-1); }
  .controls { display: flex; gap: 1.5rem; }
  .helpline {
    position: absolute; inset-block-start: 2vh; inset-inline-start: 2vw; z-index: 2; max-width: 40ch;
    padding: 1.2rem 1.6rem; border-radius: 1.25rem; background: #ffd166; color: #14161c;
    display: grid; gap: 0.4rem;
  }
  /* Inside the info point, whose fixed controls take the top corners. */
  :host([embedded]) .helpline { inset-inline: 0; margin-inline: auto; width: fit-content; }
  :host([embedded]) .exit { display: none; }
  .helpline strong { font-size: clamp(2rem, 4vw, 3.4rem); letter-spacing: 0.05em; unicode-bidi: isolate; }
`;
