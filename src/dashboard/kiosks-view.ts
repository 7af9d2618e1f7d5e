/**
 * @summary The kiosks section: every enrolled kiosk with its last contact, app version, backlog,
 * storage, clock and records, silent ones flagged in words; enrolling a kiosk (its token shown
 * once, with a copy button) and revoking one after a confirmation.
 */
import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { RegisterApi } from './api.ts';
import type { ConfirmDialog } from './confirm-dialog.ts';
import { announce, apiContext, type DashboardLocale, localeContext } from './context.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { clockIsOff, clockState, kioskState, storageIsHigh, supervisorSummary } from './kiosk-health.ts';
import { Loader } from './loader.ts';
import { describeError } from './messages.ts';
import { loadLines, scrollable } from './parts.ts';
import type { Enrolled, Kiosk } from './wire.ts';
import './confirm-dialog.ts';

@customElement('pd-kiosks')
export class KiosksView extends LitElement {
  static override styles = [
    dashboardStyles,
    css`
      tr[data-state='revoked'] th, tr[data-state='revoked'] td { color: var(--pd-muted); }
      .ok { color: var(--pd-ok); font-weight: 600; }
      .enrol form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
      .enrol input { min-width: min(22rem, 100%); }
      .token { border: 3px solid var(--pd-warn); background: var(--pd-warn-bg); }
      .token h3:focus { outline: none; }
      .token input { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; width: 100%; font-size: 1.05rem; }
      .token .once { font-weight: 700; color: var(--pd-warn); }
    `,
  ];

  @consume({ context: apiContext }) private api!: RegisterApi;
  @consume({ context: localeContext, subscribe: true }) @state() private locale!: DashboardLocale;

  @state() private enrolling = false;
  @state() private enrolError = '';
  @state() private nameMissing = false;
  /** The token just issued: on screen until staff say they copied it, never again. */
  @state() private issued: Enrolled | null = null;
  @state() private copy: 'idle' | 'copied' | 'failed' = 'idle';
  @state() private revoking: string | null = null;
  @state() private actionError = '';
  @query('pd-confirm') private confirm!: ConfirmDialog;
  @query('#kiosk-name') private nameInput!: HTMLInputElement;

  private readonly kiosks = new Loader(this, () => this.api.kiosks());

  override connectedCallback(): void {
    super.connectedCallback();
    void this.kiosks.run();
  }

