// The journey file format (docs/journeys/FORMAT.md) as zod schemas. Build-time only: the
// compiler validates each step kind on its own so that an author reads "unknown step 'narate'"
// rather than a union error, and `journeyFileSchema` (a plain union) feeds the JSON Schema that
// editors use for completion.

import { z } from 'zod';
import { JOURNEY_ICONS } from '../contracts/icons.ts';
import type { Condition } from './compiled.ts';

/** `campo.arrivo.offerta`: lowercase words (digits, dashes) joined by dots, at least two. */
export const LINE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
export const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SPEAKERS = [
  'narratore',
  'lavoratore',
  'lavoratrice',
  'caporale',
  'datore',
  'operatrice',
  'voce',
] as const;

const name = (what: string) =>
  z.string().regex(NAME_PATTERN, `${what}: use lowercase letters, digits and dashes, e.g. "senza-lavoro"`);

export const lineSchema = z
  .object({
    id: z
      .string()
      .regex(LINE_ID_PATTERN, 'a line id is lowercase words joined by dots, e.g. "campo.arrivo.offerta"')
      .describe(
        'Stable line id: caption key, audio file name, recording script row. Never change it for a typo.',
      ),
    it: z
      .string()
      .trim()
      .min(1, 'the Italian text is empty')
      .max(400, 'a line is at most 400 characters: split it'),
    speaker: z.enum(SPEAKERS).optional().describe('Who speaks, for the recording script.'),
  })
  .strict();

export type Line = z.infer<typeof lineSchema>;

const variableValue = z.union([z.boolean(), z.number()]);
const variables = z.record(name('a variable name'), variableValue);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z
      .object({
        var: name('a variable name'),
        eq: variableValue.optional(),
        ne: variableValue.optional(),
        lt: z.number().optional(),
        lte: z.number().optional(),
        gt: z.number().optional(),
        gte: z.number().optional(),
      })
      .strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ guard: z.string() }).strict(),
  ]),
);

const seconds = (min: number, max: number) =>
  z.number().min(min, `at least ${min} seconds`).max(max, `at most ${max} seconds`);

/** Per step kind: the schema of the value under the step's key. Nested step lists are checked by the compiler. */
export const STEP_VALUE_SCHEMAS = {
  narrate: z.union([lineSchema, z.array(lineSchema).min(1, 'narrate needs at least one line')]),
  pause: seconds(0.5, 30),
  scene: z
    .object({
      id: name('a scene id'),
      state: name('a scene state').optional(),
      camera: name('a camera').optional(),
    })
    .strict(),
  choose: z
    .object({
      prompt: lineSchema,
      timeout: seconds(5, 120).optional(),
      default: name('an option key').optional(),
      options: z
        .array(
          z
            .object({
              key: name('an option key'),
              icon: z.enum(JOURNEY_ICONS),
              label: lineSchema,
              then: z.array(z.unknown()).optional(),
              goto: name('a label').optional(),
            })
            .strict(),
        )
        .min(2, 'a choice needs 2 to 4 options')
        .max(4, 'a choice needs 2 to 4 options'),
    })
    .strict(),
  set: variables,
  add: z.record(name('a variable name'), z.number()),
  if: conditionSchema,
  goto: name('a label'),
  note: lineSchema,
  do: z.string(),
  reflect: z.object({ prompt: lineSchema, mode: z.enum(['handoff', 'inline']) }).strict(),
  end: z.enum(['completed', 'left']),
} as const;

export type StepKind = keyof typeof STEP_VALUE_SCHEMAS;
export const STEP_KINDS = Object.keys(STEP_VALUE_SCHEMAS) as StepKind[];
/** Keys that may sit beside a step's kind. `then`/`else` only beside `if`. */
export const STEP_EXTRA_KEYS = ['label', 'then', 'else'] as const;

export const journeyHeaderSchema = z
  .object({
    journey: name('a journey id').describe('The journey id; by convention the file name without its number.'),
    title: lineSchema,
    minutes: z.number().min(0.5).max(10).describe('How long the station takes, for the staff panel.'),
    icon: z.enum(JOURNEY_ICONS).optional().describe('Picture for the journey on a menu (info point topics).'),
    notes: z.string().optional().describe('For authors: sources, composite characters, care notes.'),
    steps: z.array(z.unknown()).min(1),
  })
  .strict();

// ── JSON Schema for editors ─────────────────────────────────────────────────────────────────

const stepForEditors: z.ZodType = z.lazy(() =>
  z.union(
    STEP_KINDS.map((kind) =>
      z
        .object({
          label: name('a label').optional(),
          [kind]: kind === 'choose' ? chooseForEditors : STEP_VALUE_SCHEMAS[kind],
          ...(kind === 'if'
            ? { then: z.array(stepForEditors), else: z.array(stepForEditors).optional() }
            : {}),
        })
        .strict(),
    ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
  ),
);

const chooseForEditors = STEP_VALUE_SCHEMAS.choose.extend({
  options: z.array(
    STEP_VALUE_SCHEMAS.choose.shape.options.element.extend({ then: z.array(stepForEditors).optional() }),
  ),
});

export const journeyFileSchema = journeyHeaderSchema.extend({ steps: z.array(stepForEditors).min(1) });

export const scenesFileSchema = z.record(
  name('a scene id'),
  z
    .object({
      title: z.string().min(1).describe('What the scene shows, for authors.'),
      states: z.array(name('a scene state')).min(1),
      cameras: z.array(name('a camera')).min(1),
      ambience: name('an ambience bed')
        .optional()
        .describe(
          'The bed played quietly under the scene and ducked under narration: an id of "beds" in audio/manifest.json (npm run audio:beds).',
        ),
    })
    .strict(),
);

export type ScenesFile = z.infer<typeof scenesFileSchema>;
