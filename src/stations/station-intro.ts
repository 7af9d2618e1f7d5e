/**
 * @summary The opening screen of a visit: what this station is about, spoken on arrival,
 * with replay, start-again and quick-exit controls that each carry a pictogram.
 * @event pc-visit-end - the visitor is done (finished) or left quickly (quick-exit)
 */
import { consume } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type StationServices, servicesContext } from '../app/context.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import '../ui/big-button.ts';
import { introKey } from './intro-key.ts';
import { stationIntroStyles } from './station-intro.styles.ts';

/** Touches on "start again" within this window after the first one act; the first one speaks. */
const CONFIRM_WINDOW_MS = 5000;

@customElement('percorso-station-intro')
export class StationIntro extends LitElement {
  static override styles = stationIntroStyles;

  @consume({ context: servicesContext }) @property({ attribute: false }) services?: StationServices;
  @property() language: LanguageCode = 'it';
  @state() private speaking: string | null = null;
  @state() private homeArmedAt = 0;
  private unsubscribe?: () => void;

  private get line(): string {
    const config = this.services?.config;
    return config ? `shell.${introKey(config.installation, config.station.role)}` : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services?.speaker.subscribe((id) => {
      this.speaking = id;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override firstUpdated(_changed: PropertyValues): void {
    void this.services?.speaker.say(this.line, this.language);
  }

  private end(reason: 'finished' | 'quick-exit'): void {
    this.dispatchEvent(
      new CustomEvent('pc-visit-end', { detail: { reason }, bubbles: true, composed: true }),
    );
  }

  private onPress(event: CustomEvent<{ name: string }>): void {
    const speaker = this.services?.speaker;
    switch (event.detail.name) {
      case 'replay':
        void speaker?.say(this.line, this.language);
        break;
      case 'exit':
        speaker?.stop();
        this.end('quick-exit');
        break;
      case 'home':
        if (performance.now() - this.homeArmedAt < CONFIRM_WINDOW_MS) {
          this.end('finished');
        } else {
          this.homeArmedAt = performance.now();
          void speaker?.say('shell.visit.home', this.language);
        }
        break;
    }
  }

  override render() {
    const services = this.services;
    if (!services) return html``;
    const t = services.i18n.getFixedT(this.language);
    const { installation, station } = services.config;
    return html`
      <main class="intro" @pc-press=${this.onPress}>
        <h1>${t(`attract.title.${installation}`)}</h1>
        <p class="caption" ?data-speaking=${this.speaking === this.line}>${t(introKey(installation, station.role))}</p>
        <nav class="controls">
          <pc-big-button name="replay" icon="replay" .label=${t('visit.replay')}
            ?speaking=${this.speaking === this.line}></pc-big-button>
          <pc-big-button name="home" icon="home" .label=${t('visit.home')}
            ?speaking=${this.speaking === 'shell.visit.home'}></pc-big-button>
          <pc-big-button name="exit" icon="exit" class="exit" .label=${t('visit.exit')}></pc-big-button>
        </nav>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-station-intro': StationIntro;
  }
}
