/**
 * @summary The audio info point, for people who cannot read: choose the language by ear, then a
 * topic by picture, then listen (with captions). Every tile speaks on the first touch and acts on
 * the second; language, topics and a quick exit are always in the same places; no text input.
 * Topics are the info point installation's journeys (scenes/infopoint/), played by an embedded
 * journey station.
 * @event pc-visit-end - the visitor left (quick exit)
 */
import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type StationServices, servicesContext } from '../app/context.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import { lineText, loadContentStrings } from '../i18n/content.ts';
import { loadShellStrings } from '../i18n/i18n.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import type { CompiledJourney } from '../journeys/compiled.ts';
import '../ui/big-button.ts';
import type { IconName } from '../ui/icons.ts';
import { infopointStyles } from './infopoint-station.styles.ts';
import { type Armed, isSecondTouch } from './journey-support.ts';
import './journey-station.ts';

/** Navigation stays flat: at most this many topic tiles on a screen. */
export const MAX_TOPIC_TILES = 8;

type Screen = 'language' | 'topics' | 'topic';

@customElement('percorso-infopoint')
export class InfopointStation extends LitElement {
  static override styles = infopointStyles;

  @consume({ context: servicesContext }) @property({ attribute: false }) services?: StationServices;
  @property() language: LanguageCode = 'it';

