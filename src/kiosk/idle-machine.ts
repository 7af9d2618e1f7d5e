// Idle that follows the visitor. A visit's idle watcher:
//   watching --(no touch for attention/typing timeout)--> warning --(countdown)--> expired
// Narration (and anything else that "holds") stops the clock entirely; a touch or key restarts
// it; while the visitor is writing the timeout is the longer typing one. The machine is pure:
// it emits `warning`, `resumed` and `reset`, and the shell decides what those look and sound like.

import { assign, createActor, emit, setup } from 'xstate';
import type { Milliseconds } from '../contracts/ids.ts';

/** Why the idle clock is stopped. A set, so the context stays bounded for path generation. */
export type HoldReason = 'narration' | 'staff' | 'teacher';

export interface IdleInput {
  attention: Milliseconds;
  warning: Milliseconds;
  typing: Milliseconds;
}

interface IdleContext extends IdleInput {
  holds: HoldReason[];
  typingActive: boolean;
}

export type IdleEvent =
  | { type: 'ACTIVITY' }
  | { type: 'HOLD'; reason: HoldReason }
  | { type: 'RELEASE'; reason: HoldReason }
  | { type: 'TYPING'; active: boolean };

export type IdleEmitted =
  | { type: 'warning'; duration: Milliseconds }
  | { type: 'resumed' }
  | { type: 'reset' };

export const idleMachine = setup({
  types: {
    context: {} as IdleContext,
    input: {} as IdleInput,
    events: {} as IdleEvent,
    emitted: {} as IdleEmitted,
  },
  delays: {
    attention: ({ context }) => (context.typingActive ? context.typing : context.attention),
    countdown: ({ context }) => context.warning,
  },
  guards: {
    noHoldsLeft: ({ context }) => context.holds.length === 0,
  },
  actions: {
    addHold: assign({
      holds: ({ context, event }) =>
        event.type === 'HOLD' && !context.holds.includes(event.reason)
          ? [...context.holds, event.reason]
          : context.holds,
    }),
    removeHold: assign({
      holds: ({ context, event }) =>
        event.type === 'RELEASE' ? context.holds.filter((r) => r !== event.reason) : context.holds,
    }),
    setTyping: assign({
      typingActive: ({ context, event }) => (event.type === 'TYPING' ? event.active : context.typingActive),
    }),
    emitWarning: emit(({ context }) => ({ type: 'warning' as const, duration: context.warning })),
    emitResumed: emit({ type: 'resumed' as const }),
    emitReset: emit({ type: 'reset' as const }),
  },
}).createMachine({
  id: 'idle',
  context: ({ input }) => ({ ...input, holds: [], typingActive: false }),
  initial: 'watching',
  states: {
    watching: {
      after: { attention: 'warning' },
      on: {
        ACTIVITY: { target: 'watching', reenter: true },
        TYPING: { target: 'watching', reenter: true, actions: 'setTyping' },
        HOLD: { target: 'held', actions: 'addHold' },
      },
    },
    held: {
      on: {
        HOLD: { actions: 'addHold' },
        RELEASE: { actions: 'removeHold' },
        TYPING: { actions: 'setTyping' },
      },
      always: { guard: 'noHoldsLeft', target: 'watching' },
    },
    warning: {
      entry: 'emitWarning',
      after: { countdown: 'expired' },
      on: {
        ACTIVITY: { target: 'watching', actions: 'emitResumed' },
        TYPING: { target: 'watching', actions: ['setTyping', 'emitResumed'] },
        HOLD: { target: 'held', actions: ['addHold', 'emitResumed'] },
      },
    },
    expired: { type: 'final', entry: 'emitReset' },
  },
});

/** One idle watcher per visit; a stopped actor is never reused. */
export function createIdleActor(input: IdleInput) {
  return createActor(idleMachine, { input });
}

export type IdleActor = ReturnType<typeof createIdleActor>;
