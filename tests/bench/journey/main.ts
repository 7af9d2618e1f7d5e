// journey-transition-ratio, in the page: one journey transition (event → the machine's new
// snapshot → the station's screen rendered by lit, styled and laid out) against the same render of
// the same steps with no machine. Both sides render the station's own template and styles
// (src/stations/journey-view.ts, journey-station.styles.ts).

import loaders from 'virtual:percorso-journeys';
import { LitElement } from 'lit';
import { createActor } from 'xstate';
import type { StepMeta } from '../../../src/journeys/compiled.ts';
import { createJourneyMachine, type JourneyEvent, stepReader } from '../../../src/journeys/machine.ts';
import { mainPath } from '../../../src/journeys/paths.ts';
import { journeyStationStyles } from '../../../src/stations/journey-station.styles.ts';
import { journeyTemplate } from '../../../src/stations/journey-view.ts';

class StepView extends LitElement {
  static override styles = journeyStationStyles;
  static override properties = { step: { attribute: false } };
  // `declare`, not a class field: a field would shadow lit's reactive accessor.
  declare step: StepMeta | null;
  lines: Record<string, { it: string }> = {};
  constructor() {
    super();
    this.step = null;
  }
  override render() {
    return journeyTemplate({
      t: (key) => key,
      text: (id) => this.lines[id]?.it ?? id,
      step: this.step,
      paused: false,
      helpline: false,
      speaking: null,
      armed: null,
      failed: false,
      onPress: () => {},
    });
  }
}
customElements.define('bench-step-view', StepView);

const ROUNDS = Number(new URLSearchParams(location.search).get('rounds') ?? 30);

async function run() {
  const installation = (
    await (
      loaders.workers as () => Promise<{
        default: import('../../../src/journeys/compiled.ts').CompiledInstallation;
      }>
    )()
  ).default;
  const journey = installation.journeys.find((j) => j.id === 'campo') ?? installation.journeys[0];
  if (!journey) throw new Error('no journey');
  const machine = createJourneyMachine(journey);
  const events = mainPath(machine).filter((e): e is JourneyEvent => !e.type.startsWith('xstate.'));
  const currentStep = stepReader(journey);
  const view = document.createElement('bench-step-view') as StepView;
  view.style.cssText = 'display:block;width:1280px;height:800px';
  view.lines = journey.lines;
  document.body.append(view);

  // The steps the machine goes through, for the machine-less side.
  const steps: (StepMeta | null)[] = [];
  {
    const actor = createActor(machine);
    actor.start();
    for (const event of events) {
      actor.send(event);
      steps.push(currentStep(actor.getSnapshot()));
    }
    actor.stop();
  }

  const withMachine = async (): Promise<number> => {
    const actor = createActor(machine);
    actor.subscribe((snapshot) => {
      view.step = currentStep(snapshot);
    });
    actor.start();
    await view.updateComplete;
    const start = performance.now();
    for (const event of events) {
      actor.send(event);
      await view.updateComplete;
      view.getBoundingClientRect(); // style and layout: the step is on the page, not just in the DOM
    }
    const ms = performance.now() - start;
    actor.stop();
    return ms;
  };
  const withoutMachine = async (): Promise<number> => {
    view.step = null;
    await view.updateComplete;
    const start = performance.now();
    for (const step of steps) {
      view.step = step;
      await view.updateComplete;
      view.getBoundingClientRect();
    }
    return performance.now() - start;
  };

  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS + 3; round++) {
    // Interleaved, and the first rounds warm up the JIT for both sides.
    const x = await withMachine();
    const y = await withoutMachine();
    if (round >= 3) {
      a.push(x);
      b.push(y);
    }
  }
  return { machineMs: a, renderMs: b, transitions: events.length, distinct: new Set(steps).size };
}

run().then(
  (result) => {
    (window as unknown as { __result: unknown }).__result = result;
  },
  (error: unknown) => {
    (window as unknown as { __result: unknown }).__result = { error: String(error) };
  },
);
