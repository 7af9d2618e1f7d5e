// The compiled record checks against zod itself: whatever they accept, zod accepts with the
// same result (same keys in the same order, same values, arrays copied); whatever they cannot
// vouch for they leave to zod. Valid records of every kind must take the fast path.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type AttendanceRecord, attendanceType } from '../records/attendance.ts';
import { type ReflectionRecord, reflectionType } from '../records/reflection.ts';
import { createUuid7 } from '../records/uuid.ts';
import { compileRecordCheck } from './record-check.ts';

const newId = createUuid7();

const envelope = (seq: number) => ({
  id: newId(),
  device: 'device-0001',
  seq,
  event: 'evento-1' as string | null,
  station: 'workers-01',
  at: '2026-11-23T09:00:00.000Z',
  mono: 1234.5,
  boot: 'boot-0001',
  synced: 0 as const,
  v: 1,
});
const journey = { installation: 'workers', journey: 'campo', language: 'it' };

const ATTENDANCE: AttendanceRecord[] = [
  { ...envelope(1), kind: 'check-in', group: '3B Liceo Golgi', size: 24 },
  { ...envelope(2), kind: 'tally', delta: -3, reason: '' },
  { ...envelope(3), kind: 'journey-start', ...journey },
  { ...envelope(4), kind: 'journey-end', ...journey, durationMs: 93_000 },
  { ...envelope(5), kind: 'choice', ...journey, step: 's1', key: 'k0', timedOut: false },
  { ...envelope(6), kind: 'abandon', ...journey, step: null, reason: 'idle', durationMs: 0 },
  { ...envelope(7), event: null, kind: 'correction', corrects: newId(), value: 0, reason: 'typo' },
];

const REFLECTIONS: ReflectionRecord[] = [
  {
    ...envelope(8),
    language: 'it',
    text: 'Non lo sapevo',
    pictograms: ['sad', 'hope'],
    status: 'pending',
    flags: [],
    disclosure: false,
    moderatedAt: null,
  },
  {
    ...envelope(9),
    synced: 0,
    language: 'ur',
    text: '',
    pictograms: ['angry'],
    status: 'approved',
    flags: ['x'],
    disclosure: true,
    moderatedAt: '2026-11-23T11:00:00Z',
  },
];

/** Equal in every way zod's output could differ: key order, -0, arrays, prototypes. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => i in a && i in b && same(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const keys = Object.keys(a);
    const others = Object.keys(b);
    if (keys.join('\u0000') !== others.join('\u0000')) return false;
    return keys.every((key) =>
      same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    );
  }
  return Object.is(a, b);
}

const compiledAttendance = compileRecordCheck<AttendanceRecord>(attendanceType.schema);
const compiledReflection = compileRecordCheck<ReflectionRecord>(reflectionType.schema);
const undecided = (): undefined => undefined;
const fastAttendance = compiledAttendance ?? undecided;
const fastReflection = compiledReflection ?? undecided;

/** The fast check agrees with zod on `value`; returns whether it decided. */
function agrees(schema: z.ZodMiniType<unknown>, fast: (value: unknown) => unknown, value: unknown): boolean {
  const result = fast(value);
  if (result === undefined) return false;
  const parsed = schema.safeParse(value);
  expect(parsed.success, `zod refuses what the fast check accepted: ${JSON.stringify(value)}`).toBe(true);
  expect(same(result, parsed.data), `different result for ${JSON.stringify(value)}`).toBe(true);
  return true;
}

