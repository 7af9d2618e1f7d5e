// The journey compiler: one YAML file → an XState machine config (JSON) built for journeySetup,
// plus its lines and where each step was written. Every problem becomes a Diagnostic with
// file:line:column and a sentence an author understands; nothing is thrown for bad content.
//
// Shape of the machine: `running` holds one state per step (a multi-line `narrate` gives one per
// line), `paused` returns to `running.hist` (a history state), and `completed` / `left` are final.
// Steps that only act (scene, set, add, do, if) are eventless states that pass straight on.

import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { JOURNEY_ICONS } from '../../contracts/icons.ts';
import type {
  ChoiceOptionMeta,
  CompiledJourney,
  CompiledLine,
  Condition,
  StepMeta,
  StepOrigin,
} from '../compiled.ts';
import { guardNames } from '../conditions.ts';
import { AUTHOR_ACTIONS, AUTHOR_GUARDS, initialContext, MACHINE_NAMES } from '../machine.ts';
import {
  journeyHeaderSchema,
  type Line,
  lineSchema,
  type ScenesFile,
  STEP_EXTRA_KEYS,
  STEP_KINDS,
  STEP_VALUE_SCHEMAS,
  type StepKind,
} from '../schema.ts';
import { type Diagnostic, didYouMean } from './diagnostics.ts';

export interface SceneCatalogue {
  scenes: ScenesFile;
  /** Scene ids that have a module `scenes/<installation>/<id>.scene.ts`. */
  modules: ReadonlySet<string>;
}

export interface CompileInput {
  source: string;
  /** Path shown in messages, relative to the project, e.g. scenes/workers/01-campo.journey.yaml. */
  file: string;
  installation: string;
  order: number;
  catalogue: SceneCatalogue;
}

export interface CompileResult {
  journey?: CompiledJourney;
  diagnostics: Diagnostic[];
}

type Path = (string | number)[];

interface Option {
  key: string;
  icon: string;
  label: Line;
  then?: Step[];
  goto?: string;
  path: Path;
}

interface Step {
  kind: StepKind;
  // biome-ignore lint/suspicious/noExplicitAny: the value was validated by STEP_VALUE_SCHEMAS[kind]
  value: any;
  label?: string;
  then?: Step[];
  else?: Step[];
  options?: Option[];
  path: Path;
  /** State keys of this step (several for a multi-line narrate; none for goto and end). */
  keys: string[];
}

const FINAL = { completed: 'completed', left: 'left' } as const;
const FALL_OFF = Symbol('fall-off');
/** A goto to a label that does not exist: already reported, not to be reported again. */
const BROKEN = Symbol('broken');
type Target = string | typeof FALL_OFF | typeof BROKEN;

/** Milliseconds before the machine moves on if a line's audio never reports its end. */
export function failsafeMs(text: string): number {
  return Math.max(6000, 5000 + text.length * 110);
}

export function sourceHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 12);
}

const stateKey = (prefix: string, id: string) => `${prefix}_${id.replaceAll('.', '_')}`;
const SHORT: Record<string, string> = { steps: '', choose: '', options: 'o', then: 't', else: 'e' };
/** `set_3-o-0-t-1`: step 3, option 0, its `then`, step 1. */
const pathKey = (kind: string, path: Path) =>
  `${kind}_${path
    .map((p) => (typeof p === 'number' ? String(p) : (SHORT[p] ?? p)))
    .filter(Boolean)
    .join('-')}`;

