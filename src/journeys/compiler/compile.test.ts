import { describe, expect, it } from 'vitest';
import { compileJourney, unknownNames } from './compile.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { broken, catalogue, GOOD } from './fixtures.ts';

const compile = (source: string) =>
  compileJourney({
    source,
    file: 'scenes/workers/01-prova.journey.yaml',
    installation: 'workers',
    order: 1,
    catalogue,
  });

/** "line:column message" for each diagnostic. */
const errors = (source: string) =>
  compile(source).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);

describe('journey compiler', () => {
  it('compiles the good fixture into a machine with one state per step and every line hashed', () => {
    const { journey, diagnostics } = compile(GOOD);
    expect(diagnostics).toEqual([]);
    expect(journey?.id).toBe('prova');
    expect(Object.keys(journey?.lines ?? {})).toContain('prova.scelta.resta');
    expect(journey?.lines['prova.due']).toMatchObject({ it: 'Sali.', speaker: 'caporale', line: 10 });
    expect(journey?.lines['prova.uno']?.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(journey?.scenes).toEqual(['campo']);
    const running = journey?.machine.states.running as { initial: string; states: Record<string, unknown> };
    expect(running.initial).toBe('note_prova_nota');
    expect(Object.keys(running.states)).toContain('set_3-o-0-t-0');
  });

  it('a changed Italian line changes its hash, and nothing else does', () => {
    const before = compile(GOOD).journey?.lines;
    const after = compile(broken('Sali.', 'Sali, presto.')).journey?.lines;
    expect(after?.['prova.due']?.hash).not.toBe(before?.['prova.due']?.hash);
    expect(after?.['prova.uno']?.hash).toBe(before?.['prova.uno']?.hash);
  });

  it('formats a diagnostic as file:line:column and a sentence', () => {
    const [first] = compile(broken('  - pause: 1', '  - paus: 1')).diagnostics;
    expect(first && formatDiagnostic(first)).toBe(
      'scenes/workers/01-prova.journey.yaml:26:5  unknown step "paus". Did you mean "pause"? Steps are: narrate, pause, scene, choose, set, add, if, goto, note, do, reflect, end.',
    );
  });

  it('refuses text that is not YAML, with its position', () => {
    expect(errors(broken('  - pause: 1', '  - pause: [1'))[0]).toBe(
      '27:3 this is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('refuses two steps in one item and unknown fields beside a step', () => {
    expect(errors(broken('  - pause: 1', '  - pause: 1\n    goto: casa'))).toContain(
      '27:5 one step per item: "pause" and "goto" are in the same item; start the second with its own "- "',
    );
    expect(errors(broken('  - pause: 1', '  - pause: 1\n    lable: x'))).toContain(
      '27:5 unknown field "lable" beside "pause". Did you mean "label"?',
    );
  });

  it('refuses a goto to a label that does not exist', () => {
    expect(errors(broken('goto: casa', 'goto: caas'))).toContain(
      '25:17 there is no step with label "caas". Did you mean "casa"?',
    );
    expect(
      errors(broken('  - end: completed\n  - label: casa', '  - goto: nowhere\n  - label: casa')),
    ).toContain('37:11 there is no step with label "nowhere". Labels in this journey: casa.');
  });

  it('refuses a duplicate line id, naming where the first one is', () => {
    expect(errors(broken('prova.due', 'prova.uno'))).toContain(
      '10:15 the line id "prova.uno" is already used at line 9: every line needs its own id',
    );
  });

  it('refuses a line without an id, or with an id that is not dotted words', () => {
    expect(errors(broken('{ id: prova.poca, it:', '{ it:'))).toContain(
      '29:18 missing "id": it is required here',
    );
    expect(errors(broken('prova.poca', 'Prova Poca'))).toContain(
      '29:24 a line id is lowercase words joined by dots, e.g. "campo.arrivo.offerta"',
    );
  });

  it('refuses an action or guard name the station does not have', () => {
    expect(errors(broken('do: showHelpline', 'do: showHelpLine'))).toContain(
      '35:9 unknown action "showHelpLine". Did you mean "showHelpline"? Station actions are: showHelpline, hideHelpline, silence, milestone.',
    );
    expect(errors(broken('{ guard: timedOut }', '{ guard: timeout }'))).toContain(
      '32:9 unknown guard "timeout". Did you mean "timedOut"? Named conditions are: timedOut.',
    );
    expect(
      unknownNames({ entry: [{ type: 'sayy' }], on: { X: { guard: 'nope', actions: ['track'] } } }),
    ).toEqual([
      'unknown action "sayy": the station has no such action',
      'unknown guard "nope": the station has no such condition',
    ]);
  });

  it('refuses a step nothing leads to', () => {
    expect(
      errors(
        broken('  - end: completed\n  - label: casa', '  - end: completed\n  - pause: 2\n  - label: casa'),
      ),
    ).toEqual([
      '38:5 this step can never be reached: nothing leads to it (give it a "label" and "goto" it, or remove it)',
    ]);
  });

  it('refuses a journey that runs off its last step, and a loop with no way out', () => {
    const source = broken(
      '  - end: completed\n  - label: casa\n    narrate',
      '  - end: completed\n  - label: casa\n    goto: casa\n  - narrate',
    );
    expect(errors(GOOD.replace(/ {2}- end: completed\n$/, ''))).toContain(
      '38:5 after this step the journey has nowhere to go: add "- end: completed" (or a "goto")',
    );
    const loop = GOOD.replace(/ {2}- end: completed\n$/, '  - goto: casa\n');
    expect(errors(loop)).toContain(
      '38:5 from here the journey can never reach an "end": these steps loop with no way out',
    );
    expect(errors(source)).toContain(
      '39:11 "goto: casa" jumps in a circle of gotos that never reaches a step',
    );
  });

  it('refuses a scene that is unknown, has no module, or lacks the state or camera', () => {
    expect(errors(broken('{ id: campo, state: alba', '{ id: capo, state: alba'))).toContain(
      '7:18 unknown scene "capo". Did you mean "campo"? Scenes of workers: campo, stanza (scenes/workers/scenes.yaml).',
    );
    expect(errors(broken('{ id: campo, state: alba, camera: strada }', '{ id: stanza }'))).toContain(
      '7:18 scene "stanza" has no scene module: create scenes/workers/stanza.scene.ts',
    );
    expect(errors(broken('state: alba', 'state: notte'))).toContain(
      '7:32 scene "campo" has no state "notte". Its states: alba, sera.',
    );
    expect(errors(broken('camera: strada', 'camera: cielo'))).toContain(
      '7:46 scene "campo" has no camera "cielo". Its cameras: strada, filari.',
    );
  });

  it('refuses unknown icons, too few options, and a timeout without a valid default', () => {
    expect(errors(broken('icon: van', 'icon: truck'))[0]).toMatch(
      /^17:17 unknown icon "truck": icons are yes, no, van/,
    );
    expect(errors(broken('default: sali', 'default: corri'))).toContain(
      '14:16 the default "corri" is not one of this choice\'s options (sali, resta)',
    );
    expect(errors(broken('      default: sali\n', ''))).toContain(
      '13:7 a choice with a timeout needs a "default" option to take when time runs out',
    );
  });

  it('refuses an unknown field in the header and a condition that is not data', () => {
    expect(errors(broken('minutes: 2', 'minutes: 2\nauthor: me'))).toContain(
      '5:1 unknown field "author" here (a typo?)',
    );
    expect(errors(broken('{ var: paga, lt: 40 }', '{ code: "paga < 40" }'))[0]).toMatch(
      /^27:9 not a condition/,
    );
  });
});
