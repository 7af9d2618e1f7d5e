import { css } from 'lit';

export const infopointStyles = css`
  :host { display: block; position: relative; height: 100%; }
  .infopoint { position: relative; height: 100%; box-sizing: border-box; padding: 14vh 4vw 4vh; }
  .infopoint[data-view='topic'] { padding: 0; }
  /* Fixed places: language and topics at the start of the top edge, quick exit at its end. */
  .fixed { position: absolute; inset-block-start: 2vh; inset-inline-start: 2vw; display: flex; gap: 1rem; z-index: 3; }
  .exit { position: absolute; inset-block-start: 2vh; inset-inline-end: 2vw; z-index: 3; }
  .grid { display: grid; gap: 1.5rem; height: 100%; align-content: center; }
  .languages { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  .topics { grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); max-width: 1100px; margin: 0 auto; }
  .tile { --pc-button-bg: rgb(255 255 255 / 0.1); }
  .tile::part(button) { width: 100%; min-height: 132px; font-size: 1.35rem; }
  .topics .tile::part(button) { min-height: 180px; }
  .tile[data-armed] { filter: drop-shadow(0 0 12px var(--pc-focus, #ffd166)); }
  .tile[lang='ur'] { font-family: var(--pc-font-ur); line-height: var(--pc-line-height-ur); }
`;
