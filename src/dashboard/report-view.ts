/**
 * @summary The report section: the final report's table of awareness events (Tipologia di
 * evento · Destinatari raggiunti · N., then Totali) for the period, and the same table as CSV or
 * Excel from the register. Rows of one type share its cell, as in the report.
 */
import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegisterApi } from './api.ts';
import { apiContext, type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { groupByType } from './figures.ts';
import { Loader } from './loader.ts';
import { loadLines, scrollable } from './parts.ts';
import { describePeriod } from './period-words.ts';
import type { Period, Report } from './wire.ts';

@customElement('pd-report')
export class ReportView extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      table { max-width: 56rem; }
      tbody th[rowspan] { border-right: 1px solid var(--pd-line); }
      .downloads { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0 0 1rem; }
      .downloads h3 { margin: 0; font-size: 1rem; }
    `,
  ];

  @consume({ context: apiContext }) private api!: RegisterApi;
  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;
  @property({ attribute: false }) period: Period = {};

  private readonly report = new Loader(this, () => this.api.report(this.period));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('period')) void this.report.run();
  }

  private renderTable(report: Report) {
    const { t, fmt, words } = this.locale;
    const caption = t.report.caption(describePeriod(this.period, this.locale));
    if (report.rows.length === 0) return html`<p class="notice">${caption}: ${t.report.empty}</p>`;
    return html`${scrollable(
      caption,
      html`<table>
          <caption>${caption}</caption>
          <thead><tr>
            <th scope="col">${t.report.type}</th>
            <th scope="col">${t.report.audience}</th>
            <th scope="col" class="num">${t.report.n}</th>
          </tr></thead>
          ${groupByType(report.rows).map(
            (group) =>
              html`<tbody>${group.map(
                (row, i) => html`<tr>
                ${
                  i === 0
                    ? html`<th scope=${group.length > 1 ? 'rowgroup' : 'row'} rowspan=${group.length}>${words.type(row.type)}</th>`
                    : nothing
                }
                <td>${words.audience(row.audience)}</td>
                <td class="num">${fmt.number(row.people)}</td>
              </tr>`,
              )}</tbody>`,
          )}
          <tfoot><tr>
            <th scope="row" colspan="2">${t.report.total}</th>
            <td class="num" data-total>${fmt.number(report.total)}</td>
          </tr></tfoot>
        </table>`,
    )}
      <p class="hint">${t.report.fromEvents(report.events, fmt.number(report.events))}</p>`;
  }

  override render() {
    const { t } = this.locale;
    const state = this.report.state;
    const report = this.report.value;
    return html`<p class="intro">${t.report.intro}</p>
      <div class="downloads" role="group" aria-labelledby="downloads">
        <h3 id="downloads">${t.report.download}</h3>
        <a class="button" href=${this.api.reportUrl(this.period, 'csv')} download>${t.report.csv}</a>
        <a class="button" href=${this.api.reportUrl(this.period, 'xlsx')} download>${t.report.xlsx}</a>
      </div>
      ${loadLines(state, t, () => this.report.run())}
      <div aria-busy=${state.status === 'loading' ? 'true' : 'false'}>${report ? this.renderTable(report) : nothing}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-report': ReportView;
  }
}
