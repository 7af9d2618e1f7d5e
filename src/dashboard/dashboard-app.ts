/**
 * @summary The register's dashboard (`/register/`): signing in, then six sections (events,
 * report, charts, kiosks, reflections, import) in Italian or English. It provides the register's
 * client and the language to every view, keeps the section and period in the address's hash,
 * reads out what happened in one polite live region, and goes back to signing in when the
 * session ends, saying so.
 */
import { provide } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RegisterApi } from './api.ts';
import { type AnnounceEvent, apiContext, type DashboardLocale, localeContext, localeFor } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { describeError } from './messages.ts';
import type { PeriodChangeEvent } from './period-picker.ts';
import { PERIOD_SECTIONS, parseRoute, type Route, routeHash, SECTIONS, type Section } from './route.ts';
import type { SignedInEvent, SignIn } from './sign-in.ts';
import { LANGS, type Lang, pickLanguage, STRINGS } from './strings.ts';
import './charts-view.ts';
import './events-view.ts';
import './import-view.ts';
import './kiosks-view.ts';
import './period-picker.ts';
import './reflections-view.ts';
import './report-view.ts';
import './sign-in.ts';

/** Where the chosen language is remembered on this browser. */
export const LANG_KEY = 'percorso.dashboard.lang';

type Phase = 'checking' | 'signed-out' | 'signed-in' | 'unreachable';

/** What the root needs from the page; main.ts passes the real ones, a test could pass fakes. */
export interface DashboardPage {
  /** Where the language choice is kept; null when the browser refuses storage. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The browser's preferred languages (navigator.languages). */
  languages: readonly string[];
  window: Pick<Window, 'location' | 'history' | 'document' | 'addEventListener' | 'removeEventListener'>;
}

