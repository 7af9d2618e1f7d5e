/**
 * @summary A large touch control: pictogram first, short label second.
 * @event pc-press - fired on activation (pointer or keyboard); detail: { name }
 * @csspart button - the native button
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type IconName, icons } from './icons.ts';

export type PressEvent = CustomEvent<{ name: string }>;

@customElement('pc-big-button')
export class BigButton extends LitElement {
  static override styles = css`
    :host { display: inline-block; }
    button {
      display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 0.35rem;
      min-width: 96px; min-height: 96px; padding: 0.75rem 1rem; border-radius: 1.25rem;
      border: 3px solid currentColor; background: var(--pc-button-bg, rgb(255 255 255 / 0.08));
      color: inherit; font: inherit; font-size: 1.1rem; cursor: pointer; touch-action: manipulation;
    }
    button:focus-visible { outline: 4px solid var(--pc-focus, #ffd166); outline-offset: 4px; }
    button[data-speaking] { box-shadow: 0 0 0 6px var(--pc-focus, #ffd166); }
    .icon { width: 48px; height: 48px; }
  `;

  @property() icon: IconName = 'speaker';
  @property({ reflect: true }) label = '';
  @property() name = '';
  @property({ type: Boolean }) speaking = false;

  private press(): void {
    this.dispatchEvent(
      new CustomEvent('pc-press', { detail: { name: this.name }, bubbles: true, composed: true }),
    );
  }

  override render() {
    return html`<button part="button" type="button" aria-label=${this.label} ?data-speaking=${this.speaking}
      @click=${this.press}><span class="icon">${icons[this.icon]}</span><span>${this.label}</span></button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pc-big-button': BigButton;
  }
  interface HTMLElementEventMap {
    'pc-press': PressEvent;
  }
}
