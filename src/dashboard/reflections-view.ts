/**
 * @summary The reflections section: the moderation queue across kiosks. Staff filter by status
 * and approve, hide or keep private each reflection. A possible disclosure is marked in words,
 * has no "approve" (the register refuses it with 409, and that refusal is shown if it ever
 * comes), and says where help is. Visitor text is only ever rendered as text, in its language.
 */
import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { RegisterApi } from './api.ts';
import { announce, apiContext, type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { Loader } from './loader.ts';
import { describeError } from './messages.ts';
import { loadLines } from './parts.ts';
import { MODERATION_STATUSES, type ModerationStatus, type Reflection } from './wire.ts';

type Filter = ModerationStatus | 'all';

@customElement('pd-reflections')
export class ReflectionsView extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      fieldset { border: none; padding: 0; margin: 0 0 1rem; }
      legend { font-weight: 700; margin-bottom: 0.35rem; }
      .filters { display: flex; flex-wrap: wrap; gap: 0.35rem; }
      .filters label {
        display: inline-flex; align-items: center; gap: 0.4rem; min-height: 44px; padding: 0 0.9rem; cursor: pointer;
        border: 2px solid var(--pd-primary); border-radius: var(--pd-radius); background: var(--pd-surface); color: var(--pd-primary);
      }
      .filters label:has(input:checked) { background: var(--pd-primary); color: #fff; }
      .filters label:has(input:focus-visible) { outline: 3px solid var(--pd-focus); outline-offset: 2px; }
      .filters input { margin: 0; accent-color: #fff; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
      article.card { border-left: 6px solid var(--pd-line); margin: 0; }
      article.card:focus { outline: 3px solid var(--pd-focus); outline-offset: 2px; }
      article.card[data-flagged] { border-left-color: #d9a441; }
      article.card[data-disclosure] { border-left-color: var(--pd-danger); }
      blockquote { margin: 0 0 0.75rem; font-size: 1.2rem; white-space: pre-wrap; overflow-wrap: anywhere; }
      .meta { color: var(--pd-muted); font-size: 0.92rem; margin: 0 0 0.5rem; }
      .disclosure { border: 2px solid var(--pd-danger); background: #fbeaea; color: #6b1212; border-radius: var(--pd-radius); padding: 0.6rem 0.9rem; margin: 0 0 0.75rem; }
      .disclosure strong { display: block; }
      .status { font-weight: 700; }
      .actions { margin-top: 0.5rem; }
    `,
  ];

  @consume({ context: apiContext }) private api!: RegisterApi;
  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;

  @state() private filter: Filter = 'pending';
  @state() private working: string | null = null;
  /** The register's refusal for one reflection (say a 409 for a disclosure), shown on its card. */
  @state() private refusal: { id: string; message: string } | null = null;

  private readonly reflections = new Loader(this, () =>
    this.api.reflections(this.filter === 'all' ? undefined : this.filter),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reflections.run();
  }

  private setFilter(filter: Filter): void {
    this.filter = filter;
    this.refusal = null;
    void this.reflections.run();
  }

  private async moderate(reflection: Reflection, status: ModerationStatus): Promise<void> {
    const { t } = this.locale;
    this.working = reflection.id;
    this.refusal = null;
    try {
      await this.api.moderate(reflection.id, status);
      announce(this, t.reflections.done[status]);
      const list = this.reflections.value ?? [];
      const index = list.findIndex((r) => r.id === reflection.id);
      // Out of a filtered queue it goes; in "all" it stays with its new status.
      const next =
        this.filter === 'all' || this.filter === status
          ? list.map((r) => (r.id === reflection.id ? { ...r, status } : r))
          : list.filter((r) => r.id !== reflection.id);
      this.reflections.set(next);
      await this.updateComplete;
      // Focus goes on to the next reflection in the queue (or stays on this one's card).
      const cards = [...this.renderRoot.querySelectorAll<HTMLElement>('article')];
      (
        cards[Math.min(index, cards.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('legend')
      )?.focus();
    } catch (error) {
      this.refusal = { id: reflection.id, message: describeError(error, t) };
    } finally {
      this.working = null;
    }
  }

  private renderCard(r: Reflection, n: number) {
    const { t, fmt } = this.locale;
    const busy = this.working === r.id;
    const actions: Array<[ModerationStatus, string]> = [
      ...(r.disclosure ? [] : ([['approved', t.reflections.approve]] as Array<[ModerationStatus, string]>)),
      ['hidden', t.reflections.hide],
      ['private', t.reflections.keepPrivate],
    ];
    const headingId = `r-${r.id}`;
    return html`<li>
      <article class="card" tabindex="-1" aria-labelledby=${headingId} data-id=${r.id}
        ?data-disclosure=${r.disclosure} ?data-flagged=${r.flags.length > 0}>
        <h3 class="vh" id=${headingId}>${t.reflections.reflection(n)}</h3>
        ${
          r.disclosure
            ? html`<div class="disclosure"><strong>⚠ ${t.reflections.disclosure}</strong>${t.reflections.disclosureNote}</div>`
            : nothing
        }
        ${
          r.text.trim()
            ? html`<blockquote lang=${r.language} dir="auto">${r.text}</blockquote>`
            : html`<p><em>${t.reflections.noText}</em></p>`
        }
        ${
          r.pictograms.length
            ? html`<p>${t.reflections.pictograms}: ${r.pictograms.map((p) => t.reflections.feelings[p] ?? p).join(', ')}</p>`
            : nothing
        }
        ${r.flags.length ? html`<p><span class="warn">⚠ ${t.reflections.flags}: ${r.flags.join(', ')}</span></p>` : nothing}
        <p class="meta">${fmt.dateTime(r.at)} · ${fmt.language(r.language)} · ${t.reflections.from(r.kiosk, r.station)}</p>
        <p>${t.reflections.statusLabel}: <span class="status">${t.reflections.status[r.status]}</span></p>
        <div class="actions">
          ${actions.map(
            ([status, label]) => html`<button type="button" ?disabled=${busy || r.status === status}
              @click=${() => this.moderate(r, status)}>${label}</button>`,
          )}
        </div>
        <div role="alert">${
          this.refusal?.id === r.id ? html`<p class="alert">${this.refusal.message}</p>` : nothing
        }</div>
      </article>
    </li>`;
  }

  override render() {
    const { t, fmt } = this.locale;
    const state = this.reflections.state;
    const list = this.reflections.value;
    const filters: Filter[] = [...MODERATION_STATUSES, 'all'];
    return html`<p class="intro">${t.reflections.intro}</p>
      <fieldset>
        <legend tabindex="-1">${t.reflections.filter}</legend>
        <div class="filters">
          ${filters.map(
            (f) => html`<label><input type="radio" name="filter" .checked=${this.filter === f}
              @change=${() => this.setFilter(f)} />${f === 'all' ? t.reflections.all : t.reflections.filters[f]}</label>`,
          )}
        </div>
      </fieldset>
      ${loadLines(state, t, () => this.reflections.run())}
      ${
        list
          ? list.length === 0
            ? html`<p class="notice">${t.reflections.empty}</p>`
            : html`<p class="hint">${t.reflections.count(list.length, fmt.number(list.length))}</p>
              <ol aria-busy=${state.status === 'loading' ? 'true' : 'false'}>${list.map((r, i) => this.renderCard(r, i + 1))}</ol>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-reflections': ReflectionsView;
  }
}
