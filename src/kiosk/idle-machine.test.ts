import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { ms, seconds } from '../contracts/ids.ts';
import { idleMachine } from './idle-machine.ts';

function start() {
  const clock = new SimulatedClock();
  const actor = createActor(idleMachine, {
    clock,
    input: { attention: seconds(45), warning: seconds(15), typing: seconds(120) },
  });
  const emitted: string[] = [];
  actor.on('*', (event) => emitted.push(event.type));
  actor.start();
  const advance = (s: number) => clock.increment(ms(s * 1000));
  return { actor, clock, emitted, advance, state: () => actor.getSnapshot().value };
}

describe('idle machine', () => {
  it('warns after the attention timeout, then resets after the countdown', () => {
    const { emitted, advance, state, actor } = start();
    advance(44.9);
    expect(state()).toBe('watching');
    advance(0.2);
    expect(state()).toBe('warning');
    expect(emitted).toEqual(['warning']);
    advance(14.9);
    expect(emitted).toEqual(['warning']);
    advance(0.2);
    expect(emitted).toEqual(['warning', 'reset']);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('restarts the attention timeout on every touch', () => {
    const { actor, advance, state } = start();
    advance(40);
    actor.send({ type: 'ACTIVITY' });
    advance(40);
    expect(state()).toBe('watching');
    advance(6);
    expect(state()).toBe('warning');
  });

  it('goes back to watching, and says so, when touched during the warning', () => {
    const { actor, advance, emitted, state } = start();
    advance(50);
    actor.send({ type: 'ACTIVITY' });
    expect(state()).toBe('watching');
    expect(emitted).toEqual(['warning', 'resumed']);
    advance(30);
    expect(state()).toBe('watching');
  });

  it('never resets while narration plays, however long it lasts', () => {
    const { actor, advance, emitted, state } = start();
    actor.send({ type: 'HOLD', reason: 'narration' });
    advance(3600);
    expect(state()).toBe('held');
    expect(emitted).toEqual([]);
    actor.send({ type: 'RELEASE', reason: 'narration' });
    expect(state()).toBe('watching');
    advance(44);
    expect(state()).toBe('watching');
    advance(2);
    expect(state()).toBe('warning');
  });

  it('keeps holding until every hold is released', () => {
    const { actor, advance, state } = start();
    actor.send({ type: 'HOLD', reason: 'narration' });
    actor.send({ type: 'HOLD', reason: 'staff' });
    actor.send({ type: 'RELEASE', reason: 'narration' });
    advance(600);
    expect(state()).toBe('held');
    actor.send({ type: 'RELEASE', reason: 'staff' });
    expect(state()).toBe('watching');
  });

  it('does not reset during typing: the longer typing timeout applies', () => {
    const { actor, advance, state } = start();
    actor.send({ type: 'TYPING', active: true });
    advance(100);
    expect(state()).toBe('watching');
    actor.send({ type: 'TYPING', active: true }); // a keystroke
    advance(119);
    expect(state()).toBe('watching');
    advance(2);
    expect(state()).toBe('warning');
  });

  it('returns to the normal timeout once the visitor stops writing', () => {
    const { actor, advance, state } = start();
    actor.send({ type: 'TYPING', active: true });
    actor.send({ type: 'TYPING', active: false });
    advance(46);
    expect(state()).toBe('warning');
  });

  it('cancels the warning when narration starts', () => {
    const { actor, advance, emitted, state } = start();
    advance(46);
    actor.send({ type: 'HOLD', reason: 'narration' });
    advance(60);
    expect(state()).toBe('held');
    expect(emitted).toEqual(['warning', 'resumed']);
  });
});
