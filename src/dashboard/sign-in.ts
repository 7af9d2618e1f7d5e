/**
 * @summary Signing in to the register with a staff name and password. The register sets an
 * HttpOnly cookie; the page never holds the password or the session beyond the request.
 * A refusal says why (wrong password, too many tries) and keeps the name typed.
 * @event pd-signed-in - the register accepted the password; detail: { username }
 */
import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, type RegisterApi } from './api.ts';
import { apiContext, type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { describeError } from './messages.ts';

export type SignedInEvent = CustomEvent<{ username: string }>;

@customElement('pd-sign-in')
export class SignIn extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      :host { max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
      form { display: grid; gap: 1rem; }
      input { width: 100%; }
      .show { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; min-height: 44px; }
      .show input { width: 1.25rem; height: 1.25rem; min-height: 0; }
      code { background: var(--pd-bg); padding: 0 0.25rem; border-radius: 0.25rem; }
    `,
  ];

  @consume({ context: apiContext }) private api!: RegisterApi;
  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;

  /** A sentence to show above the form (signed out, session ended). */
  @property() notice = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private showPassword = false;
  @query('#username') private username!: HTMLInputElement;
  @query('#password') private password!: HTMLInputElement;
  @query('h2') private heading!: HTMLElement;

  focusHeading(): void {
    this.heading?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const { t } = this.locale;
    const username = this.username.value.trim();
    const password = this.password.value;
    if (!username || !password) {
      this.error = t.signIn.missing;
      (username ? this.password : this.username).focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const session = await this.api.signIn(username, password);
      this.dispatchEvent(
        new CustomEvent('pd-signed-in', {
          detail: { username: session.username },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      this.error =
        status === 401
          ? t.signIn.wrong
          : status === 429 && error instanceof ApiError
            ? t.signIn.throttled(error.message)
            : describeError(error, t);
      this.password.select();
      this.password.focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { t } = this.locale;
    return html`<div class="card">
      <h2 tabindex="-1">${t.signIn.heading}</h2>
      <p class="intro">${t.signIn.intro}</p>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : ''}
      <form novalidate @submit=${this.submit} aria-describedby="sign-in-error">
        <div class="field">
          <label for="username">${t.signIn.username}</label>
          <input id="username" name="username" autocomplete="username" autocapitalize="none"
            spellcheck="false" required />
        </div>
        <div class="field">
          <label for="password">${t.signIn.password}</label>
          <input id="password" name="password" type=${this.showPassword ? 'text' : 'password'}
            autocomplete="current-password" required />
          <label class="show">
            <input type="checkbox" .checked=${this.showPassword}
              @change=${(e: Event) => {
                this.showPassword = (e.target as HTMLInputElement).checked;
              }} />
            ${t.signIn.show}
          </label>
        </div>
        <div id="sign-in-error" role="alert">
          ${this.error ? html`<p class="alert">${this.error}</p>` : ''}
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t.signIn.busy : t.signIn.submit}
        </button>
      </form>
      <p class="hint">${t.signIn.noAccount} <code>npm run register:admin -- --username …</code></p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-sign-in': SignIn;
  }
  interface HTMLElementEventMap {
    'pd-signed-in': SignedInEvent;
  }
}
