/**
 * @summary The journey station: runs one compiled journey for one visitor. Renders the current
 * step (captions, big picture choices that speak on the first touch and act on the second, a
 * content note's continue/leave, the reflection hand-off), with replay, pause and a quick exit on
 * every screen. Talks to sound, the 3D stage and analytics only through their interfaces.
 * @event pc-visit-end - the journey is over (finished), or the visitor left (quick-exit)
 * @event stage-ready - a scene's first frame is drawn; detail: the scene request
 */
import { consume } from '@lit/context';
import { LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createActor } from 'xstate';
import type { VisitAnalytics } from '../app/analytics.ts';
import { type StationServices, servicesContext } from '../app/context.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import { lineText, loadContentStrings } from '../i18n/content.ts';
import type { CompiledJourney, JourneyContext, StepMeta } from '../journeys/compiled.ts';
import {
  createJourneyMachine,
  type JourneyActor,
  type JourneyAnalytics,
  type SceneRequest as JourneySceneRequest,
  stepReader,
} from '../journeys/machine.ts';
import type { Stage } from '../stage/stage.ts';
import '../ui/big-button.ts';
import { journeyStationStyles } from './journey-station.styles.ts';
import { type Armed, isSecondTouch, pickJourney, readingTimeMs } from './journey-support.ts';
import { journeyTemplate } from './journey-view.ts';

type Ending = 'finished' | 'quick-exit';

/** Guided, a step's own wait (narration failsafe, choice timeout) is held this long: a lesson. */
const GUIDED_HOLD_MS = 2 * 60 * 60_000;

@customElement('percorso-journey')
export class JourneyStation extends LitElement {
  static override styles = journeyStationStyles;

  @consume({ context: servicesContext }) @property({ attribute: false }) services?: StationServices;
  @property() language: LanguageCode = 'it';
  /** Which journey to run; default: the kiosk config's `station.journey`, else the first. */
  @property({ attribute: false }) journeyId?: string;
  /**
   * Inside another role (the info point's topics): the end of the journey is `pc-journey-end`
   * for that role to handle, not the end of the visit; the quick exit still ends the visit.
   */
  @property({ type: Boolean, reflect: true }) embedded = false;
  /**
   * Teacher mode (a class listening together): nothing moves on by itself. Each line, once
   * spoken, waits for the teacher's "continue"; choices wait for the class to decide.
   */
  @property({ type: Boolean, reflect: true }) guided = false;

  @state() private step: StepMeta | null = null;
  @state() private context: JourneyContext | null = null;
  @state() private paused = false;
  @state() private speaking: string | null = null;
  @state() private armed: Armed | null = null;
  @state() private failed = false;
  /** Guided: the line spoken and waiting for the teacher to move on. */
  @state() private waitingLine: string | null = null;

