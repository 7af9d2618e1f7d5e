/**
 * @summary The station shell: attract loop, one visit at a time with idle handling that
 * follows the visitor, recovery from errors, and the out-of-order screen for crash loops.
 * Exposes data-role and data-screen (attract, journey, reflection, wall, infopoint,
 * out-of-order) and data-idle (watching, warning) for tests and the watchdog.
 */
import { provide } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { seconds } from '../contracts/ids.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import { applyDocumentLanguage, loadShellStrings } from '../i18n/i18n.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { describeThrown, type ErrorEntry, type ErrorLog, OUT_OF_ORDER_RETRY_MS } from '../kiosk/error-log.ts';
import type { IdleActor } from '../kiosk/idle-machine.ts';
import { shouldApplyUpdate, type UpdateManager } from '../kiosk/update-policy.ts';
import { CornerHold } from '../staff/corner-hold.ts';
import { ROLES, type VisitEndEvent } from '../stations/registry.ts';
import { shellIcons as icons } from '../ui/shell-icons.ts';
import { type StationServices, servicesContext } from './context.ts';
import { appStyles } from './percorso-app.styles.ts';

/** How long each offered language's invitation stays on the attract loop. */
const ATTRACT_CYCLE_MS = 6000;
/**
 * After a quick exit the attract loop stays silent and neutral this long (no title, no topic):
 * the visitor may be watched.
 */
const QUIET_AFTER_EXIT_MS = 60_000;

/**
 * Teacher mode: a class listens to the station together, so the visit waits for the teacher;
 * only this long without a touch ends it (a class that left without ending it).
 */
const TEACHER_IDLE_MS = seconds(20 * 60);

/** A class the teacher guides through the station (counted once, by the staff panel). */
export interface TeacherMode {
  group: string;
  size: number;
  language: LanguageCode;
}

/** Errors this close to a recovery belong to the same incident. */
const SAME_INCIDENT_MS = 1000;

type Screen = 'attract' | 'visit' | 'out-of-order';

/**
 * The info point's attract animation: a person's hand touches a picture on the screen, the
 * picture lights up and speaks (sound waves), in a loop. It shows how to use the station without
 * a word of text; the invitation under it cycles through every offered language.
 */
const infopointDemo = svg`<svg class="demo" viewBox="0 0 320 220" aria-hidden="true">
  <rect x="40" y="20" width="240" height="160" rx="14" fill="none" stroke="currentColor" stroke-width="5"/>
  <rect class="tile t1" x="64" y="44" width="84" height="52" rx="8"/>
  <rect class="tile t2" x="172" y="44" width="84" height="52" rx="8"/>
  <rect class="tile t3" x="64" y="108" width="84" height="52" rx="8"/>
  <rect class="tile t4" x="172" y="108" width="84" height="52" rx="8"/>
  <g class="waves" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round">
    <path d="M268 58a14 14 0 0 1 0 24"/><path d="M280 50a26 26 0 0 1 0 40"/>
  </g>
  <g class="finger" fill="currentColor">
    <circle cx="214" cy="70" r="11"/><rect x="203" y="70" width="22" height="70" rx="10"/>
  </g>
</svg>`;

// The idle machine (and XState with it) is not needed to draw the attract loop: it loads after.
type IdleModule = typeof import('../kiosk/idle-machine.ts');
let idleModule: Promise<IdleModule> | undefined;
const loadIdleModule = (): Promise<IdleModule> => {
  idleModule ??= import('../kiosk/idle-machine.ts').catch((error: unknown) => {
    idleModule = undefined; // try again on the next visit
    throw error;
  });
  return idleModule;
};

@customElement('percorso-app')
export class PercorsoApp extends LitElement {
  static override styles = appStyles;

  @provide({ context: servicesContext }) @property({ attribute: false }) services!: StationServices;
  @property({ attribute: false }) errorLog!: ErrorLog;
  @property({ attribute: false }) updates?: UpdateManager;
  /** The language the station returns to between visits (config default or ?lang=). */
  @property({ attribute: false }) homeLanguage: LanguageCode = 'it';

