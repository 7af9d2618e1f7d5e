import { css } from 'lit';

export const wallStyles = css`
  :host { display: block; position: relative; height: 100%; overflow: hidden; }
  .wall {
    height: 100%; box-sizing: border-box; padding: 4vh 4vw; display: grid; grid-template-rows: auto 1fr; gap: 3vh;
    background: radial-gradient(ellipse at 20% 0%, rgb(61 126 166 / 0.25), transparent 60%),
      radial-gradient(ellipse at 90% 100%, rgb(224 122 47 / 0.2), transparent 55%);
  }
  h1 { margin: 0; font-size: clamp(1.6rem, 3.2vw, 3rem); font-weight: 600; letter-spacing: 0.01em; }
  h1[data-speaking] { text-decoration: underline 3px var(--pc-focus, #ffd166); text-underline-offset: 0.3em; }
  .empty { margin: 0; align-self: center; justify-self: center; max-width: 36ch; text-align: center; opacity: 0.8;
    font-size: clamp(1.4rem, 2.6vw, 2.4rem); line-height: var(--pc-caption-line-height); }
  .cards {
    list-style: none; margin: 0; padding: 0; min-height: 0; display: grid; gap: 2.5vh 2.5vw;
    grid-template-columns: repeat(3, minmax(0, 1fr)); grid-auto-rows: minmax(0, 1fr);
  }
  .card {
    min-height: 0; overflow: hidden; box-sizing: border-box; padding: 2.4vh 1.8vw; border-radius: 1.6rem;
    background: rgb(246 241 231 / 0.1); border: 1px solid rgb(246 241 231 / 0.18);
    display: flex; flex-direction: column; justify-content: center; gap: 1.5vh;
  }
  .card[hidden] { display: none; }
  .text {
    margin: 0; white-space: pre-line; overflow-wrap: anywhere; unicode-bidi: plaintext;
    font-size: clamp(1.2rem, 2.1vw, 2.2rem); line-height: var(--pc-caption-line-height);
  }
  .card[data-length='long'] .text { font-size: clamp(1rem, 1.5vw, 1.6rem); }
  .card[data-length='short'] .text { font-size: clamp(1.5rem, 2.8vw, 3rem); }
  .text[lang='ur'] { font-family: var(--pc-font-ur); line-height: var(--pc-line-height-ur); }
  .feelings { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem 1.6rem; }
  .feelings li { display: flex; align-items: center; gap: 0.6rem; font-size: clamp(1.1rem, 1.8vw, 1.8rem); }
  .feelings .icon { width: clamp(2.5rem, 4vw, 4rem); height: clamp(2.5rem, 4vw, 4rem); color: var(--pc-focus, #ffd166); }

  /* Cards drift in and then float very slowly; nothing moves for visitors who ask for less motion. */
  @media (prefers-reduced-motion: no-preference) {
    .card:not([hidden]) { animation: arrive 1.4s ease-out both, float 14s ease-in-out 1.4s infinite; }
    .card:nth-child(2n) { animation-delay: 0.25s, 2s; }
    .card:nth-child(3n) { animation-delay: 0.5s, 3.5s; }
    .card[data-new] { animation: arrive-new 2.2s ease-out both, float 14s ease-in-out 2.2s infinite; }
  }
  @keyframes arrive { from { opacity: 0; transform: translateY(3vh) scale(0.98); } }
  @keyframes arrive-new {
    from { opacity: 0; transform: translateY(4vh) scale(0.96); box-shadow: 0 0 0 0 rgb(255 209 102 / 0); }
    40% { box-shadow: 0 0 0 6px rgb(255 209 102 / 0.5); }
  }
  @keyframes float { 50% { transform: translateY(-0.8vh); } }
`;