  @state() private screen: Screen = 'language';
  @state() private topics: CompiledJourney[] = [];
  @state() private topic: string | null = null;
  @state() private armed: Armed | null = null;
  @state() private speaking: string | null = null;
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services?.speaker.subscribe((id) => {
      this.speaking = id;
    });
    void this.loadTopics().catch((error: unknown) => reportError(error));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.services?.speaker.stop();
  }

  protected override firstUpdated(): void {
    // Each language's name and "touch again" start at once when its tile is touched.
    for (const code of this.services?.config.languages.offered ?? []) {
      this.services?.speaker.warm?.(['shell.language.name', 'shell.journey.confirm'], code);
    }
    this.arrive();
  }

  private async loadTopics(): Promise<void> {
    const services = this.services;
    if (!services) return;
    const { default: loaders } = await import('virtual:percorso-journeys');
    const load = loaders[services.config.installation];
    if (!load) throw new Error(`no topics for installation ${services.config.installation}`);
    const installation = (await load()).default;
    const topics = [...installation.journeys].sort((a, b) => a.order - b.order).slice(0, MAX_TOPIC_TILES);
    await this.loadTitles(topics);
    this.topics = topics;
  }

  /** Topic titles in the visit's language (and its fallbacks), for the tiles. */
  private async loadTitles(topics: CompiledJourney[]): Promise<void> {
    const services = this.services;
    if (!services) return;
    const titles = Object.fromEntries(topics.map((t) => [t.title, { it: t.lines[t.title]?.it ?? '' }]));
    await loadContentStrings(services.i18n, services.config.installation, titles, this.language);
  }

  /** Every screen says what it is for as it appears. */
  private arrive(): void {
    const line =
      this.screen === 'language'
        ? 'shell.attract.chooseLanguage'
        : this.screen === 'topics'
          ? 'shell.infopoint.choose'
          : null;
    if (line) void this.services?.speaker.say(line, this.language);
  }

  private go(screen: Screen, topic: string | null = null): void {
    this.services?.speaker.stop();
    this.armed = null;
    this.topic = topic;
    this.screen = screen;
    void this.updateComplete.then(() => this.arrive());
  }

  /** First touch: speak; second touch (same tile, soon after): act. */
  private touch(key: string, speak: () => void, act: () => void): void {
    const now = performance.now();
    if (isSecondTouch(this.armed, key, now)) {
      this.armed = null;
      act();
      return;
    }
    this.armed = { key, at: now };
    speak();
  }

  private chooseLanguage(code: LanguageCode): void {
    const speaker = this.services?.speaker;
    this.touch(
      `lang:${code}`,
      () => {
        // The language's own name, then "touch again", both in that language.
        void speaker?.say('shell.language.name', code).then(() => {
          if (this.armed?.key === `lang:${code}`) void speaker?.say('shell.journey.confirm', code);
        });
      },
      () => {
        this.language = code;
        this.dispatchEvent(
          new CustomEvent('pc-language', { detail: { language: code }, bubbles: true, composed: true }),
        );
        const i18n = this.services?.i18n;
        void Promise.all([
          this.loadTitles(this.topics),
          i18n ? loadShellStrings(i18n, [code]) : undefined,
        ]).then(() => this.go('topics'));
      },
    );
  }

  private chooseTopic(topic: CompiledJourney): void {
    this.touch(
      `topic:${topic.id}`,
      () => void this.services?.speaker.say(topic.title, this.language),
      () => this.go('topic', topic.id),
    );
  }

  private onPress(event: CustomEvent<{ name: string }>): void {
    const [kind, value = ''] = event.detail.name.split(':');
    switch (kind) {
      case 'exit':
        this.services?.speaker.stop();
        this.dispatchEvent(
          new CustomEvent('pc-visit-end', {
            detail: { reason: 'quick-exit' },
            bubbles: true,
            composed: true,
          }),
        );
        return;
      case 'home':
        this.go('topics');
        return;
      case 'language':
        this.go('language');
        return;
      case 'lang':
        this.chooseLanguage(value as LanguageCode);
        return;
      case 'topic': {
        const topic = this.topics.find((t) => t.id === value);
        if (topic) this.chooseTopic(topic);
      }
    }
  }

  private onJourneyEnd(event: Event): void {
    event.stopPropagation();
    this.go('topics');
  }

  private renderLanguages() {
    const offered = this.services?.config.languages.offered ?? [];
    return html`<div class="grid languages" role="group">
      ${offered.map(
        (code) => html`<pc-big-button name=${`lang:${code}`} icon="speak" class="tile" lang=${code}
          dir=${LANGUAGES[code].dir} .label=${LANGUAGES[code].nativeName}
          ?speaking=${this.armed?.key === `lang:${code}` && this.speaking !== null}
          ?data-armed=${this.armed?.key === `lang:${code}`}></pc-big-button>`,
      )}
    </div>`;
  }

  private renderTopics() {
    const services = this.services;
    if (!services) return nothing;
    const title = (topic: CompiledJourney) =>
      lineText(services.i18n, services.config.installation, this.language, topic.title);
    return html`<div class="grid topics" role="group">
      ${this.topics.map(
        (
          topic,
        ) => html`<pc-big-button name=${`topic:${topic.id}`} icon=${(topic.icon ?? 'question') as IconName}
          class="tile" .label=${title(topic)} ?speaking=${this.speaking === topic.title}
          ?data-armed=${this.armed?.key === `topic:${topic.id}`}></pc-big-button>`,
      )}
    </div>`;
  }

  override render() {
    const services = this.services;
    if (!services) return nothing;
    const t = services.i18n.getFixedT(this.language) as unknown as (key: string) => string;
    return html`
      <main class="infopoint" data-view=${this.screen} @pc-press=${this.onPress} @pc-journey-end=${this.onJourneyEnd}>
        <nav class="fixed">
          ${
            this.screen !== 'language'
              ? html`<pc-big-button name="language" icon="speak" .label=${t('infopoint.language')}></pc-big-button>`
              : nothing
          }
          ${
            this.screen === 'topic'
              ? html`<pc-big-button name="home" icon="home" .label=${t('infopoint.home')}></pc-big-button>`
              : nothing
          }
        </nav>
        ${this.screen === 'topic' ? nothing : html`<pc-big-button name="exit" icon="exit" class="exit" .label=${t('visit.exit')}></pc-big-button>`}
        ${this.screen === 'language' ? this.renderLanguages() : nothing}
        ${this.screen === 'topics' ? this.renderTopics() : nothing}
        ${
          this.screen === 'topic' && this.topic
            ? html`<percorso-journey embedded .journeyId=${this.topic} .language=${this.language}></percorso-journey>`
            : nothing
        }
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-infopoint': InfopointStation;
  }
}