export function compileJourney(input: CompileInput): CompileResult {
  const { source, file, catalogue } = input;
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });

  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  /** The YAML node at `path` (or the deepest one that exists); its key with `onKey`. */
  const locate = (path: Path, onKey = false): StepOrigin => {
    let node: unknown = doc.contents;
    let best: Node | null = (doc.contents as Node | null) ?? null;
    for (const [index, segment] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        if (onKey && index === path.length - 1 && isScalar(pair.key)) {
          best = pair.key;
          break;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else break;
      if (node && typeof node === 'object' && 'range' in node) best = node as Node;
      else break;
    }
    return { file, ...position(best?.range?.[0] ?? 0) };
  };

  const report = (path: Path, message: string, onKey = false) => {
    diagnostics.push({ ...locate(path, onKey), message });
  };

  for (const error of doc.errors) {
    const [start] = error.linePos ?? [{ line: 1, col: 1 }];
    diagnostics.push({
      file,
      line: start?.line ?? 1,
      column: start?.col ?? 1,
      message: `this is not valid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
    });
  }
  if (doc.errors.length > 0) return { diagnostics };

  const raw = doc.toJS() as unknown;
  const header = journeyHeaderSchema.safeParse(raw, { reportInput: true });
  if (!header.success) {
    for (const issue of header.error.issues) reportIssue(issue, [], report);
    if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { steps?: unknown }).steps)) {
      return { diagnostics };
    }
  }
  const head = (header.success ? header.data : raw) as z.infer<typeof journeyHeaderSchema>;

  // ── 1. read and check every step ─────────────────────────────────────────────────────────
  const readSteps = (items: unknown, path: Path): Step[] => {
    if (!Array.isArray(items)) {
      report(path, 'expected a list of steps, each starting with "- "');
      return [];
    }
    if (items.length === 0) report(path, 'this list of steps is empty: add at least one step');
    return items.flatMap((item, index) => {
      const step = readStep(item, [...path, index]);
      return step ? [step] : [];
    });
  };

  const readStep = (item: unknown, path: Path): Step | null => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      report(path, 'a step is a field like "narrate: …" or "choose: …"');
      return null;
    }
    const record = item as Record<string, unknown>;
    const keys = Object.keys(record);
    const kinds = keys.filter((k): k is StepKind => (STEP_KINDS as string[]).includes(k));
    const unknown = keys.filter(
      (k) => !kinds.includes(k as StepKind) && !(STEP_EXTRA_KEYS as readonly string[]).includes(k),
    );
    if (kinds.length === 0) {
      const word = unknown[0];
      report(
        word ? [...path, word] : path,
        word
          ? `unknown step "${word}".${didYouMean(word, STEP_KINDS)} Steps are: ${STEP_KINDS.join(', ')}.`
          : `this item has no step: add one of ${STEP_KINDS.join(', ')}`,
        true,
      );
      return null;
    }
    if (kinds.length > 1) {
      report(
        [...path, kinds[1] as string],
        `one step per item: "${kinds[0]}" and "${kinds[1]}" are in the same item; start the second with its own "- "`,
        true,
      );
      return null;
    }
    const kind = kinds[0] as StepKind;
    for (const word of unknown) {
      report(
        [...path, word],
        `unknown field "${word}" beside "${kind}".${didYouMean(word, [...STEP_KINDS, ...STEP_EXTRA_KEYS])}`,
        true,
      );
    }
    if (kind !== 'if') {
      for (const word of ['then', 'else'] as const) {
        if (word in record)
          report([...path, word], `"${word}" belongs to an "if" step, not to "${kind}"`, true);
      }
    }
    const label = record.label;
    if (label !== undefined && (typeof label !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(label))) {
      report([...path, 'label'], 'a label is lowercase letters, digits and dashes, e.g. "senza-lavoro"');
    }
    // A single narrated line is checked as a line, so a missing id is named as such.
    const schema = kind === 'narrate' && !Array.isArray(record[kind]) ? lineSchema : STEP_VALUE_SCHEMAS[kind];
    const parsed = schema.safeParse(record[kind], { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) reportIssue(issue, [...path, kind], report, kind);
      return null;
    }
    const step: Step = {
      kind,
      value: parsed.data,
      path,
      keys: [],
      label: typeof label === 'string' ? label : undefined,
    };
    if (kind === 'if') {
      if (!('then' in record))
        report([...path, 'if'], 'an "if" needs "then:" steps (and may have "else:")', true);
      step.then = readSteps(record.then ?? [], [...path, 'then']);
      if ('else' in record) step.else = readSteps(record.else, [...path, 'else']);
    }
    if (kind === 'choose') {
      const choose = parsed.data as z.infer<(typeof STEP_VALUE_SCHEMAS)['choose']>;
      step.options = choose.options.map((option, index) => {
        const optionPath = [...path, 'choose', 'options', index];
        if (option.then && option.goto)
          report([...optionPath, 'goto'], 'an option has "then" or "goto", not both', true);
        return {
          ...option,
          then: option.then ? readSteps(option.then, [...optionPath, 'then']) : undefined,
          path: optionPath,
        };
      });
      const keys = step.options.map((o) => o.key);
      keys.forEach((key, index) => {
        if (keys.indexOf(key) !== index)
          report([...path, 'choose', 'options', index, 'key'], `two options have the key "${key}"`);
      });
      if (choose.default !== undefined && !keys.includes(choose.default)) {
        report(
          [...path, 'choose', 'default'],
          `the default "${choose.default}" is not one of this choice's options (${keys.join(', ')})`,
        );
      }
      if (choose.timeout !== undefined && choose.default === undefined) {
        report(
          [...path, 'choose', 'timeout'],
          'a choice with a timeout needs a "default" option to take when time runs out',
          true,
        );
      }
    }
    if (kind === 'do' && !(AUTHOR_ACTIONS as readonly string[]).includes(step.value)) {
      report(
        [...path, 'do'],
        `unknown action "${step.value}".${didYouMean(step.value, AUTHOR_ACTIONS)} Station actions are: ${AUTHOR_ACTIONS.join(', ')}.`,
      );
    }
    if (kind === 'if') {
      for (const name of guardNames(step.value as Condition)) {
        if (!AUTHOR_GUARDS.includes(name)) {
          report(
            [...path, 'if'],
            `unknown guard "${name}".${didYouMean(name, AUTHOR_GUARDS)} Named conditions are: ${AUTHOR_GUARDS.join(', ')}.`,
          );
        }
      }
    }
    if (kind === 'scene') checkScene(step.value, [...path, 'scene']);
    return step;
  };

  const checkScene = (scene: { id: string; state?: string; camera?: string }, path: Path) => {
    const known = Object.keys(catalogue.scenes);
    const entry = catalogue.scenes[scene.id];
    if (!entry) {
      report(
        [...path, 'id'],
        `unknown scene "${scene.id}".${didYouMean(scene.id, known)} Scenes of ${input.installation}: ${known.join(', ') || 'none yet'} (scenes/${input.installation}/scenes.yaml).`,
      );
      return;
    }
    if (!catalogue.modules.has(scene.id)) {
      report(
        [...path, 'id'],
        `scene "${scene.id}" has no scene module: create scenes/${input.installation}/${scene.id}.scene.ts`,
      );
    }
    if (scene.state && !entry.states.includes(scene.state)) {
      report(
        [...path, 'state'],
        `scene "${scene.id}" has no state "${scene.state}".${didYouMean(scene.state, entry.states)} Its states: ${entry.states.join(', ')}.`,
      );
    }
    if (scene.camera && !entry.cameras.includes(scene.camera)) {
      report(
        [...path, 'camera'],
        `scene "${scene.id}" has no camera "${scene.camera}".${didYouMean(scene.camera, entry.cameras)} Its cameras: ${entry.cameras.join(', ')}.`,
      );
    }
  };

  const steps = readSteps(head.steps, ['steps']);

  // ── 2. lines, labels and state keys ──────────────────────────────────────────────────────
  const lines: Record<string, CompiledLine> = {};
  const linePaths = new Map<string, Path>();
  const addLine = (line: Line, path: Path) => {
    const seen = linePaths.get(line.id);
    if (seen) {
      const first = locate(seen);
      report(
        [...path, 'id'],
        `the line id "${line.id}" is already used at line ${first.line}: every line needs its own id`,
      );
      return;
    }
    linePaths.set(line.id, path);
    lines[line.id] = {
      it: line.it,
      speaker: line.speaker ?? 'narratore',
      hash: sourceHash(line.it),
      journey: head.journey,
      file,
      line: locate([...path, 'id']).line,
    };
  };
  if (header.success) addLine(head.title, ['title']);

  const labels = new Map<string, Step>();
  const origins: Record<string, StepOrigin> = {};
  const usedKeys = new Set<string>();
  /** State key → the step it was compiled from. */
  const stepOf = new Map<string, Step>();
  const claim = (key: string, step: Step) => {
    let unique = key;
    for (let n = 2; usedKeys.has(unique); n++) unique = `${key}-${n}`;
    usedKeys.add(unique);
    origins[unique] = locate(step.path);
    stepOf.set(unique, step);
    step.keys.push(unique);
    return unique;
  };

  const visit = (list: Step[]) => {
    for (const step of list) {
      if (step.label) {
        if (labels.has(step.label))
          report([...step.path, 'label'], `the label "${step.label}" is used twice in this journey`);
        else labels.set(step.label, step);
      }
      const v = step.value;
      switch (step.kind) {
        case 'narrate': {
          const list: Line[] = Array.isArray(v) ? v : [v];
          list.forEach((line, index) => {
            addLine(line, Array.isArray(v) ? [...step.path, 'narrate', index] : [...step.path, 'narrate']);
            claim(stateKey('say', line.id), step);
          });
          break;
        }
        case 'choose':
          addLine(v.prompt, [...step.path, 'choose', 'prompt']);
          for (const option of step.options ?? []) addLine(option.label, [...option.path, 'label']);
          claim(stateKey('choose', v.prompt.id), step);
          break;
        case 'note':
          addLine(v, [...step.path, 'note']);
          claim(stateKey('note', v.id), step);
          break;
        case 'reflect':
          addLine(v.prompt, [...step.path, 'reflect', 'prompt']);
          claim(stateKey('reflect', v.prompt.id), step);
          break;
        case 'goto':
        case 'end':
          break;
        default:
          claim(pathKey(step.kind, step.path), step);
      }
      if (step.then) visit(step.then);
      if (step.else) visit(step.else);
      for (const option of step.options ?? []) if (option.then) visit(option.then);
    }
  };
  visit(steps);

  // ── 3. states ────────────────────────────────────────────────────────────────────────────
  const states: Record<string, Record<string, unknown>> = {};
  const edges = new Map<string, Set<string>>();
  const fallOffs: Path[] = [];

  const entryOf = (step: Step, seen = new Set<Step>()): Target => {
    if (step.kind === 'end') return FINAL[step.value as 'completed' | 'left'];
    if (step.kind !== 'goto') return step.keys[0] as string;
    const target = labels.get(step.value);
    if (!target) return BROKEN; // reported when the goto is built
    if (seen.has(step)) return BROKEN; // goto a label that is itself a goto back: a loop, reported below
    seen.add(step);
    return entryOf(target, seen);
  };

  const buildList = (list: Step[], cont: Target): Target => {
    list.forEach((step, index) => {
      const next = index + 1 < list.length ? entryOf(list[index + 1] as Step) : cont;
      buildStep(step, next);
    });
    const first = list[0];
    return first ? entryOf(first) : cont;
  };

  const connect = (from: string, to: Target, step: Step): string => {
    if (to === BROKEN) return `#${FINAL.completed}`;
    if (to === FALL_OFF) {
      fallOffs.push(step.path);
      return `#${FINAL.completed}`; // never shipped: the fall-off is an error
    }
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)?.add(to);
    return `#${to}`;
  };

  /** A step reached, with the line it speaks: one line id from script to voice to analytics. */
  const track = (step: string, line: string) => ({ type: 'track', params: { name: 'step', step, line } });

  const buildStep = (step: Step, next: Target) => {
    const v = step.value;
    const [key = ''] = step.keys;
    switch (step.kind) {
      case 'narrate': {
        const list: Line[] = Array.isArray(v) ? v : [v];
        list.forEach((line, index) => {
          const own = step.keys[index] as string;
          const after = index + 1 < list.length ? (step.keys[index + 1] as string) : next;
          const target = connect(own, after, step);
          states[own] = {
            id: own,
            meta: { kind: 'narrate', line: line.id, step: own } satisfies StepMeta,
            entry: [
              { type: 'wait', params: { ms: failsafeMs(line.it) } },
              track(own, line.id),
              { type: 'say', params: { line: line.id } },
            ],
            on: {
              NARRATION_END: { guard: { type: 'lineEnded', params: { line: line.id } }, target },
              REPLAY: { target: `#${own}`, reenter: true },
            },
            after: { wait: { target } },
          };
        });
        return;
      }
      case 'pause': {
        states[key] = {
          id: key,
          meta: { kind: 'pause', step: key } satisfies StepMeta,
          entry: [{ type: 'wait', params: { ms: Math.round(v * 1000) } }],
          // An authored silence: its own delay name, so a guided visit can hold the other waits
          // (narration failsafes, choice timeouts) for the teacher and still keep this one.
          after: { pause: { target: connect(key, next, step) } },
        };
        return;
      }
      case 'scene':
        states[key] = {
          id: key,
          entry: [{ type: 'showScene', params: { scene: v.id, state: v.state, camera: v.camera } }],
          always: { target: connect(key, next, step) },
        };
        return;
      case 'set':
      case 'add':
        states[key] = {
          id: key,
          entry: [{ type: 'assignVars', params: { [step.kind]: v } }],
          always: { target: connect(key, next, step) },
        };
        return;
      case 'do':
        states[key] = {
          id: key,
          entry: [v === 'milestone' ? { type: 'milestone', params: { step: key } } : { type: v }],
          always: { target: connect(key, next, step) },
        };
        return;
      case 'if': {
        const condition = v as Condition;
        const guard =
          'guard' in condition ? { type: condition.guard } : { type: 'check', params: { condition } };
        const thenEntry = buildList(step.then ?? [], next);
        const elseEntry = step.else ? buildList(step.else, next) : next;
        states[key] = {
          id: key,
          always: [
            { guard, target: connect(key, thenEntry, step) },
            { target: connect(key, elseEntry, step) },
          ],
        };
        return;
      }
      case 'goto':
        if (labels.has(v) && entryOf(step) === BROKEN) {
          report([...step.path, 'goto'], `"goto: ${v}" jumps in a circle of gotos that never reaches a step`);
        } else if (!labels.has(v)) {
          const known = [...labels.keys()];
          report(
            [...step.path, 'goto'],
            `there is no step with label "${v}".${didYouMean(v, known)}${known.length ? ` Labels in this journey: ${known.join(', ')}.` : ''}`,
          );
        }
        return;
      case 'end':
        return;
      case 'choose': {
        const options = step.options ?? [];
        const optionEntry = (option: Option): Target => {
          if (option.then) return buildList(option.then, next);
          if (option.goto) {
            const target = labels.get(option.goto);
            if (!target) {
              report(
                [...option.path, 'goto'],
                `there is no step with label "${option.goto}".${didYouMean(option.goto, [...labels.keys()])}`,
              );
              return next;
            }
            return entryOf(target);
          }
          return next;
        };
        const entries = new Map<string, Target>(options.map((o) => [o.key, optionEntry(o)]));
        const chosen = (option: Option, timedOut: boolean) => ({
          target: connect(key, entries.get(option.key) ?? next, step),
          actions: [
            { type: 'recordChoice', params: { timedOut } },
            { type: 'track', params: { name: 'choice', step: key, key: option.key, timedOut } },
          ],
        });
        const timeoutMs = v.timeout !== undefined ? Math.round(v.timeout * 1000) : undefined;
        const fallback = options.find((o) => o.key === v.default);
        states[key] = {
          id: key,
          meta: {
            kind: 'choose',
            line: v.prompt.id,
            options: options.map((o): ChoiceOptionMeta => ({ key: o.key, icon: o.icon, label: o.label.id })),
            ...(timeoutMs !== undefined ? { timeoutMs } : {}),
            ...(v.default !== undefined ? { default: v.default } : {}),
            step: key,
          } satisfies StepMeta,
          entry: [
            ...(timeoutMs !== undefined ? [{ type: 'wait', params: { ms: timeoutMs } }] : []),
            track(key, v.prompt.id),
            { type: 'say', params: { line: v.prompt.id } },
          ],
          on: {
            CHOOSE: options.map((o) => ({
              guard: { type: 'chose', params: { key: o.key } },
              ...chosen(o, false),
            })),
            REPLAY: { target: `#${key}`, reenter: true },
          },
          ...(timeoutMs !== undefined && fallback ? { after: { wait: chosen(fallback, true) } } : {}),
        };
        return;
      }
      case 'note':
        states[key] = {
          id: key,
          meta: { kind: 'note', line: v.id, step: key } satisfies StepMeta,
          entry: [track(key, v.id), { type: 'say', params: { line: v.id } }],
          on: {
            CONTINUE: { target: connect(key, next, step) },
            LEAVE: {
              target: connect(key, FINAL.left, step),
              actions: [{ type: 'track', params: { name: 'left', step: key } }],
            },
            REPLAY: { target: `#${key}`, reenter: true },
          },
        };
        return;
      case 'reflect': {
        const target = connect(key, next, step);
        const handoff = v.mode === 'handoff';
        states[key] = {
          id: key,
          meta: { kind: 'reflect', line: v.prompt.id, mode: v.mode, step: key } satisfies StepMeta,
          entry: [
            ...(handoff ? [{ type: 'wait', params: { ms: failsafeMs(v.prompt.it) } }] : []),
            track(key, v.prompt.id),
            { type: 'track', params: { name: 'reflect', step: key, mode: v.mode } },
            { type: 'say', params: { line: v.prompt.id } },
          ],
          on: {
            ...(handoff
              ? { NARRATION_END: { guard: { type: 'lineEnded', params: { line: v.prompt.id } }, target } }
              : {}),
            CONTINUE: { target },
            REPLAY: { target: `#${key}`, reenter: true },
          },
          ...(handoff ? { after: { wait: { target } } } : {}),
        };
        return;
      }
    }
  };

  const initial = buildList(steps, FALL_OFF);
  for (const path of new Set(fallOffs.map((p) => JSON.stringify(p)))) {
    report(
      JSON.parse(path) as Path,
      'after this step the journey has nowhere to go: add "- end: completed" (or a "goto")',
    );
  }

  // ── 4. reachability: every step reachable, and every step able to reach an end ───────────
  const initialKey = typeof initial === 'string' ? initial : undefined;
  // Reachability and names are only worth checking on a journey whose steps all made sense:
  // otherwise one typo would echo as a dozen follow-on errors.
  const clean = diagnostics.length === 0;
  const reached = new Set<string>();
  const queue = initialKey ? [initialKey] : [];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    if (reached.has(key)) continue;
    reached.add(key);
    for (const to of edges.get(key) ?? []) queue.push(to);
  }
  const reportedSteps = new Set<string>();
  if (initialKey && clean) {
    for (const [key, step] of stepOf) {
      if (!reached.has(key) && !reportedSteps.has(step.path.join('.'))) {
        reportedSteps.add(step.path.join('.'));
        report(
          step.path,
          'this step can never be reached: nothing leads to it (give it a "label" and "goto" it, or remove it)',
        );
      }
    }
    const canEnd = new Set<string>([FINAL.completed, FINAL.left]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [from, tos] of edges) {
        if (!canEnd.has(from) && [...tos].some((to) => canEnd.has(to))) {
          canEnd.add(from);
          grew = true;
        }
      }
    }
    for (const key of reached) {
      const step = stepOf.get(key);
      if (step && !canEnd.has(key) && !reportedSteps.has(step.path.join('.'))) {
        reportedSteps.add(step.path.join('.'));
        report(step.path, 'from here the journey can never reach an "end": these steps loop with no way out');
      }
    }
  }

  // ── 5. every name the machine uses must exist in setup() ─────────────────────────────────
  if (clean) {
    for (const [key, state] of Object.entries(states)) {
      for (const problem of unknownNames(state)) report(stepOf.get(key)?.path ?? [], problem);
    }
  }

  if (diagnostics.length > 0 || !initialKey) return { diagnostics };

  const journey: CompiledJourney = {
    id: head.journey,
    installation: input.installation,
    file,
    order: input.order,
    title: head.title.id,
    minutes: head.minutes,
    ...(head.icon ? { icon: head.icon } : {}),
    lines,
    origins,
    scenes: [...new Set(collectScenes(steps))],
    machine: {
      id: head.journey,
      initial: 'running',
      context: initialContext(),
      states: {
        running: {
          initial: initialKey,
          on: { PAUSE: { target: 'paused' } },
          states: { hist: { type: 'history' }, ...states },
        },
        paused: {
          entry: [{ type: 'silence' }],
          on: { RESUME: { target: 'running.hist' } },
        },
        [FINAL.completed]: {
          id: FINAL.completed,
          type: 'final',
          entry: [{ type: 'track', params: { name: 'completed' } }],
        },
        [FINAL.left]: { id: FINAL.left, type: 'final' },
      },
    },
  };
  return { journey, diagnostics };
}

