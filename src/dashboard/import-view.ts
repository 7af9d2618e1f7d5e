/**
 * @summary The import section: a spreadsheet of events (CSV or XLSX) or a kiosk's USB bundle
 * (JSON), sent to the register, with progress in words and the outcome in figures: rows
 * imported, already there and rejected (each with its row, column and reason), or records
 * inserted, duplicate and rejected. Importing the same file again changes nothing.
 */
import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { RegisterApi } from './api.ts';
import { announce, apiContext, type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { MAX_UPLOAD_BYTES, peekBundle, readBase64, readText } from './files.ts';
import { describeError } from './messages.ts';
import { scrollable } from './parts.ts';
import type { BundleResult, ImportResult } from './wire.ts';

type Kind = 'sheet' | 'bundle';

/** Where one upload is: what staff see while it runs and after. */
type Upload =
  | { phase: 'idle' }
  | { phase: 'reading' | 'sending'; name: string; size: number }
  | { phase: 'failed'; name: string; error: string }
  | { phase: 'done'; name: string; sheet?: ImportResult; bundle?: BundleResult; kioskName?: string | null };

@customElement('pd-import')
export class ImportView extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
      .progress { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 1rem; }
      progress { width: min(20rem, 100%); height: 1rem; }
      .result { margin-top: 1rem; }
      .result h4 { font-size: 1.05rem; }
      .result h4:focus { outline: none; }
      dl { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 1rem; }
      dl div { background: var(--pd-bg); border: 1px solid var(--pd-line); border-radius: var(--pd-radius); padding: 0.5rem 1rem; min-width: 8rem; }
      dt { color: var(--pd-muted); font-size: 0.92rem; }
      dd { margin: 0; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      dd[data-bad] { color: var(--pd-danger); }
    `,
  ];

  @consume({ context: apiContext }) private api!: RegisterApi;
  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;
  @state() private uploads: Record<Kind, Upload> = { sheet: { phase: 'idle' }, bundle: { phase: 'idle' } };

  private setUpload(kind: Kind, upload: Upload): void {
    this.uploads = { ...this.uploads, [kind]: upload };
  }

  private async submit(kind: Kind, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { t, fmt } = this.locale;
    const current = this.uploads[kind];
    if (current.phase === 'reading' || current.phase === 'sending') return;
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[type="file"]');
    const file = input?.files?.[0];
    if (!file) {
      this.setUpload(kind, { phase: 'failed', name: '', error: t.import.chooseFile });
      input?.focus();
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      this.setUpload(kind, {
        phase: 'failed',
        name: file.name,
        error: t.import.tooLarge(fmt.bytes(MAX_UPLOAD_BYTES)),
      });
      return;
    }
    try {
      this.setUpload(kind, { phase: 'reading', name: file.name, size: file.size });
      let done: Upload;
      if (kind === 'sheet') {
        const content = await readBase64(file);
        this.setUpload(kind, { phase: 'sending', name: file.name, size: file.size });
        done = {
          phase: 'done',
          name: file.name,
          sheet: await this.api.importSpreadsheet(file.name, content),
        };
      } else {
        const text = await readText(file);
        const peek = peekBundle(text);
        if (!peek) {
          this.setUpload(kind, { phase: 'failed', name: file.name, error: t.import.notJson });
          return;
        }
        this.setUpload(kind, { phase: 'sending', name: file.name, size: file.size });
        done = {
          phase: 'done',
          name: file.name,
          bundle: await this.api.importBundle(text),
          kioskName: peek.kioskName,
        };
      }
      this.setUpload(kind, done);
      announce(this, t.import.done(file.name));
      if (input) input.value = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${kind}-result`)?.focus();
    } catch (error) {
      this.setUpload(kind, { phase: 'failed', name: file.name, error: describeError(error, t) });
    }
  }

  private count(label: string, value: number, key: string, bad = false) {
    return html`<div><dt>${label}</dt><dd data-count=${key} ?data-bad=${bad && value > 0}>${this.locale.fmt.number(value)}</dd></div>`;
  }

  private renderSheetResult(name: string, result: ImportResult) {
    const { t } = this.locale;
    return html`<div class="result">
      <h4 id="sheet-result" tabindex="-1">${t.import.done(name)}</h4>
      <dl>
        ${this.count(t.import.rows, result.rows, 'rows')}
        ${this.count(t.import.imported, result.imported, 'imported')}
        ${this.count(t.import.duplicates, result.duplicates, 'duplicates')}
        ${this.count(t.import.rejected, result.rejected.length, 'rejected', true)}
      </dl>
      ${
        result.rejected.length
          ? scrollable(
              t.import.rejectedCaption,
              html`<table>
              <caption>${t.import.rejectedCaption}</caption>
              <thead><tr>
                <th scope="col" class="num">${t.import.row}</th>
                <th scope="col">${t.import.column}</th>
                <th scope="col">${t.import.reason}</th>
              </tr></thead>
              <tbody>${result.rejected.map(
                (r) =>
                  html`<tr><th scope="row" class="num">${r.row}</th><td>${r.column ?? '—'}</td><td>${r.reason}</td></tr>`,
              )}</tbody>
            </table>`,
            )
          : nothing
      }
    </div>`;
  }

  private renderBundleResult(name: string, result: BundleResult, kioskName: string | null | undefined) {
    const { t } = this.locale;
    return html`<div class="result">
      <h4 id="bundle-result" tabindex="-1">${t.import.done(name)}</h4>
      <dl>
        ${this.count(t.import.inserted, result.inserted, 'inserted')}
        ${this.count(t.import.duplicate, result.duplicate, 'duplicate')}
        ${this.count(t.import.rejectedRecords, result.rejected, 'rejected', true)}
      </dl>
      ${kioskName ? html`<p>${t.import.filedUnder(kioskName)}</p>` : nothing}
      ${
        result.rejectedExamples.length
          ? scrollable(
              t.import.rejectedExamples,
              html`<table>
              <caption>${t.import.rejectedExamples}</caption>
              <thead><tr><th scope="col">${t.import.record}</th><th scope="col">${t.import.reason}</th></tr></thead>
              <tbody>${result.rejectedExamples.map(
                (r) => html`<tr><th scope="row">${r.id ?? '—'}</th><td>${r.reason}</td></tr>`,
              )}</tbody>
            </table>`,
            )
          : nothing
      }
    </div>`;
  }

  private renderUpload(kind: Kind) {
    const { t, fmt } = this.locale;
    const upload = this.uploads[kind];
    return html`
      <div class="progress" role="status">${
        upload.phase === 'reading' || upload.phase === 'sending'
          ? html`<progress aria-label=${upload.phase === 'reading' ? t.import.reading(upload.name) : t.import.sending(fmt.bytes(upload.size))}></progress>
            <span>${upload.phase === 'reading' ? t.import.reading(upload.name) : t.import.sending(fmt.bytes(upload.size))}</span>`
          : nothing
      }</div>
      <div role="alert">${upload.phase === 'failed' ? html`<p class="alert">${upload.error}</p>` : nothing}</div>
      ${
        upload.phase === 'done'
          ? upload.sheet
            ? this.renderSheetResult(upload.name, upload.sheet)
            : upload.bundle
              ? this.renderBundleResult(upload.name, upload.bundle, upload.kioskName)
              : nothing
          : nothing
      }`;
  }

  private renderForm(kind: Kind, accept: string, label: string, submit: string) {
    const upload = this.uploads[kind];
    const busy = upload.phase === 'reading' || upload.phase === 'sending';
    return html`<form novalidate @submit=${(e: SubmitEvent) => this.submit(kind, e)}>
      <div class="field">
        <label for="${kind}-file">${label}</label>
        <input id="${kind}-file" type="file" accept=${accept} />
      </div>
      <button type="submit" class="primary" ?disabled=${busy}>${submit}</button>
    </form>`;
  }

  override render() {
    const { t } = this.locale;
    return html`<section class="card" aria-labelledby="sheet-heading">
        <h3 id="sheet-heading">${t.import.sheetHeading}</h3>
        <p class="intro">${t.import.sheetIntro}</p>
        ${this.renderForm(
          'sheet',
          '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          t.import.sheetFile,
          t.import.sheetSubmit,
        )}
        ${this.renderUpload('sheet')}
      </section>
      <section class="card" aria-labelledby="bundle-heading">
        <h3 id="bundle-heading">${t.import.bundleHeading}</h3>
        <p class="intro">${t.import.bundleIntro}</p>
        ${this.renderForm('bundle', '.json,application/json', t.import.bundleFile, t.import.bundleSubmit)}
        ${this.renderUpload('bundle')}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-import': ImportView;
  }
}
