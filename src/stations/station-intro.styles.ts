import { css } from 'lit';

export const stationIntroStyles = css`
  :host { display: block; height: 100%; }
  .intro {
    height: 100%; box-sizing: border-box; padding: 6vh 6vw; display: grid;
    grid-template-rows: auto 1fr auto; gap: 3vh; text-align: start;
  }
  h1 { margin: 0; font-size: clamp(2rem, 5vw, 4rem); }
  .caption { font-size: clamp(1.3rem, 2.6vw, 2.2rem); line-height: var(--pc-caption-line-height); max-width: 48ch; margin: 0; }
  .caption[data-speaking] { text-decoration: underline 3px var(--pc-focus, #ffd166); text-underline-offset: 0.35em; }
  .controls { display: flex; gap: 2rem; justify-content: flex-start; }
  .exit { margin-inline-start: auto; }
`;
