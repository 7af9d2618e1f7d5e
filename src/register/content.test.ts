// The register's content JSON (ingest.ts canonicalContent) is canonicalJson with the record's
// bookkeeping left out, whatever the record: its faster path for flat records must write the
// very same text, or stored content hashes would change.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../contracts/canonical-json.ts';
import type { AttendanceRecord } from '../records/attendance.ts';
import type { ReflectionRecord } from '../records/reflection.ts';
import { canonicalContent } from './ingest.ts';

type AnyRecord = AttendanceRecord | ReflectionRecord;

const omitOf = (value: object): ReadonlySet<string> =>
  new Set('status' in value ? ['synced', 'status', 'moderatedAt'] : ['synced']);

const expected = (value: object): string => canonicalJson(value, omitOf(value));

describe('canonical content', () => {
  it('is canonicalJson without the bookkeeping, for the shapes the register sees', () => {
    const attendance = {
      id: 'a',
      device: 'device-1',
      seq: 1,
      event: null,
      station: 's',
      at: '2026-11-23T09:00:00.000Z',
      mono: -0,
      boot: 'b',
      synced: 1,
      v: 1,
      kind: 'choice',
      step: 'é"\\\n\u2028\uD800',
      key: '',
      timedOut: true,
    };
    const reflection = {
      ...attendance,
      text: 'x',
      pictograms: ['a', 'b'],
      flags: [],
      status: 'approved',
      moderatedAt: null,
    };
    for (const value of [attendance, reflection, { ...attendance, seq: 2 }, { z: 1, ...attendance }]) {
      expect(canonicalContent(value as unknown as AnyRecord)).toBe(expected(value));
      // The second time the key list is known.
      expect(canonicalContent(value as unknown as AnyRecord)).toBe(expected(value));
    }
    expect(canonicalContent(attendance as unknown as AnyRecord)).not.toContain('synced');
    expect(canonicalContent(reflection as unknown as AnyRecord)).not.toContain('approved');
  });

  it('leaves what a copy would change to canonicalJson', () => {
    const odd: object[] = [
      { b: 1, 10: 'ten', 9: 'nine', a: 2 },
      JSON.parse('{"b":1,"__proto__":{"x":1},"a":2}'),
      { b: 1, a: { d: 1, c: 2 } },
      { b: [{ d: 1, c: 2 }], a: 1 },
      { b: 1, toJSON: () => 'me' },
      Object.assign(Object.create({ toJSON: () => 'inherited' }), { b: 1 }),
      {
        b: 1,
        toJSON() {
          return this;
        },
      },
      { b: undefined, a: () => 1, c: Symbol('s'), d: [undefined, () => 1] },
      { b: new Date(0), a: 1 },
      {},
    ];
    for (const value of odd) {
      expect(canonicalContent(value as AnyRecord)).toBe(expected(value));
      expect(canonicalContent(value as AnyRecord)).toBe(expected(value));
    }
  });

  it('matches canonicalJson on random records (same keys in other orders, nested values)', () => {
    const key = fc.oneof(
      fc.constantFrom(
        'id',
        'seq',
        'synced',
        'status',
        'moderatedAt',
        'a',
        'b',
        '__proto__',
        '1',
        '01',
        'toJSON',
      ),
      fc.string({ maxLength: 4 }),
    );
    const value = fc.oneof(
      { arbitrary: fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), weight: 4 },
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
      fc.anything({ maxDepth: 2 }),
    );
    const entries = fc.array(fc.tuple(key, value), { maxLength: 12 });
    fc.assert(
      fc.property(entries, fc.boolean(), (list, viaJson) => {
        const record: Record<string, unknown> = {};
        for (const [k, v] of list)
          Object.defineProperty(record, k, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        let value: object = record;
        if (viaJson) {
          try {
            value = JSON.parse(JSON.stringify(record));
          } catch {
            return; // a BigInt: canonicalJson throws on it too
          }
        }
        let want: string | Error;
        try {
          want = expected(value);
        } catch (error) {
          want = error as Error;
        }
        if (want instanceof Error) expect(() => canonicalContent(value as AnyRecord)).toThrow();
        else expect(canonicalContent(value as AnyRecord)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});