function collectScenes(list: Step[]): string[] {
  return list.flatMap((step) => [
    ...(step.kind === 'scene' ? [step.value.id as string] : []),
    ...collectScenes(step.then ?? []),
    ...collectScenes(step.else ?? []),
    ...(step.options ?? []).flatMap((o) => collectScenes(o.then ?? [])),
  ]);
}

/** Action, guard and delay names in a state config that journeySetup does not define. */
export function unknownNames(state: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const action = (a: unknown) => {
    const type = typeof a === 'string' ? a : (a as { type?: string })?.type;
    if (type && !MACHINE_NAMES.actions.has(type))
      problems.push(`unknown action "${type}": the station has no such action`);
  };
  const transition = (t: unknown) => {
    for (const one of Array.isArray(t) ? t : [t]) {
      if (!one || typeof one !== 'object') continue;
      const { guard, actions } = one as { guard?: unknown; actions?: unknown[] };
      const type = typeof guard === 'string' ? guard : (guard as { type?: string } | undefined)?.type;
      if (type && !MACHINE_NAMES.guards.has(type))
        problems.push(`unknown guard "${type}": the station has no such condition`);
      for (const a of actions ?? []) action(a);
    }
  };
  for (const a of (state.entry as unknown[]) ?? []) action(a);
  for (const t of Object.values((state.on as Record<string, unknown>) ?? {})) transition(t);
  if (state.always) transition(state.always);
  for (const [delay, t] of Object.entries((state.after as Record<string, unknown>) ?? {})) {
    if (!MACHINE_NAMES.delays.has(delay)) problems.push(`unknown delay "${delay}"`);
    transition(t);
  }
  return problems;
}