describe('compiled record checks', () => {
  it('compile for both record schemas (else the register falls back to zod alone, slowly)', () => {
    expect(compiledAttendance).not.toBeNull();
    expect(compiledReflection).not.toBeNull();
  });

  it('accept valid records of every kind with what zod returns, copying arrays', () => {
    for (const record of ATTENDANCE) expect(agrees(attendanceType.schema, fastAttendance, record)).toBe(true);
    for (const record of REFLECTIONS) {
      expect(agrees(reflectionType.schema, fastReflection, record)).toBe(true);
      const result = fastReflection(record) as ReflectionRecord;
      expect(result).not.toBe(record);
      expect(result.pictograms).not.toBe(record.pictograms);
    }
  });

  it('leave unknown keys out, as zod does', () => {
    const record = { ...ATTENDANCE[1], extra: 1, __proto__: { inherited: 2 } };
    const result = fastAttendance(record) as unknown as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(Object.keys(attendanceType.schema.safeParse(record).data as object));
    expect('extra' in result).toBe(false);
  });

  it('leave to zod what they cannot vouch for', () => {
    const base = ATTENDANCE[4] as unknown as Record<string, unknown>;
    const eightEmoji = { ...base, language: '😀'.repeat(8) };
    const unsure: unknown[] = [
      null,
      [],
      'record',
      { ...base, kind: 'nope' },
      { ...base, seq: 0 },
      { ...base, seq: 1.5 },
      { ...base, seq: 2 ** 53 },
      { ...base, mono: Number.NaN },
      { ...base, mono: Number.POSITIVE_INFINITY },
      { ...base, mono: -1 },
      { ...base, at: '2026-11-23 09:00' },
      { ...base, id: 'not-a-uuid' },
      { ...base, synced: 2 },
      { ...base, timedOut: 'no' },
      { ...base, step: 'x'.repeat(65) },
      // Code points, not UTF-16 units: one emoji is two units but one character.
      { ...base, language: '😀' },
      eightEmoji,
      { ...ATTENDANCE[1], delta: 0 },
      { ...ATTENDANCE[1], delta: 101 },
      { ...ATTENDANCE[1], delta: -100.5 },
      { ...ATTENDANCE[0], size: 501 },
      Object.fromEntries(Object.entries(base as object).filter(([key]) => key !== 'device')),
    ];
    for (const value of unsure) expect(fastAttendance(value), JSON.stringify(value)).toBeUndefined();
    // zod still takes 8 emoji as 8 characters: the register answers as zod does.
    expect(attendanceType.schema.safeParse(eightEmoji).success).toBe(true);
    const empty = { ...REFLECTIONS[0], text: '  ', pictograms: [] };
    expect(fastReflection(empty)).toBeUndefined();
    expect(fastReflection({ ...REFLECTIONS[0], pictograms: ['a', 7] })).toBeUndefined();
    expect(fastReflection({ ...REFLECTIONS[0], status: 'maybe' })).toBeUndefined();
    expect(
      fastReflection({ ...REFLECTIONS[0], pictograms: Array.from({ length: 9 }, () => 'a') }),
    ).toBeUndefined();
  });

  it('compile to nothing for schemas with parts they do not know', () => {
    expect(compileRecordCheck(z.object({ a: z.optional(z.string()) }))).toBeNull();
    expect(compileRecordCheck(z.object({ a: z.string().check(z.trim()) }))).toBeNull();
    expect(compileRecordCheck(z.object({ a: z.email() }))).toBeNull();
    expect(compileRecordCheck(z.looseObject({ a: z.string() }))).toBeNull();
    expect(compileRecordCheck(z.object({ a: z.literal(undefined) }))).toBeNull();
    expect(compileRecordCheck(z.object({ a: z.float32() }))).toBeNull();
    expect(compileRecordCheck(z.object({ a: z.string() }))).not.toBeNull();
  });

  it('agree with zod at every limit of every field', () => {
    const lengths = [0, 1, 2, 8, 9, 20, 32, 48, 60, 64, 120, 280]
      .flatMap((n) => [n - 1, n, n + 1])
      .filter((n) => n >= 0);
    const values: unknown[] = [
      ...lengths.flatMap((n) => ['x', 'é', '😀'].map((c) => c.repeat(n))),
      ...lengths.map((n) => Array.from({ length: n }, () => 'a')),
      ...[0, 1, 100, 500, 2 ** 53 - 1].flatMap((bound) =>
        [-1, -0.5, 0, 0.5, 1].flatMap((step) => [bound + step, -bound + step]),
      ),
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      undefined,
      true,
      false,
      {},
      [null],
      'pending',
      'approved',
      '2026-11-23T09:00:00Z',
      '2026-02-29T09:00:00.000Z',
      newId(),
    ];
    let decided = 0;
    for (const record of [...ATTENDANCE, ...REFLECTIONS]) {
      const reflection = 'status' in record;
      const schema = (reflection ? reflectionType.schema : attendanceType.schema) as z.ZodMiniType<unknown>;
      const fast: (value: unknown) => unknown = reflection ? fastReflection : fastAttendance;
      for (const key of Object.keys(record))
        for (const value of values) if (agrees(schema, fast, { ...record, [key]: value })) decided++;
    }
    expect(decided).toBeGreaterThan(1000);
  });

  it('never accept what zod refuses, nor answer differently (fuzzed around valid records)', () => {
    const strings = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 70 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('', 'it', '😀😀', '\uD800x', 'x\uDC00'),
    );
    // Right at, under and over every length limit, in one-unit and in two-unit characters.
    const limits = [0, 1, 2, 8, 20, 32, 48, 60, 64, 120, 280]
      .flatMap((n) => [n - 1, n, n + 1])
      .filter((n) => n >= 0);
    const edges = fc
      .tuple(fc.constantFrom(...limits), fc.constantFrom('x', 'é', '😀'))
      .map(([n, c]) => c.repeat(n));
    const numbers = fc.oneof(
      fc.double(),
      fc.integer({ min: -1000, max: 1000 }),
      // Right at, under and over every bound, and the safe-integer edge.
      fc
        .tuple(
          fc.constantFrom(0, 1, 100, 500, 2 ** 53 - 1),
          fc.constantFrom(-1, -0.5, 0, 0.5, 1),
          fc.boolean(),
        )
        .map(([bound, step, negative]) => (negative ? -bound : bound) + step),
      fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
    );
    const arrays = fc.oneof(
      fc.array(fc.oneof(edges, strings), { maxLength: 22 }),
      fc.constantFrom(0, 1, 7, 8, 9, 19, 20, 21).map((n) => Array.from({ length: n }, () => 'a')),
    );
    const junk = fc.oneof(
      { arbitrary: edges, weight: 4 },
      { arbitrary: numbers, weight: 4 },
      { arbitrary: arrays, weight: 2 },
      strings,
      fc.anything({ maxDepth: 2 }),
    );
    const mutation = fc.tuple(fc.nat(), junk, fc.constantFrom('set', 'delete', 'add'));
    const base = fc.constantFrom(...ATTENDANCE, ...REFLECTIONS);
    let decided = 0;
    fc.assert(
      fc.property(base, fc.array(mutation, { maxLength: 3 }), (record, mutations) => {
        const value: Record<string, unknown> = { ...record };
        for (const [at, junkValue, how] of mutations) {
          const keys = Object.keys(value);
          const key = how === 'add' ? `extra${at % 3}` : (keys[at % keys.length] as string);
          if (how === 'delete') delete value[key];
          else value[key] = junkValue;
        }
        const reflection = 'status' in record;
        const schema = (reflection ? reflectionType.schema : attendanceType.schema) as z.ZodMiniType<unknown>;
        const fast: (value: unknown) => unknown = reflection ? fastReflection : fastAttendance;
        if (agrees(schema, fast, value)) decided++;
      }),
      { numRuns: 5000 },
    );
    // Unmutated and merely extended records take the fast path: the property is not vacuous.
    expect(decided).toBeGreaterThan(100);
  });
});
