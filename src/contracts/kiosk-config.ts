// The kiosk config: one validated JSON file per deployment (kiosk-config/<name>.json).
// The browser validates it at boot, the build validates every file in kiosk-config/, and
// scripts/kiosk-schema.ts turns this schema into kiosk-config/schema.json for editors.

import * as z from 'zod/mini';
import type { StationId } from './ids.ts';
import { LANGUAGE_CODES } from './languages.ts';
import { AUDIENCE_KEYS, type Audience, EVENT_TYPE_KEYS, type EventType, PROVINCES } from './register.ts';

export const INSTALLATIONS = ['workers', 'nobody', 'infopoint'] as const;
export type Installation = (typeof INSTALLATIONS)[number];

export const STATION_ROLES = ['journey', 'reflection', 'wall', 'infopoint'] as const;
export type StationRole = (typeof STATION_ROLES)[number];

/** `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>` as printed by `npm run pin`. */
export const PIN_HASH_PATTERN = /^pbkdf2-sha256\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;
export const MIN_PIN_ITERATIONS = 600_000;

// zod/mini, not classic zod: this schema runs in the browser at every boot, and mini is a
// fraction of the size (see docs/decisions/0006-cold-start-budget.md).
const language = () =>
  z.enum(LANGUAGE_CODES).check(z.describe('A language code, e.g. "it", "en", "ar", "pt-BR".'));

/** An integer setting in seconds, with bounds and a default. */
const secondsSetting = (min: number, max: number, fallback: number, description: string) =>
  z._default(z.int().check(z.minimum(min), z.maximum(max), z.describe(description)), fallback);

export const kioskConfigSchema = z.strictObject({
  $schema: z.optional(z.string().check(z.describe('Path to schema.json, for editor completion.'))),
  installation: z.enum(INSTALLATIONS).check(z.describe('Which installation this station belongs to.')),
  station: z.strictObject({
    id: z.pipe(
      z
        .string()
        .check(
          z.regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'use 2–48 lowercase letters, digits and dashes'),
          z.describe('Stable id of this station, e.g. "workers-01". Appears in every record.'),
        ),
      z.transform((id: string) => id as StationId),
    ),
    role: z.enum(STATION_ROLES).check(z.describe('What this station does.')),
    journey: z.optional(
      z
        .string()
        .check(
          z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use the journey id, e.g. "campo"'),
          z.describe(
            'For a journey station: which journey it runs, e.g. "campo" (scenes/<installation>/NN-campo.journey.yaml). Default: the first.',
          ),
        ),
    ),
    name: z
      .string()
      .check(z.minLength(1), z.maxLength(80), z.describe('A name staff recognise, e.g. "Workers – campo".')),
  }),
  languages: z
    .strictObject({
      offered: z.array(language()).check(
        z.minLength(1),
        z.maxLength(16),
        z.refine((codes) => new Set(codes).size === codes.length, 'each language may appear only once'),
        z.describe('Languages visitors can choose, in the order they are offered.'),
      ),
      default: language().check(z.describe('Language used when a visitor does not choose one.')),
    })
    .check(
      z.refine((langs) => langs.offered.includes(langs.default), {
        message: 'the default language must be one of the offered languages',
        path: ['default'],
      }),
    ),
  idle: z._default(
    z.strictObject({
      attentionSeconds: secondsSetting(
        10,
        600,
        45,
        'Seconds without a touch before the station asks "still there?".',
      ),
      warningSeconds: secondsSetting(
        5,
        120,
        15,
        'Seconds the "still there?" countdown lasts before the station resets.',
      ),
      typingSeconds: secondsSetting(
        30,
        900,
        120,
        'Seconds of no keystroke before asking "still there?" while a visitor is writing.',
      ),
    }),
    { attentionSeconds: 45, warningSeconds: 15, typingSeconds: 120 },
  ),
  staff: z.strictObject({
    pinHash: z.string().check(
      z.regex(PIN_HASH_PATTERN, 'use the hash printed by "npm run pin", not the PIN itself'),
      z.refine(
        (hash) => Number(PIN_HASH_PATTERN.exec(hash)?.[1] ?? 0) >= MIN_PIN_ITERATIONS,
        `the PIN hash needs at least ${MIN_PIN_ITERATIONS} iterations: run "npm run pin" again`,
      ),
      z.describe('PBKDF2-SHA256 hash of the staff PIN, printed by `npm run pin`.'),
    ),
  }),
  events: z._default(
    z
      .array(
        z.strictObject({
          id: z
            .string()
            .check(
              z.regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'use 2–64 lowercase letters, digits and dashes'),
              z.describe('Stable id of the event, e.g. "2026-11-golgi-breno".'),
            ),
          title: z.string().check(z.minLength(1), z.maxLength(120), z.describe('What staff will recognise.')),
          type: z
            .enum(EVENT_TYPE_KEYS as [EventType, ...EventType[]])
            .check(z.describe('Event type, from the register’s list.')),
          audience: z
            .enum(AUDIENCE_KEYS as [Audience, ...Audience[]])
            .check(z.describe('Who the event is for, from the register’s list.')),
          venue: z._default(z.string().check(z.maxLength(120)), ''),
          municipality: z._default(z.string().check(z.maxLength(80)), ''),
          province: z.enum(PROVINCES).check(z.describe('BG BS CR LC LO MN PV, or "other".')),
          startDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD')),
          endDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD')),
        }),
      )
      .check(
        z.maxLength(200),
        z.describe('Scheduled events staff can pick in the staff panel (they can also create one there).'),
      ),
    [],
  ),
  register: z.optional(
    z
      .strictObject({
        url: z
          .union([z.literal('/'), z.url()])
          .check(
            z.describe(
              'Where the events register is: "/" for the server that serves this app (npm start, npm run register), or its base URL on this same origin. The page’s security policy allows no other origin.',
            ),
          ),
      })
      .check(z.describe('Where this kiosk syncs its records. Leave out to keep records on the kiosk only.')),
  ),
  stage: z._default(
    z.strictObject({
      tier: z._default(
        z
          .enum(['auto', 'minimal', 'low', 'medium', 'high'])
          .check(
            z.describe(
              '3D quality: "auto" measures the GPU at start-up; "minimal", "low", "medium" or "high" fix it (e.g. "low" on a machine known to struggle, "minimal" where even that stutters: light worked out in advance, at most 640 × 360 pixels scaled up).',
            ),
          ),
        'auto',
      ),
    }),
    { tier: 'auto' },
  ),
  audio: z._default(
    z.strictObject({
      volume: z._default(
        z.number().check(z.minimum(0), z.maximum(1), z.describe('Narration volume, 0 to 1.')),
        0.8,
      ),
    }),
    { volume: 0.8 },
  ),
});