  private async enrol(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.enrolling) return;
    const name = this.nameInput.value.trim();
    this.nameMissing = name === '';
    this.enrolError = '';
    if (this.nameMissing) {
      this.nameInput.focus();
      return;
    }
    this.enrolling = true;
    try {
      this.issued = await this.api.enrol(name);
      this.copy = 'idle';
      this.nameInput.value = '';
      void this.kiosks.run();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.token h3')?.focus();
    } catch (error) {
      this.enrolError = describeError(error, this.locale.t);
    } finally {
      this.enrolling = false;
    }
  }

  private async copyToken(): Promise<void> {
    const token = this.issued?.token;
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token);
      this.copy = 'copied';
    } catch {
      // No clipboard (plain http on a central server, or refused): select it for a manual copy.
      this.copy = 'failed';
      const field = this.renderRoot.querySelector<HTMLInputElement>('#token');
      field?.focus();
      field?.select();
    }
  }

  private async forgetToken(): Promise<void> {
    this.issued = null;
    this.copy = 'idle';
    await this.updateComplete;
    this.nameInput.focus();
  }

  private async revoke(kiosk: Kiosk): Promise<void> {
    const { t } = this.locale;
    const sure = await this.confirm.ask({
      title: t.kiosks.confirmRevoke(kiosk.name),
      body: t.kiosks.confirmRevokeBody,
      confirm: t.kiosks.revoke,
      cancel: t.app.cancel,
    });
    if (!sure) return;
    this.revoking = kiosk.id;
    this.actionError = '';
    try {
      await this.api.revoke(kiosk.id);
      announce(this, t.kiosks.revokedDone(kiosk.name));
      await this.kiosks.run();
    } catch (error) {
      this.actionError = describeError(error, t);
    } finally {
      this.revoking = null;
    }
  }

  private renderState(kiosk: Kiosk) {
    const { t, fmt } = this.locale;
    switch (kioskState(kiosk)) {
      case 'revoked':
        return html`<span>${t.kiosks.revoked(fmt.dateTime(kiosk.revokedAt ?? ''))}</span>`;
      case 'usb':
        return html`<span class="tag">${t.kiosks.usb}</span>`;
      case 'never':
        return html`<span class="warn" data-silent>⚠ ${t.kiosks.never}</span>`;
      case 'silent':
        return html`<span class="warn" data-silent>⚠ ${t.kiosks.silent}</span>`;
      case 'ok':
        return html`<span class="ok">✓ ${t.kiosks.ok}</span>`;
    }
  }

  private renderClock(offset: number | null) {
    const { t, fmt } = this.locale;
    const state = clockState(offset);
    const text =
      state === 'unknown'
        ? html`—<span class="vh"> ${t.app.unknown}</span>`
        : state === 'on-time'
          ? t.kiosks.inTime
          : state === 'ahead'
            ? t.kiosks.ahead(fmt.duration(offset ?? 0))
            : t.kiosks.behind(fmt.duration(offset ?? 0));
    return clockIsOff(offset) ? html`<span class="warn">⚠ ${text}</span>` : text;
  }

  private renderSupervisor(kiosk: Kiosk, now: Date) {
    const { t, fmt } = this.locale;
    const summary = supervisorSummary(kiosk.supervisor ?? [], now);
    if (!summary) return html`—<span class="vh"> ${t.kiosks.noSupervisor}</span>`;
    const count = fmt.number(summary.recoveries);
    const last = t.kiosks.lastAction(
      t.kiosks.supervisorActions[summary.latest.action],
      fmt.ago(summary.latest.at, now),
    );
    return html`${summary.warn ? html`<span class="warn">⚠ ${count}</span>` : count}<span class="sub"
      title=${summary.latest.reason}>${last}</span>`;
  }

  private unknown() {
    return html`—<span class="vh"> ${this.locale.t.app.unknown}</span>`;
  }

  private renderRow(kiosk: Kiosk) {
    const { t, fmt } = this.locale;
    const state = kioskState(kiosk);
    const now = new Date();
    return html`<tr data-state=${state} data-kiosk=${kiosk.id}>
      <th scope="row">${kiosk.name}</th>
      <td>${this.renderState(kiosk)}</td>
      <td>${
        kiosk.lastSeenAt
          ? html`${fmt.dateTime(kiosk.lastSeenAt)}<span class="sub">${fmt.ago(kiosk.lastSeenAt, now)}</span>`
          : t.kiosks.neverSeen
      }</td>
      <td>${kiosk.appVersion ?? this.unknown()}</td>
      <td class="num">${kiosk.pending === null ? this.unknown() : fmt.number(kiosk.pending)}</td>
      <td class="num">${
        kiosk.storageRatio === null
          ? this.unknown()
          : storageIsHigh(kiosk.storageRatio)
            ? html`<span class="warn">⚠ ${fmt.percent(kiosk.storageRatio)} ${t.kiosks.storageHigh}</span>`
            : fmt.percent(kiosk.storageRatio)
      }</td>
      <td>${this.renderClock(kiosk.clockOffsetMs)}</td>
      <td class="num" data-recoveries>${this.renderSupervisor(kiosk, now)}</td>
      <td class="num">${fmt.number(kiosk.records)}</td>
      <td class="num">${
        kiosk.quarantined > 0 ? html`<span class="warn">${fmt.number(kiosk.quarantined)}</span>` : '0'
      }</td>
      <td>${
        state === 'revoked' || state === 'usb'
          ? nothing
          : html`<button type="button" class="danger" ?disabled=${this.revoking === kiosk.id}
              @click=${() => this.revoke(kiosk)}>
              ${this.revoking === kiosk.id ? t.kiosks.revoking : t.kiosks.revoke}<span class="vh"> ${kiosk.name}</span>
            </button>`
      }</td>
    </tr>`;
  }

  private renderList(kiosks: Kiosk[]) {
    const { t } = this.locale;
    if (kiosks.length === 0) return html`<p class="notice">${t.kiosks.empty}</p>`;
    return scrollable(
      t.kiosks.caption,
      html`<table>
        <caption>${t.kiosks.caption}</caption>
        <thead><tr>
          <th scope="col">${t.kiosks.name}</th>
          <th scope="col">${t.kiosks.status}</th>
          <th scope="col">${t.kiosks.lastSeen}</th>
          <th scope="col">${t.kiosks.version}</th>
          <th scope="col" class="num">${t.kiosks.pending}</th>
          <th scope="col" class="num">${t.kiosks.storage}</th>
          <th scope="col">${t.kiosks.clock}</th>
          <th scope="col" class="num">${t.kiosks.recoveries}</th>
          <th scope="col" class="num">${t.kiosks.records}</th>
          <th scope="col" class="num">${t.kiosks.quarantined}</th>
          <th scope="col"><span class="vh">${t.kiosks.actions}</span></th>
        </tr></thead>
        <tbody>${kiosks.map((k) => this.renderRow(k))}</tbody>
      </table>`,
    );
  }

  private renderToken(issued: Enrolled) {
    const { t } = this.locale;
    return html`<section class="card token" aria-labelledby="token-heading">
      <h3 id="token-heading" tabindex="-1">${t.kiosks.tokenHeading(issued.name)}</h3>
      <p class="once">${t.kiosks.tokenOnce}</p>
      <p>${t.kiosks.tokenWhere}</p>
      <div class="field">
        <label for="token">${t.kiosks.tokenLabel}</label>
        <input id="token" readonly .value=${issued.token} spellcheck="false" autocomplete="off"
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </div>
      <div class="actions">
        <button type="button" class="primary" @click=${this.copyToken}>${t.kiosks.copy}</button>
        <button type="button" @click=${this.forgetToken}>${t.kiosks.tokenDone}</button>
      </div>
      <p role="status">${
        this.copy === 'copied' ? t.kiosks.copied : this.copy === 'failed' ? t.kiosks.copyFailed : ''
      }</p>
    </section>`;
  }

  override render() {
    const { t } = this.locale;
    const state = this.kiosks.state;
    const list = this.kiosks.value;
    return html`<p class="intro">${t.kiosks.intro}</p>
      ${loadLines(state, t, () => this.kiosks.run())}
      <div role="alert">${this.actionError ? html`<p class="alert">${this.actionError}</p>` : nothing}</div>
      <div aria-busy=${state.status === 'loading' ? 'true' : 'false'}>${list ? this.renderList(list) : nothing}</div>
      ${this.issued ? this.renderToken(this.issued) : nothing}
      <section class="card enrol" aria-labelledby="enrol-heading">
        <h3 id="enrol-heading">${t.kiosks.enrolHeading}</h3>
        <form novalidate @submit=${this.enrol}>
          <div class="field">
            <label for="kiosk-name">${t.kiosks.enrolName}</label>
            <input id="kiosk-name" maxlength="80" autocomplete="off" required
              aria-invalid=${this.nameMissing ? 'true' : 'false'}
              aria-describedby=${this.nameMissing ? 'kiosk-name-hint kiosk-name-problem' : 'kiosk-name-hint'}
              @input=${() => {
                this.nameMissing = false;
              }} />
            <p class="hint" id="kiosk-name-hint">${t.kiosks.enrolHint}</p>
            ${this.nameMissing ? html`<p class="field-error" id="kiosk-name-problem">${t.kiosks.nameMissing}</p>` : nothing}
          </div>
          <button type="submit" class="primary" ?disabled=${this.enrolling}>
            ${this.enrolling ? t.kiosks.enrolBusy : t.kiosks.enrolSubmit}
          </button>
        </form>
        <div role="alert">${this.enrolError ? html`<p class="alert">${this.enrolError}</p>` : nothing}</div>
      </section>
      <pd-confirm></pd-confirm>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-kiosks': KiosksView;
  }
}
