/**
 * @summary The period the events, the report and the charts show: two dates and shortcuts for
 * this year, last year and all time. A period that ends before it starts is explained, not sent.
 * @event pd-period-change - a new, valid period; detail: { period }
 */
import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { periodProblem, samePeriod, today, yearPeriod } from './route.ts';
import type { Period } from './wire.ts';

export type PeriodChangeEvent = CustomEvent<{ period: Period }>;

@customElement('pd-period')
export class PeriodPicker extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      fieldset { border: 1px solid var(--pd-line); border-radius: 0.75rem; padding: 0.5rem 1rem 1rem; margin: 0; background: var(--pd-surface); }
      legend { font-weight: 700; padding: 0 0.35rem; }
      .presets { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .presets button[aria-pressed='true'] { background: var(--pd-primary); color: #fff; }
    `,
  ];

  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;
  @property({ attribute: false }) period: Period = {};
  /** What the inputs hold while staff type (it may not be a valid period yet). */
  @state() private draft: Period = {};
  @state() private problem = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('period')) {
      this.draft = { ...this.period };
      this.problem = false;
    }
  }

  private change(next: Period): void {
    this.draft = next;
    this.problem = periodProblem(next) !== null;
    if (this.problem || samePeriod(next, this.period)) return;
    this.dispatchEvent(
      new CustomEvent('pd-period-change', { detail: { period: next }, bubbles: true, composed: true }),
    );
  }

  private input(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    const next = { ...this.draft };
    if (value) next[which] = value;
    else delete next[which];
    this.change(next);
  }

  override render() {
    const { t } = this.locale;
    const year = Number(today(new Date()).slice(0, 4));
    const presets: Array<[string, Period]> = [
      [t.period.thisYear, yearPeriod(year)],
      [t.period.lastYear, yearPeriod(year - 1)],
      [t.period.all, {}],
    ];
    return html`<fieldset>
      <legend>${t.period.legend}</legend>
      <div class="row">
        <div class="field">
          <label for="from">${t.period.from}</label>
          <input id="from" type="date" .value=${this.draft.from ?? ''} max=${this.draft.to ?? ''}
            aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby="period-problem"
            @change=${(e: Event) => this.input('from', e)} />
        </div>
        <div class="field">
          <label for="to">${t.period.to}</label>
          <input id="to" type="date" .value=${this.draft.to ?? ''} min=${this.draft.from ?? ''}
            aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby="period-problem"
            @change=${(e: Event) => this.input('to', e)} />
        </div>
        <div class="presets" role="group" aria-label=${t.period.legend}>
          ${presets.map(
            ([
              label,
              period,
            ]) => html`<button type="button" aria-pressed=${samePeriod(period, this.period) ? 'true' : 'false'}
              @click=${() => this.change(period)}>${label}</button>`,
          )}
        </div>
      </div>
      <p id="period-problem" class="field-error" role="alert" ?hidden=${!this.problem}>
        ${this.problem ? t.period.invalid : ''}
      </p>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-period': PeriodPicker;
  }
  interface HTMLElementEventMap {
    'pd-period-change': PeriodChangeEvent;
  }
}
