/**
 * @summary The reflection station: the prompt is spoken and shown; the visitor writes (on-screen
 * keyboard for their script, or a physical one) and/or picks feeling pictograms, then sends. No
 * name, no contact, no photo; 280 characters at most. The reflection is screened (word lists,
 * possible disclosure) and stored: pending for staff, or private when it reads like a disclosure.
 * Thanks appear only after the save resolves, and never claim "saved" when it failed; a possible
 * disclosure is answered with a warm offer of the helpline. Visitor text is only ever bound as text.
 * @event pc-visit-end - the visitor is done (finished: after the thanks) or left (quick-exit)
 * @event pc-typing - the visitor typed on the on-screen keyboard (the shell may treat it as typing)
 */
import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { SimpleKeyboard } from 'simple-keyboard';
import { type StationServices, servicesContext } from '../app/context.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import { screenReflection } from '../moderation/screening.ts';
import { openRecordsChannel } from '../records/broadcast.ts';
import { MAX_REFLECTION_CHARS } from '../records/reflection.ts';
import '../ui/big-button.ts';
import { icons } from '../ui/icons.ts';
import { feelingIcons } from './feeling-icons.ts';
import { type Armed, isSecondTouch } from './journey-support.ts';
import { reflectionStyles } from './reflection-station.styles.ts';
import {
  applyKey,
  clampReflection,
  FEELINGS,
  type FeelingId,
  HELPLINE_NUMBER,
  type KeyboardLayout,
  keyboardLayouts,
  splitHelpline,
  toggleFeeling,
} from './reflection-support.ts';

/** After this long without an answer from storage the visitor is thanked anyway. */
const SAVE_PATIENCE_MS = 12_000;
/** How long the thanks stay after they were spoken; longer when the helpline is offered. */
const THANKS_LINGER_MS = 8000;
const HELPLINE_LINGER_MS = 30_000;
/** Touches right after the thanks appear are the tail of the sending touch, not "I'm done". */
const THANKS_GRACE_MS = 1500;

type Screen = 'compose' | 'saving' | 'thanks';
interface Outcome {
  saved: boolean;
  disclosure: boolean;
}

@customElement('percorso-reflection')
export class ReflectionStation extends LitElement {
  static override styles = reflectionStyles;

  @consume({ context: servicesContext }) @property({ attribute: false }) services?: StationServices;
  @property() language: LanguageCode = 'it';

  @state() private screen: Screen = 'compose';
  @state() private text = '';
  @state() private picked: FeelingId[] = [];
  @state() private armed: Armed | null = null;
  @state() private speaking: string | null = null;
  @state() private layoutIndex = 0;
  @state() private shifted = false;
  @state() private outcome: Outcome | null = null;

  @query('textarea') private field?: HTMLTextAreaElement;
  @query('.keyboard') private keyboardHost?: HTMLDivElement;