function reportIssue(
  issue: z.core.$ZodIssue,
  base: Path,
  report: (path: Path, message: string, onKey?: boolean) => void,
  kind?: string,
): void {
  const path = [...base, ...(issue.path as (string | number)[])];
  const field = String(issue.path.at(-1) ?? kind ?? 'value');
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) report([...path, key], `unknown field "${key}" here (a typo?)`, true);
      return;
    case 'invalid_type':
      if (issue.input === undefined) report(path.slice(0, -1), `missing "${field}": it is required here`);
      else report(path, `"${field}" should be ${article(issue.expected)}`);
      return;
    case 'invalid_value':
      if (field === 'icon') {
        report(path, `unknown icon ${JSON.stringify(issue.input)}: icons are ${JOURNEY_ICONS.join(', ')}`);
      } else {
        report(
          path,
          `${JSON.stringify(issue.input)} is not allowed here; use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        );
      }
      return;
    case 'invalid_union':
      report(
        path,
        kind === 'if' || field === 'not' || typeof issue.path.at(-2) === 'string'
          ? 'not a condition: write { var: name }, { var: name, lt: 3 }, { not: … }, { all: […] }, { any: […] } or { guard: name }'
          : kind === 'narrate'
            ? 'narrate takes a line { id, it } or a list of lines'
            : issue.message,
      );
      return;
    default:
      report(path, issue.message);
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    object: 'a map of fields (name: value)',
    array: 'a list (items starting with "- ")',
    boolean: 'true or false',
  };
  return names[type] ?? type;
}
