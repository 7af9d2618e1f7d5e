/**
 * @summary The events section: the events that start in the period, with where they were, the
 * audience and the people reached (written by staff, or counted from the kiosks), and the editor
 * to add, change or delete one.
 */
import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RegisterApi } from './api.ts';
import { announce, apiContext, type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import type { EventDeletedEvent, EventEditor, EventSavedEvent } from './event-editor.ts';
import { Loader } from './loader.ts';
import { loadLines, scrollable } from './parts.ts';
import { describePeriod } from './period-words.ts';
import { today, yearPeriod } from './route.ts';
import type { Period, RegisterEvent } from './wire.ts';
import './event-editor.ts';

@customElement('pd-events')
export class EventsView extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      .top { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; justify-content: space-between; margin-bottom: 1rem; }
      .top p { margin: 0; }
      tr[data-fresh] td, tr[data-fresh] th { background: #eef6ee; }
    `,
  ];

  @consume({ context: apiContext }) private api!: RegisterApi;
  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;
  @property({ attribute: false }) period: Period = {};
  /** The event last saved, marked in the list so staff see where it went. */
  @state() private fresh: string | null = null;
  /** A saved event that starts outside the period shown. */
  @state() private outside: RegisterEvent | null = null;
  @query('pd-event-editor') private editor!: EventEditor;

  private readonly events = new Loader(this, () => this.api.events(this.period));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('period')) void this.events.run();
  }

  /** A new event starts today, or on the nearest day of the period shown. */
  private add(): void {
    const { from, to } = this.period;
    const now = today(new Date());
    const day = to && to < now ? to : from && from > now ? from : now;
    void this.editor.open(null, day);
  }

  private saved(event: EventSavedEvent): void {
    const saved = event.detail.event;
    this.fresh = saved.id;
    const { from, to } = this.period;
    this.outside = (from && saved.startDate < from) || (to && saved.startDate > to) ? saved : null;
    announce(this, this.locale.t.events.saved(event.detail.event.title));
    void this.events.run();
  }

  private deleted(event: EventDeletedEvent): void {
    this.fresh = null;
    this.outside = null;
    announce(this, this.locale.t.events.deleted(event.detail.event.title));
    void this.events.run();
  }

  /** Shows the year the saved event starts in (the root follows the period change). */
  private showYearOf(event: RegisterEvent): void {
    const year = Number(event.startDate.slice(0, 4));
    this.outside = null;
    this.dispatchEvent(
      new CustomEvent('pd-period-change', {
        detail: { period: yearPeriod(year) },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private renderRow(event: RegisterEvent) {
    const { t, fmt, words } = this.locale;
    const place = [event.venue, event.municipality].filter(Boolean).join(', ');
    return html`<tr ?data-fresh=${event.id === this.fresh}>
      <td>${fmt.days(event.startDate, event.endDate)}</td>
      <th scope="row">${event.title}<span class="sub">${t.events.source[event.source]}</span></th>
      <td>${words.type(event.type)}</td>
      <td>${words.audience(event.audience)}</td>
      <td>${place}${place ? html`<span class="sub">${words.province(event.province)}</span>` : words.province(event.province)}</td>
      <td class="num">${fmt.number(event.counted)}${
        event.countedFrom === 'kiosks' ? html`<span class="sub">${t.events.fromKiosks}</span>` : nothing
      }</td>
      <td><button type="button" @click=${() => this.editor.open(event, event.startDate)}>
        ${t.events.edit}<span class="vh"> ${event.title}</span></button></td>
    </tr>`;
  }

  private renderList(events: RegisterEvent[]) {
    const { t, fmt } = this.locale;
    if (events.length === 0) return html`<p class="notice">${t.events.empty}</p>`;
    const caption = t.events.caption(describePeriod(this.period, this.locale));
    return html`${scrollable(
      caption,
      html`<table>
        <caption>${caption}</caption>
        <thead><tr>
          <th scope="col">${t.events.date}</th>
          <th scope="col">${t.events.event}</th>
          <th scope="col">${t.events.type}</th>
          <th scope="col">${t.events.audience}</th>
          <th scope="col">${t.events.place}</th>
          <th scope="col" class="num">${t.events.people}</th>
          <th scope="col"><span class="vh">${t.events.actions}</span></th>
        </tr></thead>
        <tbody>${events.map((e) => this.renderRow(e))}</tbody>
      </table>`,
    )}
    <p class="hint">${t.events.count(events.length, fmt.number(events.length))}</p>`;
  }

  override render() {
    const { t } = this.locale;
    const state = this.events.state;
    const list = this.events.value;
    return html`<div class="top">
        <p class="intro">${t.events.intro}</p>
        <button type="button" class="primary" @click=${this.add}>${t.events.add}</button>
      </div>
      ${loadLines(state, t, () => this.events.run())}
      ${
        this.outside
          ? html`<div class="notice row"><span>${t.events.outside(this.outside.title, this.locale.fmt.day(this.outside.startDate))}</span>
            <button type="button" @click=${() => this.outside && this.showYearOf(this.outside)}>
              ${t.events.showYear(this.outside.startDate.slice(0, 4))}</button></div>`
          : nothing
      }
      <div aria-busy=${state.status === 'loading' ? 'true' : 'false'}>${list ? this.renderList(list) : nothing}</div>
      <pd-event-editor @pd-event-saved=${this.saved} @pd-event-deleted=${this.deleted}></pd-event-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-events': EventsView;
  }
}
