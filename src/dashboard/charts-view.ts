/**
 * @summary The charts section: people reached per month, per province and per event type, and
 * what visitors did at the installations (journeys started and completed per installation and
 * per station, and the answers they chose), for the period. Every chart is a table with bars.
 */
import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EventType } from '../contracts/register.ts';
import type { RegisterApi } from './api.ts';
import type { BarRow } from './bar-table.ts';
import { apiContext, type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { fillMonths, rankedAnswers } from './figures.ts';
import { Loader } from './loader.ts';
import { loadLines } from './parts.ts';
import type { Period, StationTotals, Totals, TotalsRow } from './wire.ts';
import './bar-table.ts';

interface ChartData {
  month: Totals;
  province: Totals;
  type: Totals;
  stations: StationTotals;
}

@customElement('pd-charts')
export class ChartsView extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1.25rem; }
      .grid .card { margin: 0; }
      h3 { margin-top: 1.5rem; }
      .choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1.25rem; }
      .choices .card { margin: 0; }
      .station { margin-top: 1.25rem; }
    `,
  ];

  @consume({ context: apiContext }) private api!: RegisterApi;
  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;
  @property({ attribute: false }) period: Period = {};

  private readonly data = new Loader(this, async (): Promise<ChartData> => {
    const [month, province, type, stations] = await Promise.all([
      this.api.totals('month', this.period),
      this.api.totals('province', this.period),
      this.api.totals('type', this.period),
      this.api.stationTotals(this.period),
    ]);
    return { month, province, type, stations };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('period')) void this.data.run();
  }

  private peopleChart(caption: string, header: string, rows: TotalsRow[], label: (key: string) => string) {
    const { t, fmt } = this.locale;
    const bars: BarRow[] = rows.map((r) => ({ label: label(r.key), values: [r.people, r.events] }));
    return html`<div class="card"><pd-bar-table .caption=${caption} .labelHeader=${header}
      .columns=${[t.charts.people, t.charts.events]} .rows=${bars} .format=${fmt.number}
      .emptyText=${t.charts.empty}></pd-bar-table></div>`;
  }

  private renderCharts(data: ChartData) {
    const { t, fmt, words } = this.locale;
    const months = fillMonths(data.month.rows, (key) => ({ key, label: key, people: 0, events: 0 }));
    const stations = data.stations;
    return html`<div class="grid">
        ${this.peopleChart(t.charts.byMonth, t.charts.month, months, (key) => fmt.month(key))}
        ${this.peopleChart(t.charts.byProvince, t.charts.province, data.province.rows, (key) => words.province(key))}
        ${this.peopleChart(t.charts.byType, t.charts.type, data.type.rows, (key) => words.type(key as EventType))}
        <div class="card"><pd-bar-table .caption=${t.charts.byInstallation} .labelHeader=${t.charts.installation}
          .columns=${[t.charts.started, t.charts.completed]} .bars=${[0, 1]} .format=${fmt.number}
          .rows=${stations.byInstallation.map((r) => ({ label: r.installation, values: [r.started, r.completed] }))}
          .emptyText=${t.charts.empty}></pd-bar-table></div>
      </div>
      <div class="card station"><pd-bar-table .caption=${t.charts.byStation} .labelHeader=${t.charts.station}
        .columns=${[t.charts.started, t.charts.completed, t.charts.abandoned, t.charts.median]} .bars=${[0, 1]}
        .format=${fmt.number}
        .rows=${stations.byStation.map((s) => ({
          label: `${s.station} · ${s.journey}`,
          values: [s.started, s.completed, s.abandoned, s.medianMinutes],
        }))}
        .emptyText=${t.charts.empty}></pd-bar-table></div>
      <h3>${t.charts.choices}</h3>
      ${
        stations.choices.length === 0
          ? html`<p class="notice">${t.charts.empty}</p>`
          : html`<div class="choices">${stations.choices.map(
              (c) => html`<div class="card">
                <pd-bar-table .caption=${t.charts.step(c.journey, c.step)} .labelHeader=${t.charts.answer}
                  .columns=${[t.charts.answers]} .format=${fmt.number}
                  .rows=${rankedAnswers(c.answers).map(([answer, n]) => ({ label: answer, values: [n] }))}
                  .emptyText=${t.charts.empty}></pd-bar-table>
                ${c.timedOut > 0 ? html`<p class="hint">${t.charts.timedOut(fmt.number(c.timedOut))}</p>` : nothing}
              </div>`,
            )}</div>`
      }`;
  }

  override render() {
    const { t } = this.locale;
    const state = this.data.state;
    const data = this.data.value;
    return html`<p class="intro">${t.charts.intro}</p>
      ${loadLines(state, t, () => this.data.run())}
      <div aria-busy=${state.status === 'loading' ? 'true' : 'false'}>${data ? this.renderCharts(data) : nothing}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-charts': ChartsView;
  }
}
