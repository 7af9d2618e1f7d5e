// Every visitor path of a journey, from the machine itself: the events a visitor (or time) can
// cause in each state, the simple paths xstate/graph finds through them, and a replay of a path
// on a real actor with a simulated clock that records what the visitor hears and chooses.

import { createActor, SimulatedClock } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import type { CompiledJourney } from './compiled.ts';
import {
  createJourneyMachine,
  currentStep,
  type JourneyEvent,
  type JourneyMachine,
  type JourneySnapshot,
} from './machine.ts';

/** A visitor's event, or time passing in a state with a named delay (timeout, pause, failsafe). */
export type PathEvent = JourneyEvent | { type: `xstate.after.${'wait' | 'pause'}.${string}` };

const afterEvent = (step: string, delay: 'wait' | 'pause' = 'wait'): PathEvent => ({
  type: `xstate.after.${delay}.${step}`,
});

/** What can happen next. Replay, pause and resume are left out: they return to the same step. */
export function eventsFor(snapshot: JourneySnapshot): PathEvent[] {
  const step = currentStep(snapshot);
  if (!step) return [];
  switch (step.kind) {
    case 'narrate':
      return [{ type: 'NARRATION_END', line: step.line }];
    case 'pause':
      return [afterEvent(step.step, 'pause')];
    case 'choose':
      return [
        ...step.options.map((o): PathEvent => ({ type: 'CHOOSE', key: o.key })),
        ...(step.timeoutMs !== undefined ? [afterEvent(step.step)] : []),
      ];
    case 'note':
      return [{ type: 'CONTINUE' }, { type: 'LEAVE' }];
    case 'reflect':
      return step.mode === 'handoff' ? [{ type: 'NARRATION_END', line: step.line }] : [{ type: 'CONTINUE' }];
  }
}

/** State value plus variables: the variables decide later branches, so they are part of a state. */
const serialize = (snapshot: JourneySnapshot) =>
  `${JSON.stringify(snapshot.value)}|${JSON.stringify(snapshot.context.vars)}|${snapshot.context.timedOut}`;

export interface VisitorPath {
  events: PathEvent[];
  outcome: 'completed' | 'left';
}

/** Every simple path from the start to an end. */
export function journeyPaths(machine: JourneyMachine): VisitorPath[] {
  const paths = getSimplePaths(machine, {
    events: (snapshot) => eventsFor(snapshot as JourneySnapshot) as never[],
    serializeState: (snapshot) => serialize(snapshot as JourneySnapshot),
    toState: (snapshot) => snapshot.status === 'done',
  });
  return paths
    .filter((path) => path.state.status === 'done')
    .map((path) => ({
      events: path.steps.slice(1).map((step) => step.event as PathEvent),
      outcome: path.state.value === 'left' ? 'left' : 'completed',
    }));
}

export type TranscriptEntry =
  | { hear: string; it: string }
  | { choose: string; after?: 'timeout' }
  | { scene: string }
  | { note: 'continue' | 'leave' }
  | { wait: number };

export interface Replay {
  transcript: TranscriptEntry[];
  status: 'done' | 'active' | 'error' | 'stopped';
  outcome: string;
  /** Milliseconds of simulated time the path took. */
  elapsedMs: number;
  /** `<choice state>:<option>` for every choice taken, by touch or by timeout. */
  choices: string[];
}

/**
 * Replays a path on a real actor with a simulated clock: visitor events are sent, named delays are
 * made to fire by advancing the clock by the state's own delay (as on a station).
 */
export function replay(journey: CompiledJourney, events: readonly PathEvent[]): Replay {
  const clock = new SimulatedClock();
  const transcript: TranscriptEntry[] = [];
  const choices: string[] = [];
  const machine = createJourneyMachine(journey).provide({
    actions: {
      say: (_, params) => {
        transcript.push({ hear: params.line, it: journey.lines[params.line]?.it ?? '' });
      },
      showScene: (_, params) => {
        transcript.push({ scene: [params.scene, params.state, params.camera].filter(Boolean).join(' / ') });
      },
    },
  });
  const actor = createActor(machine, { clock });
  let elapsedMs = 0;
  actor.start();
  for (const event of events) {
    const step = currentStep(actor.getSnapshot());
    if (event.type.startsWith('xstate.after.')) {
      const ms = actor.getSnapshot().context.waitMs;
      elapsedMs += ms;
      clock.increment(ms);
      if (step?.kind === 'choose') {
        transcript.push({ choose: step.default ?? '?', after: 'timeout' });
        choices.push(`${step.step}:${step.default}`);
      } else if (step?.kind === 'pause') transcript.push({ wait: ms / 1000 });
    } else {
      if (event.type === 'CHOOSE') {
        const key = (event as { key: string }).key;
        transcript.push({ choose: key });
        if (step) choices.push(`${step.step}:${key}`);
      }
      if (event.type === 'CONTINUE' && step?.kind === 'note') transcript.push({ note: 'continue' });
      if (event.type === 'LEAVE') transcript.push({ note: 'leave' });
      actor.send(event as JourneyEvent);
    }
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { transcript, status: snapshot.status, outcome: String(snapshot.value), elapsedMs, choices };
}

/** The main path: continue at notes, take each choice's default (else its first option), no timeouts. */
export function mainPath(machine: JourneyMachine, limit = 500): PathEvent[] {
  const actor = createActor(machine, { clock: new SimulatedClock() });
  actor.start();
  const events: PathEvent[] = [];
  for (let i = 0; i < limit && actor.getSnapshot().status === 'active'; i++) {
    const snapshot = actor.getSnapshot();
    const step = currentStep(snapshot);
    let event: PathEvent | undefined;
    if (step?.kind === 'choose') event = { type: 'CHOOSE', key: step.default ?? step.options[0]?.key ?? '' };
    else if (step?.kind === 'note') event = { type: 'CONTINUE' };
    else event = eventsFor(snapshot)[0];
    if (!event) break;
    events.push(event);
    // A delayed transition listens for its own event type, so sending it moves the path on.
    actor.send(event as JourneyEvent);
  }
  actor.stop();
  return events;
}
