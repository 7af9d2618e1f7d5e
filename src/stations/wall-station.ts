/**
 * @summary The wall, for a projector: reflections staff approved, newest first, as large calm
 * cards that drift in, a page of six at a time. Approvals made on this device (the staff panel)
 * arrive live over the records BroadcastChannel; those approved in the register's dashboard, from
 * every kiosk, arrive with the minute's refresh when the station syncs to a register; a reflection hidden or made private leaves at
 * once. A possible disclosure never shows, whatever its status says. Visitor text is only ever
 * bound as text. There are no controls: nobody is expected to touch a projection.
 */
import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { type StationServices, servicesContext } from '../app/context.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import { openRecordsChannel, type RecordsMessage } from '../records/broadcast.ts';
import { feelingIcons } from './feeling-icons.ts';
import {
  mergeWallFeed,
  moderateWall,
  WALL_MAX,
  type WallItem,
  wallItems,
  wallPage,
} from './reflection-support.ts';
import { wallStyles } from './wall-station.styles.ts';

/** Cards on screen at once, and how long each page stays. */
export const WALL_PAGE_SIZE = 6;
const PAGE_MS = 15_000;
/** Reads the approved reflections again now and then: recovers from a missed message or a failed open. */
const REFRESH_MS = 60_000;

@customElement('percorso-wall')
export class WallStation extends LitElement {
  static override styles = wallStyles;

  @consume({ context: servicesContext }) @property({ attribute: false }) services?: StationServices;
  @property() language: LanguageCode = 'it';

  @state() private items: WallItem[] = [];
  @state() private tick = 0;
  @state() private speaking: string | null = null;
  @state() private fresh: string | null = null;

  private channel?: ReturnType<typeof openRecordsChannel>;
  private pageTimer?: ReturnType<typeof setInterval>;
  private refreshTimer?: ReturnType<typeof setInterval>;
  private unsubscribe?: () => void;
  private loads = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services?.speaker.subscribe((id) => {
      this.speaking = id;
    });
    this.channel = openRecordsChannel((message) => void this.onMessage(message));
    this.pageTimer = setInterval(() => {
      if (this.items.length > WALL_PAGE_SIZE) this.tick++;
    }, PAGE_MS);
    this.refreshTimer = setInterval(() => void this.load(), REFRESH_MS);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.channel?.close();
    clearInterval(this.pageTimer);
    clearInterval(this.refreshTimer);
  }

  protected override firstUpdated(): void {
    void this.services?.speaker.say('shell.wall.title', this.language);
  }

  private async load(): Promise<void> {
    const services = this.services;
    if (!services) return;
    const serial = ++this.loads;
    try {
      const [approved, remote] = await Promise.all([
        services.records().then((records) => records.reflections('approved')),
        this.registerFeed(),
      ]);
      if (serial === this.loads)
        this.items = remote.length ? mergeWallFeed(approved, remote) : wallItems(approved, WALL_MAX);
    } catch {
      // Storage unavailable: the wall stays calm (staff are alerted by the records service) and
      // tries again at the next refresh.
    }
  }

  /**
   * Approved reflections from every kiosk, when this station syncs to a register (same origin).
   * Offline or refused, the wall shows this device's own and tries again at the next refresh.
   */
  private async registerFeed(): Promise<unknown[]> {
    const register = this.services?.config.register;
    if (!register) return [];
    try {
      const base = new URL(register.url.endsWith('/') ? register.url : `${register.url}/`, location.origin);
      const response = await fetch(new URL('api/v1/walls/reflections', base), {
        cache: 'no-store',
        signal: AbortSignal.timeout(8_000),
      });
      if (!response.ok) return [];
      const body = (await response.json()) as { reflections?: unknown };
      return Array.isArray(body.reflections) ? body.reflections : [];
    } catch {
      return [];
    }
  }

  private async onMessage(message: RecordsMessage): Promise<void> {
    if (message.type !== 'reflection-moderated' || !this.services) return;
    let record: unknown = null;
    if (message.status === 'approved') {
      try {
        const records = await this.services.records();
        record = (await records.reflections('approved')).find((r) => r.id === message.id) ?? null;
      } catch {
        return; // the next refresh brings it
      }
    }
    this.loads++; // a load that started before this message must not undo it
    this.items = moderateWall(this.items, message, record, WALL_MAX);
    if (record && this.items[0]?.id === message.id) {
      this.fresh = message.id;
      this.tick = 0; // a new approval is seen at once
    }
  }

  private renderCard(item: WallItem, index: number, page: number) {
    const t = this.services?.i18n.getFixedT(this.language) as unknown as (key: string) => string;
    const length = item.text.length > 160 ? 'long' : item.text.length < 60 ? 'short' : 'medium';
    return html`<li class="card" data-id=${item.id} data-length=${length}
      ?hidden=${Math.floor(index / WALL_PAGE_SIZE) !== page} ?data-new=${item.id === this.fresh}>
      ${item.text ? html`<p class="text" lang=${item.language} dir="auto">${item.text}</p>` : nothing}
      ${
        item.pictograms.length
          ? html`<ul class="feelings">
              ${item.pictograms.map(
                (feeling) => html`<li data-feeling=${feeling}>
                  <span class="icon" aria-hidden="true">${feelingIcons[feeling]}</span><span>${t(`reflection.feeling.${feeling}`)}</span>
                </li>`,
              )}
            </ul>`
          : nothing
      }
    </li>`;
  }

  override render() {
    const services = this.services;
    if (!services) return nothing;
    const t = services.i18n.getFixedT(this.language) as unknown as (key: string) => string;
    const page = wallPage(this.items.length, WALL_PAGE_SIZE, this.tick);
    return html`
      <main class="wall" data-view="wall" data-count=${this.items.length}>
        <h1 ?data-speaking=${this.speaking === 'shell.wall.title'}>${t('wall.title')}</h1>
        ${
          this.items.length === 0
            ? html`<p class="empty">${t('wall.empty')}</p>`
            : html`<ul class="cards" aria-live="polite">
                ${
                  // One place per position, its card made anew when another reflection moves in:
                  // not repeat(), whose removals leave a marker comment behind in lit-html 3.3.x
                  // (lit/lit#5298), one more node for every approval on a wall that runs all day.
                  this.items.map((item, index) => keyed(item.id, this.renderCard(item, index, page)))
                }
              </ul>`
        }
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-wall': WallStation;
  }
}