export type KioskConfig = z.output<typeof kioskConfigSchema>;
export type KioskConfigInput = z.input<typeof kioskConfigSchema>;

/** A config problem, said in both languages staff may read, naming the field. */
export interface ConfigProblem {
  field: string;
  it: string;
  en: string;
}

export type ParseConfigResult = { ok: true; config: KioskConfig } | { ok: false; problems: ConfigProblem[] };

export function parseKioskConfig(value: unknown): ParseConfigResult {
  const result = kioskConfigSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: result.error.issues.map(describeIssue) };
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue): ConfigProblem {
  const field = fieldPath(issue.path);
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return { field, it: 'manca: questo campo è obbligatorio', en: 'missing: this field is required' };
  }
  switch (issue.code) {
    case 'invalid_type':
      return {
        field,
        it: `tipo sbagliato: serve ${typeName(issue.expected, 'it')}`,
        en: `wrong type: expected ${typeName(issue.expected, 'en')}`,
      };
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return {
        field,
        it: `valore non ammesso; usa uno di: ${allowed}`,
        en: `value not allowed; use one of: ${allowed}`,
      };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return {
        field,
        it: `campo sconosciuto: ${keys} (errore di battitura?)`,
        en: `unknown field: ${keys} (a typo?)`,
      };
    }
    case 'too_small':
      return {
        field,
        it: `troppo piccolo: minimo ${String(issue.minimum)}`,
        en: `too small: at least ${String(issue.minimum)}`,
      };
    case 'too_big':
      return {
        field,
        it: `troppo grande: massimo ${String(issue.maximum)}`,
        en: `too big: at most ${String(issue.maximum)}`,
      };
    default:
      return { field, it: translateCustom(issue.message), en: issue.message };
  }
}

function typeName(expected: string, lang: 'it' | 'en'): string {
  const names: Record<string, [string, string]> = {
    string: ['un testo tra virgolette', 'a string in quotes'],
    number: ['un numero', 'a number'],
    object: ['un oggetto { … }', 'an object { … }'],
    array: ['un elenco [ … ]', 'a list [ … ]'],
    boolean: ['true o false', 'true or false'],
  };
  const pair = names[expected];
  return pair ? pair[lang === 'it' ? 0 : 1] : expected;
}

const ITALIAN_MESSAGES: Record<string, string> = {
  'use 2–48 lowercase letters, digits and dashes': 'usa da 2 a 48 lettere minuscole, cifre e trattini',
  'use the journey id, e.g. "campo"': 'usa l’id del percorso, per esempio "campo"',
  'use 2–64 lowercase letters, digits and dashes': 'usa da 2 a 64 lettere minuscole, cifre e trattini',
  'use a date as YYYY-MM-DD': 'scrivi la data come AAAA-MM-GG',
  'each language may appear only once': 'ogni lingua può comparire una sola volta',
  'the default language must be one of the offered languages':
    'la lingua predefinita deve essere tra quelle offerte',
  'use the hash printed by "npm run pin", not the PIN itself':
    'usa l’hash stampato da "npm run pin", non il PIN',
  [`the PIN hash needs at least ${MIN_PIN_ITERATIONS} iterations: run "npm run pin" again`]: `l’hash del PIN richiede almeno ${MIN_PIN_ITERATIONS} iterazioni: esegui di nuovo "npm run pin"`,
  'Invalid URL': 'indirizzo (URL) non valido',
};

function translateCustom(message: string): string {
  return ITALIAN_MESSAGES[message] ?? message;
}
