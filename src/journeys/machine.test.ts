import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { compileJourney } from './compiler/compile.ts';
import { catalogue, GOOD } from './compiler/fixtures.ts';
import { createJourneyMachine, currentStep, type JourneyEmitted } from './machine.ts';

function start() {
  const compiled = compileJourney({
    source: GOOD,
    file: 'f.yaml',
    installation: 'workers',
    order: 1,
    catalogue,
  });
  if (!compiled.journey) throw new Error(JSON.stringify(compiled.diagnostics));
  const said: string[] = [];
  const scenes: string[] = [];
  let silenced = 0;
  const clock = new SimulatedClock();
  const machine = createJourneyMachine(compiled.journey).provide({
    actions: {
      say: (_, params) => void said.push(params.line),
      showScene: (_, params) => void scenes.push(`${params.scene}/${params.state}/${params.camera}`),
      silence: () => void silenced++,
    },
  });
  const actor = createActor(machine, { clock });
  const analytics: JourneyEmitted[] = [];
  actor.on('analytics', (event) => void analytics.push(event));
  actor.start();
  const step = () => currentStep(actor.getSnapshot());
  return { actor, clock, said, scenes, analytics, step, silenced: () => silenced };
}

describe('journey runtime (compiled fixture, simulated clock)', () => {
  it('speaks a note first and ends as "left" when the visitor leaves', () => {
    const { actor, said, analytics } = start();
    expect(said).toEqual(['prova.nota']);
    actor.send({ type: 'LEAVE' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().value).toBe('left');
    expect(analytics.map((a) => a.name)).toEqual(['step', 'left']);
    expect(analytics[0]).toMatchObject({ name: 'step', step: 'note_prova_nota', line: 'prova.nota' });
  });

  it('moves on when the current line ends, and ignores the end of a line that is no longer current', () => {
    const { actor, said, scenes, step } = start();
    actor.send({ type: 'CONTINUE' });
    expect(scenes).toEqual(['campo/alba/strada']);
    expect(step()).toMatchObject({ kind: 'narrate', line: 'prova.uno' });
    actor.send({ type: 'NARRATION_END', line: 'prova.nota' });
    expect(step()).toMatchObject({ line: 'prova.uno' });
    actor.send({ type: 'NARRATION_END', line: 'prova.uno' });
    expect(step()).toMatchObject({ line: 'prova.due' });
    expect(said).toEqual(['prova.nota', 'prova.uno', 'prova.due']);
  });

  it('moves on by its failsafe when a line never reports its end', () => {
    const { actor, clock, step } = start();
    actor.send({ type: 'CONTINUE' });
    clock.increment(7000);
    expect(step()).toMatchObject({ line: 'prova.uno' });
    clock.increment(2000);
    expect(step()).toMatchObject({ line: 'prova.due' });
  });

  it('replays the current line on REPLAY, and resumes a paused step from its start', () => {
    const { actor, said, step, silenced } = start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'REPLAY' });
    expect(said.slice(-2)).toEqual(['prova.uno', 'prova.uno']);
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(step()).toBeNull();
    expect(silenced()).toBe(1);
    actor.send({ type: 'NARRATION_END', line: 'prova.uno' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'RESUME' });
    expect(step()).toMatchObject({ line: 'prova.uno' });
    expect(said.at(-1)).toBe('prova.uno');
  });

  it('takes the default option when the choice times out, and remembers it was not the visitor', () => {
    const { actor, clock, step, analytics } = start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'NARRATION_END', line: 'prova.uno' });
    actor.send({ type: 'NARRATION_END', line: 'prova.due' });
    expect(step()).toMatchObject({ kind: 'choose', timeoutMs: 20_000, default: 'sali' });
    clock.increment(20_000);
    expect(actor.getSnapshot().context).toMatchObject({ timedOut: true, vars: { salito: true, paga: 30 } });
    expect(analytics.at(-1)).toMatchObject({ name: 'choice', key: 'sali', timedOut: true });
    clock.increment(1000); // pause: 1
    expect(step()).toMatchObject({ line: 'prova.poca' }); // paga 30 < 40
  });

  it('follows a chosen goto, and completes with a "completed" analytics event', () => {
    const { actor, step, analytics } = start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'NARRATION_END', line: 'prova.uno' });
    actor.send({ type: 'NARRATION_END', line: 'prova.due' });
    actor.send({ type: 'CHOOSE', key: 'resta' });
    expect(step()).toMatchObject({ line: 'prova.casa' });
    actor.send({ type: 'NARRATION_END', line: 'prova.casa' });
    expect(actor.getSnapshot().value).toBe('completed');
    expect(analytics.map((a) => a.name).slice(-2)).toEqual(['step', 'completed']);
    expect(analytics).toContainEqual(
      expect.objectContaining({ name: 'choice', key: 'resta', timedOut: false }),
    );
  });

  it('shows the helpline card from a "do" step and hands off at the reflection', () => {
    const { actor, clock, step } = start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'NARRATION_END', line: 'prova.uno' });
    actor.send({ type: 'NARRATION_END', line: 'prova.due' });
    actor.send({ type: 'CHOOSE', key: 'sali' });
    clock.increment(1000);
    actor.send({ type: 'NARRATION_END', line: 'prova.poca' });
    expect(actor.getSnapshot().context.helpline).toBe(true);
    expect(step()).toMatchObject({ kind: 'reflect', mode: 'handoff' });
    actor.send({ type: 'NARRATION_END', line: 'prova.pensiero' });
    expect(actor.getSnapshot().status).toBe('done');
  });
});
