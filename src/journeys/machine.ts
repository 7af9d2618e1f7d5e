// The one setup() every journey machine is made from. Compiled journeys (JSON) may only name
// the actions, guards and delays defined here; the compiler checks that at build time, because
// XState silently ignores an unknown action and throws on an unknown guard only when it runs.
// Actions that reach the world (say, showScene, silence) are placeholders here: the station
// provides real ones with `.provide()`, tests provide fakes.

import { assign, createActor, emit, setup } from 'xstate';
import type { CompiledJourney, Condition, JourneyContext, StepMeta } from './compiled.ts';
import { evaluate, NAMED_CONDITIONS } from './conditions.ts';

export type JourneyEvent =
  | { type: 'NARRATION_END'; line: string }
  | { type: 'CHOOSE'; key: string }
  | { type: 'CONTINUE' }
  | { type: 'LEAVE' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'REPLAY' };

/** Analytics the journey emits; the records issue stores them. */
export type JourneyAnalytics =
  | { name: 'step'; step: string; line: string }
  | { name: 'choice'; step: string; key: string; timedOut: boolean }
  | { name: 'milestone'; step: string }
  | { name: 'reflect'; step: string; mode: 'handoff' | 'inline' }
  | { name: 'completed' }
  | { name: 'left'; step: string };

export type JourneyEmitted = { type: 'analytics' } & JourneyAnalytics;

export interface SceneRequest {
  scene: string;
  state?: string;
  camera?: string;
}

export const journeySetup = setup({
  types: {
    context: {} as JourneyContext,
    events: {} as JourneyEvent,
    emitted: {} as JourneyEmitted,
  },
  actions: {
    // Provided by the station.
    say: (_, _params: { line: string }) => {},
    showScene: (_, _params: SceneRequest) => {},
    silence: () => {},
    // Pure.
    wait: assign({ waitMs: (_, params: { ms: number }) => params.ms }),
    assignVars: assign({
      vars: (
        { context },
        params: { set?: Record<string, number | boolean>; add?: Record<string, number> },
      ) => {
        const vars = { ...context.vars, ...params.set };
        for (const [name, delta] of Object.entries(params.add ?? {})) {
          const current = vars[name];
          vars[name] = (typeof current === 'number' ? current : current === true ? 1 : 0) + delta;
        }
        return vars;
      },
    }),
    recordChoice: assign({ timedOut: (_, params: { timedOut: boolean }) => params.timedOut }),
    showHelpline: assign({ helpline: true }),
    hideHelpline: assign({ helpline: false }),
    track: emit((_, params: JourneyAnalytics) => ({ type: 'analytics' as const, ...params })),
    milestone: emit((_, params: { step: string }) => ({
      type: 'analytics' as const,
      name: 'milestone' as const,
      step: params.step,
    })),
  },
  guards: {
    lineEnded: ({ event }, params: { line: string }) =>
      event.type === 'NARRATION_END' && event.line === params.line,
    chose: ({ event }, params: { key: string }) => event.type === 'CHOOSE' && event.key === params.key,
    check: ({ context }, params: { condition: Condition }) => evaluate(params.condition, context),
    timedOut: ({ context }) => NAMED_CONDITIONS.timedOut?.(context) ?? false,
  },
  delays: {
    /** How long a step waits for what it waits for (narration, a choice) before moving on. */
    wait: ({ context }) => context.waitMs,
    /** An authored pause: silence for the time written in the journey. */
    pause: ({ context }) => context.waitMs,
  },
});

export const initialContext = (): JourneyContext => ({
  vars: {},
  timedOut: false,
  waitMs: 0,
  helpline: false,
});

const probe = journeySetup.createMachine({ id: 'probe', context: initialContext() });
/** The names a compiled journey may use. */
export const MACHINE_NAMES = {
  actions: new Set(Object.keys(probe.implementations.actions)),
  guards: new Set(Object.keys(probe.implementations.guards)),
  delays: new Set(Object.keys(probe.implementations.delays)),
};
/** The subset an author may write: `do: <action>` and `{ guard: <name> }`. */
export const AUTHOR_ACTIONS = ['showHelpline', 'hideHelpline', 'silence', 'milestone'] as const;
export const AUTHOR_GUARDS = Object.keys(NAMED_CONDITIONS);

export function createJourneyMachine(journey: CompiledJourney) {
  // The config is JSON checked by the compiler; XState's types cannot follow it there.
  return journeySetup.createMachine(
    journey.machine as unknown as Parameters<typeof journeySetup.createMachine>[0],
  );
}

export type JourneyMachine = ReturnType<typeof createJourneyMachine>;

/** One actor per visitor; a stopped actor is never reused. */
export function createJourneyActor(machine: JourneyMachine) {
  return createActor(machine);
}

export type JourneyActor = ReturnType<typeof createJourneyActor>;
export type JourneySnapshot = ReturnType<JourneyActor['getSnapshot']>;

/** What the visitor should see now: the meta of the active step state, or null (paused, done). */
export function currentStep(snapshot: JourneySnapshot): StepMeta | null {
  const metas = Object.values(snapshot.getMeta()) as (StepMeta | undefined)[];
  return metas.find((meta) => meta && 'kind' in meta) ?? null;
}

/**
 * The same as currentStep, for a station that reads every snapshot: step metas are looked up by
 * the active state key instead of collecting every active node's meta.
 */
export function stepReader(journey: CompiledJourney): (snapshot: JourneySnapshot) => StepMeta | null {
  const running = journey.machine.states.running as { states: Record<string, { meta?: StepMeta }> };
  const metas = new Map(
    Object.entries(running.states).flatMap(([key, state]) => (state.meta ? [[key, state.meta]] : [])),
  );
  return (snapshot) => {
    const value = snapshot.value as string | { running?: string };
    return typeof value === 'object' && value.running ? (metas.get(value.running) ?? null) : null;
  };
}
