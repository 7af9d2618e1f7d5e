/**
 * @summary Full-screen explanation of a kiosk config that is missing or invalid: which file,
 * which field, what is wrong and what to do, in Italian and English side by side. Never blank.
 */
import type { i18n as I18n } from 'i18next';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConfigFailure } from './config-loader.ts';

@customElement('percorso-config-error')
export class ConfigErrorScreen extends LitElement {
  static override styles = css`
    :host { display: block; position: fixed; inset: 0; overflow: auto; background: #fff7e6; color: #2b1d0e;
      font-family: var(--pc-font); }
    .cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 3rem; padding: 5vh 5vw; }
    h1 { font-size: 1.8rem; margin-top: 0; }
    code { background: #f0e2c4; padding: 0.1em 0.35em; border-radius: 0.3em; }
    li { margin: 0.5rem 0; }
    .todo { border-inline-start: 6px solid #c0661a; padding-inline-start: 1rem; }
  `;

  @property({ attribute: false }) failure!: ConfigFailure;
  @property({ attribute: false }) i18n!: I18n;

  private column(lang: 'it' | 'en') {
    const t = this.i18n.getFixedT(lang);
    const f = this.failure;
    let summary: string;
    switch (f.kind) {
      case 'bad-name':
      case 'missing':
        summary = t('configError.missing', { file: f.file });
        break;
      case 'syntax':
        summary = t('configError.syntax', { file: f.file, detail: f.detail });
        break;
      case 'invalid':
        summary = t('configError.invalid', { file: f.file });
        break;
    }
    return html`<section lang=${lang}>
      <h1>${t('configError.title')}</h1>
      <p>${summary}</p>
      ${
        f.kind === 'invalid'
          ? html`<ul>
            ${f.problems.map((p) => html`<li>${t('configError.field')} <code class="field">${p.field}</code>: ${p[lang]}</li>`)}
          </ul>`
          : ''
      }
      <p class="todo">${t('configError.whatToDo')}</p>
    </section>`;
  }

  override render() {
    return html`<div class="cols">${this.column('it')}${this.column('en')}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-config-error': ConfigErrorScreen;
  }
}