@customElement('percorso-dashboard')
export class DashboardApp extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      :host { min-height: 100vh; background: var(--pd-bg); }
      header .skip { position: absolute; left: 0.5rem; top: -5rem; z-index: 10; background: #fff; color: var(--pd-primary); }
      header .skip:focus { top: 0.5rem; }
      header {
        display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; justify-content: space-between;
        padding: 0.75rem 1.5rem; background: #1c1d21; color: #fff;
      }
      header h1 { font-size: 1.25rem; margin: 0; }
      header h1 span { font-weight: 400; }
      .tools { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
      header button { background: transparent; color: #fff; border-color: #fff; }
      header button:hover { background: rgb(255 255 255 / 0.12); }
      header button[aria-pressed='true'] { background: #fff; color: #1c1d21; }
      header :focus-visible { outline-color: #ffd166; }
      .langs { display: flex; gap: 0.35rem; }
      .user { font-size: 0.95rem; }
      nav { background: var(--pd-surface); border-bottom: 1px solid var(--pd-line); position: sticky; top: 0; z-index: 5; }
      nav ul { list-style: none; margin: 0 auto; padding: 0.5rem 1.5rem; display: flex; flex-wrap: wrap; gap: 0.35rem; max-width: 80rem; }
      nav a {
        display: inline-flex; align-items: center; min-height: 44px; padding: 0 1rem; border-radius: var(--pd-radius);
        color: var(--pd-primary); font-weight: 600; text-decoration: none; border: 2px solid transparent;
      }
      nav a:hover { background: #e9eff7; }
      nav a[aria-current='page'] { background: var(--pd-primary); color: #fff; }
      main { max-width: 80rem; margin: 0 auto; padding: 1.25rem 1.5rem 4rem; box-sizing: border-box; }
      main:focus { outline: none; }
      h2 { font-size: 1.6rem; margin-bottom: 0.25rem; }
      h2:focus { outline: none; }
      pd-period { margin: 0 0 1.25rem; }
    `,
  ];

  @provide({ context: apiContext }) @property({ attribute: false }) api!: RegisterApi;
  @property({ attribute: false }) page!: DashboardPage;

  @provide({ context: localeContext }) @state() private locale: DashboardLocale = localeFor('it');

  @state() private phase: Phase = 'checking';
  @state() private user = '';
  @state() private route: Route = parseRoute('', new Date());
  @state() private notice = '';
  @state() private announcement = '';
  @state() private failure = '';
  @state() private signingOut = false;
  @query('main h2') private sectionHeading?: HTMLElement;
  @query('pd-sign-in') private signIn?: SignIn;

  private readonly onHashChange = () => this.followHash(true);

  constructor() {
    super();
    this.addEventListener('pd-announce', (event: AnnounceEvent) => this.say(event.detail.message));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.api.onSessionLost = () => this.sessionEnded();
    this.setLang(pickLanguage(this.page.storage?.getItem(LANG_KEY) ?? null, this.page.languages), false);
    this.followHash(false);
    this.page.window.addEventListener('hashchange', this.onHashChange);
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.page.window.removeEventListener('hashchange', this.onHashChange);
    this.api.onSessionLost = null;
  }

  private async checkSession(): Promise<void> {
    this.phase = 'checking';
    try {
      const session = await this.api.session();
      this.user = session?.username ?? '';
      this.phase = session ? 'signed-in' : 'signed-out';
    } catch (error) {
      this.failure = describeError(error, this.locale.t);
      this.phase = 'unreachable';
    }
  }

  private setLang(lang: Lang, remember = true): void {
    this.locale = localeFor(lang);
    const doc = this.page.window.document;
    doc.documentElement.lang = lang;
    doc.title = `${STRINGS[lang].app.product} · ${STRINGS[lang].app.title}`;
    if (remember) {
      try {
        this.page.storage?.setItem(LANG_KEY, lang);
      } catch {
        // private browsing may refuse storage: the choice then lasts for this page only
      }
    }
  }

  private followHash(moveFocus: boolean): void {
    const next = parseRoute(this.page.window.location.hash, new Date());
    const sectionChanged = next.section !== this.route.section;
    this.route = next;
    if (moveFocus && sectionChanged) void this.updateComplete.then(() => this.sectionHeading?.focus());
  }

  private changePeriod(event: PeriodChangeEvent): void {
    this.route = { ...this.route, period: event.detail.period };
    // The period is part of the address, but not a step back: back goes to the last section.
    this.page.window.history.replaceState(null, '', routeHash(this.route));
  }

  private say(message: string): void {
    // Emptied first so the same sentence twice is read out twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  private signedIn(event: SignedInEvent): void {
    this.user = event.detail.username;
    this.notice = '';
    this.phase = 'signed-in';
    void this.updateComplete.then(() => this.sectionHeading?.focus());
  }

  private sessionEnded(): void {
    if (this.phase !== 'signed-in') return;
    this.phase = 'signed-out';
    this.notice = this.locale.t.errors.session;
    void this.updateComplete.then(() => this.signIn?.focusHeading());
  }

  private async signOut(): Promise<void> {
    this.signingOut = true;
    try {
      await this.api.signOut();
    } catch {
      // The cookie may already be gone; the page forgets the session either way.
    }
    this.signingOut = false;
    this.user = '';
    this.phase = 'signed-out';
    this.notice = this.locale.t.signIn.signedOut;
    await this.updateComplete;
    this.signIn?.focusHeading();
  }

  private renderHeader() {
    const { t } = this.locale;
    return html`<header>
      <button type="button" class="skip" @click=${this.skip}>${t.app.skip}</button>
      <h1>${t.app.product} <span>· ${t.app.title}</span></h1>
      <div class="tools">
        <div class="langs" role="group" aria-label=${t.lang.label}>
          ${LANGS.map(
            (
              lang,
            ) => html`<button type="button" lang=${lang} aria-pressed=${this.locale.lang === lang ? 'true' : 'false'}
              @click=${() => this.setLang(lang)}>${STRINGS[lang].lang.name}</button>`,
          )}
        </div>
        ${
          this.phase === 'signed-in'
            ? html`<span class="user">${t.app.signedInAs(this.user)}</span>
              <button type="button" ?disabled=${this.signingOut} @click=${this.signOut}>
                ${this.signingOut ? t.app.signingOut : t.app.signOut}
              </button>`
            : nothing
        }
      </div>
    </header>`;
  }

  private renderSection(section: Section) {
    const period = this.route.period;
    switch (section) {
      case 'events':
        return html`<pd-events .period=${period}></pd-events>`;
      case 'report':
        return html`<pd-report .period=${period}></pd-report>`;
      case 'charts':
        return html`<pd-charts .period=${period}></pd-charts>`;
      case 'kiosks':
        return html`<pd-kiosks></pd-kiosks>`;
      case 'reflections':
        return html`<pd-reflections></pd-reflections>`;
      case 'import':
        return html`<pd-import></pd-import>`;
    }
  }

  private renderSignedIn() {
    const { t } = this.locale;
    const current = this.route.section;
    return html`<nav aria-label=${t.app.sections}>
        <ul>
          ${SECTIONS.map(
            (section) => html`<li><a href=${routeHash({ section, period: this.route.period })}
              aria-current=${section === current ? 'page' : 'false'}>${t.sections[section]}</a></li>`,
          )}
        </ul>
      </nav>
      <main id="main" tabindex="-1" @pd-period-change=${this.changePeriod}>
        <h2 tabindex="-1">${t.sections[current]}</h2>
        ${
          PERIOD_SECTIONS.includes(current)
            ? html`<pd-period .period=${this.route.period}></pd-period>`
            : nothing
        }
        ${this.renderSection(current)}
        <div class="vh" role="status" aria-live="polite">${this.announcement}</div>
      </main>`;
  }

  private renderBody() {
    const { t } = this.locale;
    switch (this.phase) {
      case 'checking':
        return html`<main id="main" tabindex="-1"><p class="busy" role="status">${t.signIn.checking}</p></main>`;
      case 'unreachable':
        return html`<main id="main" tabindex="-1">
          <div class="alert" role="alert"><span>${this.failure}</span>
            <button type="button" @click=${this.checkSession}>${t.app.retry}</button></div>
        </main>`;
      case 'signed-out':
        return html`<main id="main" tabindex="-1">
          <pd-sign-in .notice=${this.notice} @pd-signed-in=${this.signedIn}></pd-sign-in>
        </main>`;
      case 'signed-in':
        return this.renderSignedIn();
    }
  }

  override render() {
    return html`${this.renderHeader()} ${this.renderBody()}`;
  }

  /**
   * "Skip to content" is a button, not a link to #main: the hash holds the route, and the target
   * is in this shadow root, where the page's fragment navigation cannot reach.
   */
  private skip(): void {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-dashboard': DashboardApp;
  }
}
