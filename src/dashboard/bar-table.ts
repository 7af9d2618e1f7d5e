/**
 * @summary A bar chart that is a real table: each row's label carries an SVG bar drawn from the
 * row's figure, and the figures stand in their own columns. Screen readers read the table and
 * skip the bars; sighted staff compare the bars. Bars are SVG shapes sized by attributes, which
 * the page's CSP allows (it forbids inline styles), and no chart library is needed.
 * A second bar series (e.g. completed over started) is drawn over the first, with a legend.
 */
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { dashboardStyles } from './dashboard.styles.ts';
import { barLengths } from './figures.ts';
import { scrollable } from './parts.ts';

export interface BarRow {
  label: string;
  /** One figure per column; null shows as a dash. */
  values: Array<number | null>;
}

@customElement('pd-bar-table')
export class BarTable extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      figure { margin: 0; }
      th[scope='row'] { font-weight: 400; min-width: 12rem; width: 60%; }
      svg.bar { display: block; width: 100%; height: 0.9rem; margin-top: 0.3rem; }
      .track { fill: #ebe8e1; }
      .a { fill: #7fa6cf; }
      .a.only { fill: var(--pd-primary); }
      .b { fill: var(--pd-primary); }
      .legend { display: flex; gap: 1rem; flex-wrap: wrap; color: var(--pd-muted); font-size: 0.92rem; margin: -0.5rem 0 0; }
      .legend svg { width: 1rem; height: 1rem; vertical-align: -0.15rem; margin-right: 0.3rem; }
    `,
  ];

  @property() caption = '';
  @property({ attribute: false }) labelHeader = '';
  @property({ attribute: false }) columns: string[] = [];
  @property({ attribute: false }) rows: BarRow[] = [];
  /** Which columns are drawn as bars: one, or two (the second over the first). */
  @property({ attribute: false }) bars: number[] = [0];
  @property({ attribute: false }) format: (n: number) => string = String;
  @property({ attribute: false }) emptyText = '';

  override render() {
    const [first = 0, second] = this.bars;
    const firsts = this.rows.map((r) => r.values[first] ?? 0);
    const max = Math.max(
      0,
      ...firsts,
      ...(second === undefined ? [] : this.rows.map((r) => r.values[second] ?? 0)),
    );
    const a = barLengths(firsts, max);
    const b =
      second === undefined
        ? []
        : barLengths(
            this.rows.map((r) => r.values[second] ?? 0),
            max,
          );
    return html`<figure>
      ${scrollable(
        this.caption,
        html`<table>
          <caption>${this.caption}</caption>
          <thead><tr>
            <th scope="col">${this.labelHeader}</th>
            ${this.columns.map((c) => html`<th scope="col" class="num">${c}</th>`)}
          </tr></thead>
          <tbody>
            ${
              this.rows.length === 0
                ? html`<tr><td colspan=${this.columns.length + 1}>${this.emptyText}</td></tr>`
                : this.rows.map(
                    (row, i) => html`<tr>
                      <th scope="row">${row.label}
                        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                          <rect class="track" width="100" height="10"></rect>
                          <rect class="a ${second === undefined ? 'only' : ''}" width=${a[i] ?? 0} height="10"></rect>
                          ${second === undefined ? nothing : svg`<rect class="b" width=${b[i] ?? 0} height="10"></rect>`}
                        </svg>
                      </th>
                      ${row.values.map((v) => html`<td class="num">${v === null ? '—' : this.format(v)}</td>`)}
                    </tr>`,
                  )
            }
          </tbody>
        </table>`,
      )}
      ${
        second !== undefined && this.rows.length > 0
          ? html`<p class="legend" aria-hidden="true">
              <span><svg viewBox="0 0 10 10"><rect class="a" width="10" height="10"></rect></svg>${this.columns[first]}</span>
              <span><svg viewBox="0 0 10 10"><rect class="b" width="10" height="10"></rect></svg>${this.columns[second]}</span>
            </p>`
          : nothing
      }
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-bar-table': BarTable;
  }
}