  @state() private screen: Screen = 'attract';
  @state() private roleTag: string | null = null;
  @state() private visitLanguage: LanguageCode = 'it';
  @state() private attractIndex = 0;
  @state() private warningLeft: number | null = null;
  /** Teacher mode for the current visit, or null for a visitor on their own. */
  @state() private teacher: TeacherMode | null = null;

  private idle?: IdleActor;
  private visitCleanup: (() => void)[] = [];
  private attractTimer?: ReturnType<typeof setInterval>;
  private warningTimer?: ReturnType<typeof setInterval>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  @state() private quiet = false;
  /** The staff panel is open over the station (PIN pad or panel). */
  @state() private staffOpen = false;
  @state() private staffTag: string | null = null;
  @state() private alerting = false;
  private unsubscribeAlerts?: () => void;
  private readonly cornerHold = new CornerHold({
    width: () => this.getBoundingClientRect().width || window.innerWidth,
    onTrigger: () => void this.openStaff(),
  });
  private readonly onCornerPointer = (event: PointerEvent): void => {
    if (event.type === 'pointerup' || event.type === 'pointercancel') {
      // The fingers of the staff gesture lift over the station: that lift is not a visitor's tap.
      if (this.cornerHold.release(event.pointerId)) event.stopPropagation();
    }
    if (this.staffOpen) return;
    if (event.type === 'pointerdown') this.cornerHold.down(event.pointerId, event.clientX, event.clientY);
    else if (event.type === 'pointermove')
      this.cornerHold.move(event.pointerId, event.clientX, event.clientY);
    else this.cornerHold.up(event.pointerId);
  };
  private quietTimer?: ReturnType<typeof setTimeout>;
  private visitSerial = 0;
  private lastRecoveryAt = Number.NEGATIVE_INFINITY;
  private recoveredSerial = -1;

  private get offered(): LanguageCode[] {
    return this.services.config.languages.offered;
  }