  private journey?: CompiledJourney;
  /** Scene id → the ambience bed that loops under it (scenes.yaml). */
  private ambienceOf: Readonly<Record<string, string>> = {};
  private actor?: JourneyActor;
  private stage?: Stage;
  private saySerial = 0;
  private ended = false;
  private readonly cleanup: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start().catch((error: unknown) => {
      this.failed = true;
      // The shell's error boundary logs it and returns the station to the attract loop.
      reportError(error);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const actor = this.actor;
    if (actor && actor.getSnapshot().status === 'active' && !this.ended) {
      this.track({ name: 'abandoned', step: this.step?.step ?? null, reason: 'left the station' });
    }
    this.ended = true;
    this.saySerial++;
    actor?.stop();
    this.actor = undefined;
    this.services?.speaker.stop();
    this.services?.speaker.ambience?.(null);
    this.stage?.clear();
    this.stage?.element.remove();
    for (const undo of this.cleanup.splice(0)) undo();
  }

  private async start(): Promise<void> {
    const services = this.services;
    if (!services) return;
    const { config, i18n } = services;
    const { default: loaders } = await import('virtual:percorso-journeys');
    const load = loaders[config.installation];
    if (!load) throw new Error(`no journeys for installation ${config.installation}`);
    const installation = (await load()).default;
    const journey = pickJourney(installation, this.journeyId ?? config.station.journey);
    // three.js loads only for journeys that show scenes (the info point's topics show none).
    const [stageModule] = await Promise.all([
      journey.scenes.length > 0 ? import('../stage/three-stage.ts') : undefined,
      loadContentStrings(i18n, config.installation, journey.lines, this.language),
    ]);
    if (!this.isConnected || this.ended) return;
    this.journey = journey;
    this.ambienceOf = installation.ambience;
    if (stageModule)
      this.attachStage(stageModule.sharedStage(this.ownerDocument, { tier: config.stage.tier }));
    this.startActor(journey);
  }

  private attachStage(stage: Stage): void {
    this.stage = stage;
    // One stage for the app's lifetime: its counters stay readable after this visit.
    if (this.services) this.services.stageStats = () => stage.stats();
    const onReady = (event: Event) => {
      this.dataset.stageReady = (event as CustomEvent<{ scene: string }>).detail.scene;
      this.dispatchEvent(
        new CustomEvent('stage-ready', {
          detail: (event as CustomEvent).detail,
          bubbles: true,
          composed: true,
        }),
      );
    };
    // The GPU dropped its context: this visit cannot show its places any more. The shell's error
    // boundary logs it for staff and returns to the attract loop; the stage waits for the context
    // to come back (or reloads the page) before the next visit shows a scene.
    const onLost = () => reportError(new Error('the 3D stage lost its WebGL context (GPU reset)'));
    stage.addEventListener('stage-ready', onReady);
    stage.addEventListener('stage-lost', onLost);
    this.cleanup.push(() => {
      stage.removeEventListener('stage-ready', onReady);
      stage.removeEventListener('stage-lost', onLost);
    });
  }

  private startActor(journey: CompiledJourney): void {
    const services = this.services;
    if (!services) return;
    const { speaker } = services;
    this.cleanup.push(
      speaker.subscribe((id) => {
        this.speaking = id;
      }),
    );

    const machine = createJourneyMachine(journey).provide({
      // Guided, a step waits for the teacher instead of timing out; authored pauses still run.
      ...(this.guided ? { delays: { wait: GUIDED_HOLD_MS } } : {}),
      actions: {
        say: (_, params) => void this.say(params.line),
        showScene: (_, params) => this.showScene(params),
        silence: () => {
          this.saySerial++;
          speaker.stop();
        },
      },
    });
    const actor = createActor(machine);
    const readStep = stepReader(journey);
    this.actor = actor;
    actor.on('analytics', ({ type: _type, ...event }) => this.track(event as JourneyAnalytics));
    actor.subscribe({
      next: (snapshot) => {
        this.step = readStep(snapshot);
        this.context = snapshot.context;
        this.paused = snapshot.value === 'paused';
        if (snapshot.status === 'done') this.finish(snapshot.value === 'left' ? 'quick-exit' : 'finished');
      },
      error: (error) => reportError(error),
    });
    this.track({ name: 'start' });
    actor.start();
  }

  private track(
    event: JourneyAnalytics | { name: 'start' } | { name: 'abandoned'; step: string | null; reason: string },
  ): void {
    const services = this.services;
    if (!services || !this.journey) return;
    services.analytics.track({
      ...event,
      installation: services.config.installation,
      journey: this.journey.id,
      language: this.language,
      at: Date.now(),
    } as VisitAnalytics);
  }

  /** Speaks a line; tells the journey when it ended, but never before the caption could be read. */
  private async say(line: string): Promise<void> {
    const services = this.services;
    if (!services) return;
    const serial = ++this.saySerial;
    const started = performance.now();
    await services.speaker.say(line, this.language);
    if (serial !== this.saySerial) return;
    const rest = readingTimeMs(this.text(line)) - (performance.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    if (serial !== this.saySerial) return;
    if (this.guided && this.expectsNarrationEnd(line)) {
      this.waitingLine = line; // the teacher moves the class on
      return;
    }
    this.actor?.send({ type: 'NARRATION_END', line });
  }

  /** Whether the current step moves on when `line` ends (narration, a reflection hand-off). */
  private expectsNarrationEnd(line: string): boolean {
    const step = this.step;
    return (
      step !== null &&
      'line' in step &&
      step.line === line &&
      (step.kind === 'narrate' || (step.kind === 'reflect' && step.mode === 'handoff'))
    );
  }

  private showScene(request: JourneySceneRequest): void {
    const installation = this.services?.config.installation;
    if (!this.stage || !installation) return;
    // The place is heard as well as seen: its bed fades in (a new place cross-fades).
    this.services?.speaker.ambience?.(this.ambienceOf[request.scene] ?? null);
    // A scene that fails to load leaves the previous one (or the plain background): the story goes on.
    this.stage
      .show({ scene: `${installation}/${request.scene}`, state: request.state, camera: request.camera })
      .catch((error: unknown) => console.error('stage', error));
  }

  private finish(how: Ending): void {
    if (this.ended) return;
    this.ended = true;
    const type = this.embedded && how === 'finished' ? 'pc-journey-end' : 'pc-visit-end';
    this.dispatchEvent(new CustomEvent(type, { detail: { reason: how }, bubbles: true, composed: true }));
  }

  private text(line: string): string {
    const services = this.services;
    return services ? lineText(services.i18n, services.config.installation, this.language, line) : '';
  }

  protected override updated(): void {
    // The stage's element outlives this station (one renderer per app): placed, not rendered.
    if (this.stage && this.stage.element.parentNode !== this.renderRoot)
      this.renderRoot.prepend(this.stage.element);
  }

  private onPress(event: CustomEvent<{ name: string }>): void {
    const actor = this.actor;
    const speaker = this.services?.speaker;
    if (!actor || !speaker) return;
    const [kind, key = ''] = event.detail.name.split(':');
    if (kind !== 'advance') this.waitingLine = null;
    switch (kind) {
      case 'advance': {
        // The teacher's single touch: the class heard the line, move on together.
        const line = this.waitingLine;
        this.waitingLine = null;
        if (line) actor.send({ type: 'NARRATION_END', line });
        return;
      }
      case 'exit':
        this.saySerial++;
        speaker.stop();
        this.track({ name: 'abandoned', step: this.step?.step ?? null, reason: 'quick exit' });
        this.finish('quick-exit');
        return;
      case 'replay':
        actor.send({ type: 'REPLAY' });
        return;
      case 'pause':
        actor.send({ type: this.paused ? 'RESUME' : 'PAUSE' });
        return;
      case 'option':
      case 'continue':
      case 'leave':
      case 'done':
        this.speakThenAct(kind, key);
    }
  }

  /** First touch speaks the control's label; a second touch on it acts (field notes: no silent tap). */
  private speakThenAct(kind: string, key: string): void {
    const actor = this.actor;
    const id = `${kind}:${key}`;
    const now = performance.now();
    if (isSecondTouch(this.armed, id, now)) {
      this.armed = null;
      this.saySerial++;
      this.services?.speaker.stop();
      if (kind === 'option') actor?.send({ type: 'CHOOSE', key });
      else if (kind === 'leave') actor?.send({ type: 'LEAVE' });
      else actor?.send({ type: 'CONTINUE' });
      return;
    }
    this.armed = { key: id, at: now };
    this.saySerial++; // the line being spoken no longer drives the journey; the touch does
    const label =
      kind === 'option'
        ? (this.step?.kind === 'choose' && this.step.options.find((o) => o.key === key)?.label) || ''
        : `shell.journey.${kind === 'done' ? 'done' : kind}`;
    void this.services?.speaker.say(label, this.language);
  }

  private currentLine(): string | null {
    return this.step && 'line' in this.step ? this.step.line : null;
  }

  override render() {
    const services = this.services;
    if (!services) return nothing;
    return journeyTemplate({
      t: services.i18n.getFixedT(this.language) as unknown as (key: string) => string,
      text: (id) => this.text(id),
      step: this.step,
      paused: this.paused,
      helpline: this.context?.helpline ?? false,
      speaking: this.speaking,
      armed: this.armed?.key ?? null,
      failed: this.failed,
      advance: this.waitingLine !== null && this.waitingLine === this.currentLine(),
      onPress: (event) => this.onPress(event),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-journey': JourneyStation;
  }
}