  private keyboard?: SimpleKeyboard;
  /** Which layout (and shift state) the keyboard shows, to redraw it only when that changes. */
  private mountedLayout = '';
  private layouts: KeyboardLayout[] = [];
  private unsubscribe?: () => void;
  private endTimer?: ReturnType<typeof setTimeout>;
  private thanksShownAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services?.speaker.subscribe((id) => {
      this.speaking = id;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    clearTimeout(this.endTimer);
    this.keyboard?.destroy();
    this.keyboard = undefined;
  }

  protected override firstUpdated(): void {
    const speaker = this.services?.speaker;
    speaker?.warm?.(
      ['shell.reflection.sendConfirm', ...FEELINGS.map((f) => `shell.reflection.feeling.${f}`)],
      this.language,
    );
    void speaker?.say('shell.reflection.prompt', this.language);
    // The word lists are compiled on first use: do it now, not when the visitor presses "send".
    const warm = () => screenReflection('…', this.language);
    if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 3000 });
    else setTimeout(warm, 500);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('language') || this.layouts.length === 0) {
      this.layouts = keyboardLayouts(this.language);
      this.layoutIndex = 0;
    }
  }

  protected override updated(): void {
    if (this.screen === 'compose') this.mountKeyboard();
    else if (this.keyboard) {
      this.keyboard.destroy();
      this.keyboard = undefined;
    }
  }

  // ── keyboard ────────────────────────────────────────────────────────────────

  private get layout(): KeyboardLayout | undefined {
    return this.layouts[this.layoutIndex % Math.max(1, this.layouts.length)];
  }

  private mountKeyboard(): void {
    const host = this.keyboardHost;
    const layout = this.layout;
    if (!host || !layout) return;
    const layoutName = this.shifted && layout.layout.shift ? 'shift' : 'default';
    const mounted = `${layout.id}:${layoutName}`;
    if (this.keyboard && this.keyboard.keyboardDOM === host) {
      if (this.mountedLayout !== mounted) this.keyboard.setOptions({ layout: layout.layout, layoutName });
      this.mountedLayout = mounted;
      return;
    }
    this.mountedLayout = mounted;
    this.keyboard?.destroy();
    this.keyboard = new SimpleKeyboard(host, {
      layout: layout.layout,
      layoutName,
      theme: 'pc-keys',
      display: { '{bksp}': '⌫', '{shift}': '⇧', '{space}': '␣' },
      useButtonTag: true,
      // The textarea keeps the focus and its caret; this station applies every key itself.
      preventMouseDownDefault: true,
      disableCaretPositioning: true,
      onKeyPress: (button: string) => this.onKey(button),
    });
  }

  private onKey(key: string): void {
    if (key === '{shift}') {
      this.shifted = !this.shifted;
      return;
    }
    const field = this.field;
    const start = field && this.hasFocus(field) ? field.selectionStart : this.text.length;
    const end = field && this.hasFocus(field) ? field.selectionEnd : this.text.length;
    const edit = applyKey(this.text, start, end, key, MAX_REFLECTION_CHARS);
    if (edit.limited) {
      void this.services?.speaker.say('shell.reflection.limit', this.language);
      return;
    }
    this.text = edit.text;
    if (this.shifted && !key.startsWith('{')) this.shifted = false; // one capital, then back
    this.dispatchEvent(new CustomEvent('pc-typing', { bubbles: true, composed: true }));
    void this.updateComplete.then(() => {
      if (!field) return;
      field.focus({ preventScroll: true });
      field.setSelectionRange(edit.caret, edit.caret);
    });
  }

  private hasFocus(field: HTMLTextAreaElement): boolean {
    return this.shadowRoot?.activeElement === field;
  }

  private onInput(event: InputEvent): void {
    const field = event.target as HTMLTextAreaElement;
    const text = clampReflection(field.value);
    if (text !== field.value) field.value = text;
    this.text = text;
  }

  // ── controls ────────────────────────────────────────────────────────────────

  /** First touch: speak; second touch (same control, soon after): act. */
  private touch(key: string, speak: () => void, act: () => void): void {
    const now = performance.now();
    if (isSecondTouch(this.armed, key, now)) {
      this.armed = null;
      act();
      return;
    }
    this.armed = { key, at: now };
    speak();
  }

  /** A feeling speaks its word on the first touch and is picked on the second; a picked one unpicks. */
  private onFeeling(feeling: FeelingId): void {
    if (this.picked.includes(feeling)) {
      this.armed = null;
      this.picked = toggleFeeling(this.picked, feeling);
      return;
    }
    this.touch(
      `feeling:${feeling}`,
      () => void this.services?.speaker.say(`shell.reflection.feeling.${feeling}`, this.language),
      () => {
        this.picked = toggleFeeling(this.picked, feeling);
      },
    );
  }

  private onPress(event: CustomEvent<{ name: string }>): void {
    const speaker = this.services?.speaker;
    switch (event.detail.name) {
      case 'replay':
        void speaker?.say(this.replayLine(), this.language).then(() => this.afterReplay());
        return;
      case 'exit':
        speaker?.stop();
        this.end('quick-exit');
        return;
      case 'layout':
        this.layoutIndex = (this.layoutIndex + 1) % Math.max(1, this.layouts.length);
        this.shifted = false;
        void speaker?.say('shell.reflection.keyboard', this.language);
        return;
      case 'send':
        if (!this.text.trim() && this.picked.length === 0) {
          this.armed = null;
          void speaker?.say('shell.reflection.empty', this.language);
          return;
        }
        this.touch(
          'send',
          () => void speaker?.say('shell.reflection.sendConfirm', this.language),
          () => void this.send(),
        );
        return;
      case 'done':
        this.end('finished');
        return;
    }
  }

  private replayLine(): string {
    if (this.screen !== 'thanks' || !this.outcome) return 'shell.reflection.prompt';
    return this.thanksLine(this.outcome);
  }

  private afterReplay(): void {
    if (this.screen === 'thanks' && this.outcome?.disclosure && this.services?.speaker.current === null) {
      void this.services.speaker.say('shell.reflection.helpline', this.language);
    }
  }

  // ── sending ─────────────────────────────────────────────────────────────────

  private async send(): Promise<void> {
    const services = this.services;
    if (!services || this.screen !== 'compose') return;
    const text = clampReflection(this.text.trim());
    const pictograms = [...this.picked];
    this.screen = 'saving';
    services.speaker.stop();
    const screening = screenReflection(text, this.language);
    const save = (async () => {
      const records = await services.records();
      const record = await records.addReflection({
        language: this.language,
        text,
        pictograms,
        status: screening.disclosure ? 'private' : 'pending',
        flags: screening.flags,
        disclosure: screening.disclosure,
      });
      // Other pages of this device (the staff panel) hear of it; the message carries no text.
      const channel = openRecordsChannel();
      channel.post({ type: 'reflection-added', id: record.id });
      channel.close();
      return true;
    })();
    // Storage that fails or never answers must not leave the visitor waiting: thank them anyway
    // (staff are alerted by the records service), but only say "saved" after the commit.
    let patience: ReturnType<typeof setTimeout> | undefined;
    const saved = await Promise.race([
      save.catch(() => false),
      new Promise<boolean>((resolve) => {
        patience = setTimeout(() => resolve(false), SAVE_PATIENCE_MS);
      }),
    ]);
    clearTimeout(patience);
    if (!this.isConnected) return;
    this.outcome = { saved, disclosure: screening.disclosure };
    this.screen = 'thanks';
    this.thanksShownAt = performance.now();
    await this.updateComplete;
    await this.thank(this.outcome);
  }

  private thanksLine(outcome: Outcome): string {
    if (!outcome.saved) return 'shell.reflection.thanksUnsaved';
    return outcome.disclosure ? 'shell.reflection.thanksPrivate' : 'shell.reflection.thanks';
  }

  private async thank(outcome: Outcome): Promise<void> {
    const speaker = this.services?.speaker;
    await speaker?.say(this.thanksLine(outcome), this.language);
    if (outcome.disclosure && this.screen === 'thanks') {
      await speaker?.say('shell.reflection.helpline', this.language);
    }
    if (!this.isConnected) return;
    clearTimeout(this.endTimer);
    this.endTimer = setTimeout(
      () => this.end('finished'),
      outcome.disclosure ? HELPLINE_LINGER_MS : THANKS_LINGER_MS,
    );
  }

  /** A touch anywhere on the thanks (not on a control) ends the visit. */
  private onThanksTouch(event: PointerEvent): void {
    if (performance.now() - this.thanksShownAt < THANKS_GRACE_MS) return;
    const control = event
      .composedPath()
      .some((node) => node instanceof HTMLElement && node.localName === 'pc-big-button');
    if (!control) this.end('finished');
  }

  private end(reason: 'finished' | 'quick-exit'): void {
    clearTimeout(this.endTimer);
    this.dispatchEvent(
      new CustomEvent('pc-visit-end', { detail: { reason }, bubbles: true, composed: true }),
    );
  }

  // ── rendering ───────────────────────────────────────────────────────────────

  private renderFeelings(t: (key: string) => string) {
    return html`<div class="feelings" role="group" aria-label=${t('reflection.feelings')}>
      ${FEELINGS.map(
        (feeling) => html`<button type="button" class="feeling" data-feeling=${feeling}
          aria-pressed=${this.picked.includes(feeling) ? 'true' : 'false'}
          ?data-armed=${this.armed?.key === `feeling:${feeling}`}
          @click=${() => this.onFeeling(feeling)}>
          <span class="icon">${feelingIcons[feeling]}</span><span>${t(`reflection.feeling.${feeling}`)}</span>
        </button>`,
      )}
    </div>`;
  }

  private renderCompose(t: (key: string, options?: Record<string, unknown>) => string) {
    const layout = this.layout;
    const next = this.layouts[(this.layoutIndex + 1) % Math.max(1, this.layouts.length)];
    const count = this.text.length;
    return html`
      <main class="reflection" data-view="compose" @pc-press=${this.onPress}>
        <header class="top">
          <p class="caption" ?data-speaking=${this.speaking === 'shell.reflection.prompt'}>${t('reflection.prompt')}</p>
          <nav class="corner">
            <pc-big-button name="replay" icon="replay" .label=${t('visit.replay')}
              ?speaking=${this.speaking === 'shell.reflection.prompt'}></pc-big-button>
            <pc-big-button name="exit" icon="exit" class="exit" .label=${t('visit.exit')}></pc-big-button>
          </nav>
        </header>
        <section class="compose">
          <div class="field">
            <textarea rows="4" maxlength=${MAX_REFLECTION_CHARS} dir="auto" inputmode="none" autocomplete="off"
              autocorrect="off" autocapitalize="sentences" spellcheck="false"
              aria-label=${t('reflection.placeholder')} placeholder=${t('reflection.placeholder')}
              .value=${live(this.text)} @input=${this.onInput}></textarea>
            <span class="counter" dir="ltr" ?data-full=${count >= MAX_REFLECTION_CHARS}
              aria-label=${t('reflection.counter', { n: count, max: MAX_REFLECTION_CHARS })}>${count}/${MAX_REFLECTION_CHARS}</span>
          </div>
          ${this.renderFeelings(t)}
        </section>
        <section class="keys">
          <div class="keyboard pc-keyboard" lang=${layout?.lang ?? this.language} dir=${layout?.dir ?? 'ltr'}
            ?data-shift=${this.shifted} data-layout=${layout?.id ?? 'latin'}></div>
          <div class="side">
            ${
              this.layouts.length > 1
                ? html`<pc-big-button name="layout" icon="speak" class="layout"
                    .label=${`${t('reflection.keyboard')}: ${next?.name ?? ''}`}></pc-big-button>`
                : nothing
            }
            <pc-big-button name="send" icon="yes" class="send" .label=${t('reflection.send')}
              ?data-armed=${this.armed?.key === 'send'}
              ?speaking=${this.speaking === 'shell.reflection.sendConfirm'}></pc-big-button>
          </div>
        </section>
      </main>
    `;
  }

  private renderAfter(t: (key: string) => string) {
    const outcome = this.outcome;
    if (this.screen === 'saving' || !outcome) {
      return html`<main class="after" data-view="saving" aria-busy="true" @pc-press=${this.onPress}>
        <p class="caption">${t('journey.loading')}</p>
        <pc-big-button name="exit" icon="exit" class="exit exit-corner" .label=${t('visit.exit')}></pc-big-button>
      </main>`;
    }
    const line = this.thanksLine(outcome);
    const helpline = splitHelpline(t('reflection.helpline'));
    return html`
      <main class="after" data-view="thanks" data-saved=${outcome.saved ? 'yes' : 'no'}
        data-disclosure=${outcome.disclosure ? 'yes' : 'no'} @pc-press=${this.onPress} @pointerup=${this.onThanksTouch}>
        <span class="mark" aria-hidden="true">${icons.heart}</span>
        <p class="caption thanks" ?data-speaking=${this.speaking === line}>${t(line.slice('shell.'.length))}</p>
        ${
          outcome.disclosure
            ? html`<p class="helpline" role="note" ?data-speaking=${this.speaking === 'shell.reflection.helpline'}>
                ${helpline.before}<bdi class="number" dir="ltr" lang="en">${helpline.number || HELPLINE_NUMBER}</bdi>${helpline.after}
              </p>`
            : nothing
        }
        <nav class="controls">
          <pc-big-button name="replay" icon="replay" .label=${t('visit.replay')}
            ?speaking=${this.speaking === line}></pc-big-button>
          <pc-big-button name="done" icon="yes" .label=${t('journey.done')}></pc-big-button>
        </nav>
        <pc-big-button name="exit" icon="exit" class="exit exit-corner" .label=${t('visit.exit')}></pc-big-button>
      </main>
    `;
  }

  override render() {
    const services = this.services;
    if (!services) return nothing;
    const t = services.i18n.getFixedT(this.language) as unknown as (
      key: string,
      options?: Record<string, unknown>,
    ) => string;
    return this.screen === 'compose' ? this.renderCompose(t) : this.renderAfter(t);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-reflection': ReflectionStation;
  }
  interface HTMLElementEventMap {
    'pc-typing': CustomEvent<undefined>;
  }
}