  /** The name tests and the watchdog read: the role's screen during a visit. */
  get screenName(): string {
    if (this.screen !== 'visit') return this.screen;
    return ROLES[this.services.config.station.role].screen;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset.role = this.services.config.station.role;
    this.visitLanguage = this.homeLanguage;
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'] as const) {
      this.addEventListener(type, this.onCornerPointer, { capture: true });
    }
    this.unsubscribeAlerts = this.services.alerts?.subscribe((alerts) => {
      this.alerting = alerts.length > 0;
    });
    this.enterAttract();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopVisit();
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'] as const) {
      this.removeEventListener(type, this.onCornerPointer, { capture: true });
    }
    this.cornerHold.reset();
    this.unsubscribeAlerts?.();
    clearInterval(this.attractTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.quietTimer);
  }

  protected override updated(_changed: PropertyValues): void {
    this.dataset.screen = this.screenName;
    this.toggleAttribute('data-quiet', this.quiet && this.screen === 'attract');
    this.toggleAttribute('data-staff', this.staffOpen);
    this.toggleAttribute('data-alert', this.alerting);
    this.toggleAttribute('data-teacher', this.teacher !== null && this.screen === 'visit');
    if (this.screen === 'visit') this.dataset.idle = this.warningLeft === null ? 'watching' : 'warning';
    else delete this.dataset.idle;
  }

  // ── attract loop ────────────────────────────────────────────────────────────

  /** A wall is a projector nobody touches: it shows its visit screen for good, with no idle reset. */
  private get unattended(): boolean {
    return this.services.config.station.role === 'wall';
  }

  private enterAttract(): void {
    if (this.unattended) {
      clearInterval(this.attractTimer);
      void this.startVisit(this.homeLanguage, true);
      return;
    }
    this.screen = 'attract';
    this.attractIndex = Math.max(0, this.offered.indexOf(this.homeLanguage));
    this.setLanguage(this.homeLanguage);
    clearInterval(this.attractTimer);
    this.attractTimer = setInterval(() => this.cycleAttract(), ATTRACT_CYCLE_MS);
    if (shouldApplyUpdate('attract', this.updates?.waiting ?? false)) this.updates?.applyIfWaiting();
  }

  private cycleAttract(): void {
    if (this.screen !== 'attract') return;
    this.attractIndex = (this.attractIndex + 1) % this.offered.length;
    const lang = this.offered[this.attractIndex] ?? this.homeLanguage;
    // Speak the invitation once per full cycle, in the language the cycle starts with.
    if (this.attractIndex === 0 && !this.quiet) {
      void this.services.speaker.say('shell.attract.touch', lang);
    }
    if (shouldApplyUpdate('attract', this.updates?.waiting ?? false)) this.updates?.applyIfWaiting();
  }

  private onAttractPointer(event: Event): void {
    const chosen = (event.composedPath()[0] as HTMLElement | undefined)?.closest?.('[data-lang]');
    const lang = (chosen?.getAttribute('data-lang') ?? this.offered[this.attractIndex]) as LanguageCode;
    void this.startVisit(this.offered.includes(lang) ? lang : this.homeLanguage);
  }

  // ── visits ──────────────────────────────────────────────────────────────────

  private setLanguage(lang: LanguageCode): void {
    this.visitLanguage = lang;
    applyDocumentLanguage(this.ownerDocument, lang);
  }

  async startVisit(lang: LanguageCode, force = false): Promise<void> {
    if (this.screen !== 'attract' && !force) return;
    const serial = ++this.visitSerial;
    clearInterval(this.attractTimer);
    this.services.speaker.stop();
    const [tag, idleModule] = await Promise.all([
      ROLES[this.services.config.station.role].load(),
      loadIdleModule(),
      loadShellStrings(this.services.i18n, [lang]),
    ]);
    if (serial !== this.visitSerial) return;
    this.setLanguage(lang);
    this.roleTag = tag;
    this.screen = 'visit';
    if (!this.unattended) this.watchIdle(idleModule.createIdleActor);
  }

  /** Loads what the first visit needs while the attract loop waits for a touch. */
  preloadVisit(): void {
    // A failure here is retried, and reported, by the visit that needs the module.
    ROLES[this.services.config.station.role].load().catch(() => {});
    loadIdleModule().catch(() => {});
  }

  private watchIdle(createIdleActor: IdleModule['createIdleActor']): void {
    const { idle } = this.services.config;
    const actor = createIdleActor({
      attention: this.teacher ? TEACHER_IDLE_MS : seconds(idle.attentionSeconds),
      warning: seconds(idle.warningSeconds),
      typing: seconds(idle.typingSeconds),
    });
    this.idle = actor;
    const activity = () => actor.send({ type: 'ACTIVITY' });
    const typing = (event: Event) => {
      const target = event.composedPath()[0];
      const inField = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
      actor.send(inField ? { type: 'TYPING', active: true } : { type: 'ACTIVITY' });
    };
    const left = (event: Event) => {
      if (
        event.composedPath()[0] instanceof HTMLInputElement ||
        event.composedPath()[0] instanceof HTMLTextAreaElement
      ) {
        actor.send({ type: 'TYPING', active: false });
      }
    };
    // The reflection station's on-screen keyboard says when the visitor is writing.
    const onScreenTyping = () => actor.send({ type: 'TYPING', active: true });
    this.addEventListener('pointerdown', activity);
    this.addEventListener('keydown', typing);
    this.addEventListener('pc-typing', onScreenTyping);
    this.addEventListener('focusout', left);
    const unsubscribe = this.services.speaker.subscribe((lineId) => {
      // The shell's own "still there?" must not hold the clock it is counting down.
      if (lineId?.startsWith('shell.idle.')) return;
      actor.send(lineId ? { type: 'HOLD', reason: 'narration' } : { type: 'RELEASE', reason: 'narration' });
    });
    const subs = [
      actor.on('warning', (event) => this.showWarning(event.duration)),
      actor.on('resumed', () => this.hideWarning()),
      actor.on('reset', () => this.endVisit('idle')),
    ];
    this.visitCleanup = [
      () => this.removeEventListener('pointerdown', activity),
      () => this.removeEventListener('keydown', typing),
      () => this.removeEventListener('pc-typing', onScreenTyping),
      () => this.removeEventListener('focusout', left),
      unsubscribe,
      ...subs.map((s) => () => s.unsubscribe()),
      () => actor.stop(),
    ];
    actor.start();
    if (this.services.speaker.current) actor.send({ type: 'HOLD', reason: 'narration' });
  }

  private showWarning(durationMs: number): void {
    const endsAt = Date.now() + durationMs;
    this.warningLeft = Math.ceil(durationMs / 1000);
    clearInterval(this.warningTimer);
    this.warningTimer = setInterval(() => {
      this.warningLeft = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    }, 250);
    const lang = this.visitLanguage;
    void this.services.speaker.say('shell.idle.stillThere', lang).then(async () => {
      if (this.warningLeft !== null) await this.services.speaker.say('shell.idle.touchToContinue', lang);
    });
  }

  private hideWarning(): void {
    clearInterval(this.warningTimer);
    if (this.warningLeft !== null && this.services.speaker.current?.startsWith('shell.idle.')) {
      this.services.speaker.stop();
    }
    this.warningLeft = null;
  }

  private stopVisit(): void {
    this.hideWarning();
    for (const cleanup of this.visitCleanup.splice(0)) cleanup();
    this.idle = undefined;
  }

  /** Ends the visit: every piece of visitor state goes with the role element. */
  endVisit(reason: 'idle' | 'finished' | 'quick-exit' | 'error'): void {
    this.visitSerial++;
    this.stopVisit();
    this.services.speaker.stop();
    this.roleTag = null;
    this.teacher = null;
    if (reason === 'quick-exit') {
      this.quiet = true;
      clearTimeout(this.quietTimer);
      this.quietTimer = setTimeout(() => {
        this.quiet = false;
      }, QUIET_AFTER_EXIT_MS);
    }
    if (this.screen !== 'out-of-order') this.enterAttract();
  }

  /** A role let the visitor change language (the info point): the page follows (lang, dir). */
  private onVisitLanguage(event: CustomEvent<{ language: LanguageCode }>): void {
    if (this.screen === 'visit') this.setLanguage(event.detail.language);
  }

  private onVisitEnd(event: VisitEndEvent): void {
    event.stopPropagation();
    this.endVisit(event.detail.reason);
  }

  // ── staff panel ─────────────────────────────────────────────────────────────

  /** Opens the staff panel (PIN first) over whatever the station shows. */
  async openStaff(): Promise<void> {
    if (this.staffOpen) return;
    this.staffOpen = true;
    try {
      await import('../staff/staff-panel.ts');
      this.staffTag = 'percorso-staff';
    } catch (error) {
      this.staffOpen = false;
      throw error;
    }
  }

  private onStaffClose(): void {
    this.staffOpen = false;
    this.staffTag = null;
  }

  /** Staff started teacher mode (the class is already counted): a guided visit from the start. */
  private onTeacherStart(event: CustomEvent<TeacherMode>): void {
    event.stopPropagation();
    if (this.services.config.station.role !== 'journey' || this.screen === 'out-of-order') return;
    this.onStaffClose();
    if (this.screen === 'visit') this.endVisit('finished');
    this.teacher = event.detail;
    void this.startVisit(
      this.offered.includes(event.detail.language) ? event.detail.language : this.homeLanguage,
    );
  }

  // ── errors ──────────────────────────────────────────────────────────────────

  /** Called by the boot's error boundary: log, then back to the attract loop or out of order. */
  recover(kind: ErrorEntry['kind'], thrown: unknown): void {
    this.errorLog.append({ kind, ...describeThrown(thrown), screen: this.screenName });
    if (kind === 'csp') return;
    // A failing element often throws again while it is being torn down: one incident, one crash.
    const now = performance.now();
    if (this.visitSerial === this.recoveredSerial && now - this.lastRecoveryAt < SAME_INCIDENT_MS) return;
    this.lastRecoveryAt = now;
    const { crashLoop } = this.errorLog.recordCrash();
    if (crashLoop) {
      this.endVisit('error');
      this.screen = 'out-of-order';
      clearInterval(this.attractTimer);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.errorLog.clearCrashes();
        this.enterAttract();
      }, OUT_OF_ORDER_RETRY_MS);
      if (shouldApplyUpdate('out-of-order', this.updates?.waiting ?? false)) this.updates?.applyIfWaiting();
      this.recoveredSerial = this.visitSerial;
      return;
    }
    if (this.screen === 'visit') this.endVisit('error');
    this.recoveredSerial = this.visitSerial;
  }

  // ── rendering ───────────────────────────────────────────────────────────────

  private renderAttract() {
    const { installation } = this.services.config;
    const lang = this.offered[this.attractIndex] ?? this.homeLanguage;
    const t = this.services.i18n.getFixedT(lang);
    const home = this.services.i18n.getFixedT(this.homeLanguage);
    return html`
      <section class="attract" @pointerup=${this.onAttractPointer} aria-label=${t('attract.touch')}>
        <div class="loop" aria-hidden="true"><span></span><span></span><span></span></div>
        ${installation === 'infopoint' ? infopointDemo : nothing}
        ${
          this.quiet
            ? nothing
            : html`<div class="title">
                <h1>${home(`attract.title.${installation}`)}</h1>
                <p class="subtitle" lang=${lang} dir=${LANGUAGES[lang].dir}>${t(`attract.subtitle.${installation}`)}</p>
              </div>`
        }
        <p class="invite" lang=${lang} dir=${LANGUAGES[lang].dir}>
          <span class="icon">${icons.hand}</span><span>${t('attract.touch')}</span>
        </p>
        ${
          this.offered.length > 1
            ? html`<div class="languages" role="group">
              ${this.offered.map(
                (code) => html`<button type="button" data-lang=${code} lang=${code} dir=${LANGUAGES[code].dir}
                  aria-current=${code === lang ? 'true' : 'false'}>${LANGUAGES[code].nativeName}</button>`,
              )}
            </div>`
            : nothing
        }
      </section>
    `;
  }

  private renderVisit() {
    if (!this.roleTag) return nothing;
    const tag = unsafeStatic(this.roleTag); // a tag name from the role registry, never visitor text
    const t = this.services.i18n.getFixedT(this.visitLanguage);
    return html`
      <div class="visit" @pc-visit-end=${this.onVisitEnd} @pc-language=${this.onVisitLanguage}>
        ${staticHtml`<${tag} .language=${this.visitLanguage} ?guided=${this.teacher !== null}></${tag}>`}
      </div>
      ${
        this.teacher
          ? html`<p class="teacher-mark" aria-label=${`${this.teacher.group || 'Classe'}: ${this.teacher.size}`}>
              <span class="icon" aria-hidden="true">${icons.people}</span>
              <span>${this.teacher.group || '—'} · ${this.teacher.size}</span>
            </p>`
          : nothing
      }
      ${
        this.warningLeft !== null
          ? html`<div class="warning" role="alertdialog" aria-live="assertive">
            <strong>${t('idle.stillThere')}</strong>
            <span>${t('idle.touchToContinue')}</span>
            <span class="count">${t('idle.resetIn', { count: this.warningLeft })}</span>
          </div>`
          : nothing
      }
    `;
  }

  private renderOutOfOrder() {
    const t = this.services.i18n.getFixedT(this.homeLanguage);
    return html`<section class="calm"><h1>${t('outOfOrder.title')}</h1><p>${t('outOfOrder.body')}</p></section>`;
  }

  private renderScreen() {
    switch (this.screen) {
      case 'attract':
        return this.renderAttract();
      case 'visit':
        return this.renderVisit();
      case 'out-of-order':
        return this.renderOutOfOrder();
    }
  }

  override render() {
    return html`${this.renderScreen()}
      ${this.alerting ? html`<span class="staff-mark" aria-hidden="true"></span>` : nothing}
      ${
        this.staffOpen && this.staffTag
          ? html`<percorso-staff @pc-staff-close=${this.onStaffClose} @pc-teacher-start=${this.onTeacherStart}></percorso-staff>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-app': PercorsoApp;
  }
}
