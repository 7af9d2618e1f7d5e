// The register under abuse, on SQLite and PostgreSQL: 10,000 malformed payloads (fast-check)
// never get a 5xx and never store anything; 1,000 random histories of duplicated, reordered,
// truncated and cut-mid-request batches end with every record stored exactly once; ten kiosks
// sending 10,000 records each at the same time add up exactly.

import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceRecord } from '../records/attendance.ts';
import { createUuid7 } from '../records/uuid.ts';
import type { SyncItem } from '../sync/bundle.ts';
import { buildRegisterApp } from './app.ts';
import type { OpenedRegister } from './db.ts';
import { ingestItems } from './ingest-items.ts';
import { enrolKiosk } from './kiosks.ts';
import { createStaff } from './staff.ts';
import { BACKENDS } from './test-backends.ts';

const newId = createUuid7();

function tally(device: string, seq: number, delta: number): Extract<AttendanceRecord, { kind: 'tally' }> {
  return {
    id: newId(),
    device,
    seq,
    event: 'fuzz',
    station: 'workers-01',
    at: '2026-11-23T09:00:00.000Z',
    mono: seq,
    boot: 'boot-fuzz',
    synced: 0,
    v: 1,
    kind: 'tally',
    delta,
    reason: '',
  };
}

/** A valid record broken in one way that no schema may accept. */
const brokenRecord = fc
  .tuple(
    fc.constantFrom(
      (r: Record<string, unknown>, junk: unknown) => ({
        ...r,
        id: typeof junk === 'string' ? `x${junk}` : junk,
      }),
      (r: Record<string, unknown>, junk: unknown) => ({
        ...r,
        seq: typeof junk === 'number' && junk >= 1 && Number.isInteger(junk) ? -junk : String(junk),
      }),
      (r: Record<string, unknown>, junk: unknown) => ({ ...r, kind: `no-${String(junk)}` }),
      (r: Record<string, unknown>, junk: unknown) => ({ ...r, at: `not a time ${String(junk)}` }),
      (r: Record<string, unknown>, junk: unknown) => ({
        ...r,
        delta: typeof junk === 'number' ? 1e9 : [junk],
      }),
      (r: Record<string, unknown>) => {
        const { device: _device, ...rest } = r;
        return rest;
      },
      (_r: Record<string, unknown>, junk: unknown) => junk,
    ),
    fc.anything({ maxDepth: 2 }),
  )
  .map(([breakIt, junk]) => breakIt(tally(`fuzz-${crypto.randomUUID()}`, 1, 1) as never, junk));

/** Bodies the batch endpoint must refuse (4xx) or answer with every record rejected. */
const malformedBatch = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record({ sentAt: fc.string(), records: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }) }),
  fc.record({
    sentAt: fc.constant(new Date().toISOString()),
    heartbeat: fc.option(
      fc.record({
        appVersion: fc.string({ maxLength: 60 }),
        pending: fc.integer(),
        storageRatio: fc.double(),
      }),
    ),
    records: fc.array(
      fc.record({
        store: fc.constantFrom('attendance', 'reflections', 'events', 'nope'),
        record: brokenRecord,
      }),
      { maxLength: 4 },
    ),
  }),
  fc.array(fc.anything(), { maxLength: 5 }),
);

/** A dashboard event that breaks at least one rule. */
const malformedEvent = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.record({
    title: fc.oneof(fc.constant(''), fc.string({ minLength: 121, maxLength: 130 })),
    type: fc.string(),
    audience: fc.constantFrom('students', 'nessuno'),
    province: fc.string({ maxLength: 3 }),
    startDate: fc.string({ maxLength: 12 }),
    endDate: fc.string({ maxLength: 12 }),
    peopleReached: fc.oneof(fc.double(), fc.integer({ max: -1 }), fc.string()),
  }),
);

describe.each(BACKENDS)('the register under abuse on %s', (_name, backend, available) => {
  let opened: OpenedRegister & { dispose(): Promise<void> };
  let app: FastifyInstance;
  let token: string;
  let kioskId: string;
  let cookie: string;

  beforeAll(async () => {
    if (!available) return;
    opened = await backend.open();
    const kiosk = await enrolKiosk(opened.db, 'Fuzz');
    token = kiosk.token;
    kioskId = kiosk.id;
    await createStaff(opened.db, 'fuzz', 'una-password-lunga');
    app = await buildRegisterApp({
      db: opened.db,
      backend: opened.backend,
      rate: { burst: 1e9, perSecond: 1e9 },
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'fuzz', password: 'una-password-lunga' },
    });
    cookie = String(login.headers['set-cookie']).split(';')[0] as string;
  });
  afterAll(async () => {
    if (!available) return;
    await app.close();
    await opened.dispose();
  });

  const count = async (table: 'records' | 'events' | 'quarantine') =>
    Number(
      (
        await opened.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.skipIf(!available)(
    '10,000 malformed payloads: a 4xx or every record rejected, never a 5xx, nothing stored',
    async () => {
      const before = { records: await count('records'), events: await count('events') };
      let fours = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            malformedBatch.map((body) => ({ url: '/api/v1/batches', body, auth: `Bearer ${token}` })),
            malformedEvent.map((body) => ({ url: '/api/v1/events', body, auth: '' })),
            fc
              .string({ maxLength: 200 })
              .map((raw) => ({ url: '/api/v1/batches', body: raw, auth: `Bearer ${token}`, raw: true })),
          ),
          async ({ url, body, auth, raw }: { url: string; body: unknown; auth: string; raw?: boolean }) => {
            const response = await app.inject({
              method: 'POST',
              url,
              headers: {
                'content-type': 'application/json',
                ...(auth ? { authorization: auth } : { cookie }),
              },
              payload: raw ? (body as string) : JSON.stringify(body),
            });
            expect(response.statusCode, response.body).toBeLessThan(500);
            if (response.statusCode >= 400) {
              fours++;
              expect(response.json().error).toEqual(expect.any(String));
            } else {
              const results = response.json().results as Array<{ status: string }>;
              expect(
                results.every((r) => r.status === 'rejected'),
                response.body,
              ).toBe(true);
            }
          },
        ),
        { numRuns: 10_000, seed: 20261207 },
      );
      expect(fours).toBeGreaterThan(5_000);
      expect(await count('records')).toBe(before.records);
      expect(await count('events')).toBe(before.events);
    },
    180_000,
  );

  it.skipIf(!available)('bad and revoked tokens, oversized bodies and the rate limit', async () => {
    const post = (auth: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/batches',
        headers: { 'content-type': 'application/json', authorization: auth },
        payload,
      });
    const empty = JSON.stringify({ sentAt: new Date().toISOString(), records: [] });
    expect((await post('Bearer short', empty)).statusCode).toBe(401);
    expect((await post('Basic abc', empty)).statusCode).toBe(401);
    expect((await post(`Bearer ${'x'.repeat(43)}`, empty)).statusCode).toBe(401);
    const huge = JSON.stringify({
      sentAt: new Date().toISOString(),
      records: [],
      pad: 'x'.repeat(1024 * 1024),
    });
    const tooBig = await post(`Bearer ${token}`, huge);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toContain('fewer records');
    const slow = await buildRegisterApp({
      db: opened.db,
      backend: opened.backend,
      rate: { burst: 2, perSecond: 0.1 },
    });
    const inject = () =>
      slow.inject({
        method: 'POST',
        url: '/api/v1/batches',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: empty,
      });
    expect((await inject()).statusCode).toBe(200);
    expect((await inject()).statusCode).toBe(200);
    const limited = await inject();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await slow.close();
  });

  it.skipIf(!available)(
    '1,000 histories of duplicated, reordered, truncated and cut batches store each record once',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 40 }),
          fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
          fc.array(fc.constantFrom('deliver', 'duplicate', 'reorder', 'truncate', 'cut'), {
            minLength: 1,
            maxLength: 10,
          }),
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          async (n, sizes, faults, seed) => {
            const device = `hist-${crypto.randomUUID()}`;
            const records = Array.from({ length: n }, (_, i) => tally(device, i + 1, 1 + ((seed + i) % 5)));
            const expected = records.reduce((sum, r) => sum + r.delta, 0);
            const acked = new Set<string>();
            const send = async (batch: AttendanceRecord[], answerLost: boolean) => {
              const items: SyncItem[] = batch.map((record) => ({ store: 'attendance', record }));
              const results = await ingestItems(opened.db, kioskId, items);
              if (answerLost) return; // stored, but the kiosk never heard: it will send again
              results.forEach((r, i) => {
                expect(r.status).not.toBe('rejected');
                if (r.status !== 'rejected') acked.add((batch[i] as AttendanceRecord).id);
              });
            };
            // The kiosk keeps sending what is not acknowledged, faults applied in turn, until done.
            let round = 0;
            while (acked.size < n && round < 200) {
              const pending = records.filter((r) => !acked.has(r.id));
              const size = sizes[round % sizes.length] as number;
              let batch = pending.slice(0, size);
              // Faults strike every other round, as they do on a real network: the rest get through.
              const fault = round % 2 === 0 ? faults[(round >> 1) % faults.length] : 'deliver';
              if (fault === 'reorder') batch = [...batch].reverse();
              if (fault === 'truncate') batch = batch.slice(0, Math.max(1, batch.length >> 1));
              await send(batch, fault === 'cut');
              if (fault === 'duplicate') await send(batch, false);
              round++;
            }
            expect(acked.size).toBe(n);
            const stored = await opened.db
              .selectFrom('records')
              .select(['body'])
              .where('device_id', '=', device)
              .execute();
            expect(stored.length).toBe(n);
            expect(stored.reduce((sum, r) => sum + JSON.parse(r.body).delta, 0)).toBe(expected);
          },
        ),
        { numRuns: 1_000, seed: 7 },
      );
      expect(await count('quarantine')).toBe(0);
    },
    300_000,
  );

  it.skipIf(!available)(
    'ten kiosks sending 10,000 records each at once: exact totals',
    async () => {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/batches`;
      const kiosks = await Promise.all(
        Array.from({ length: 10 }, async (_, k) => ({
          token: (await enrolKiosk(opened.db, `Carico ${k}`)).token,
          device: `load-${k}-${crypto.randomUUID()}`,
        })),
      );
      const sendAll = async ({ token: t, device }: { token: string; device: string }) => {
        for (let start = 0; start < 10_000; start += 500) {
          const records = Array.from({ length: 500 }, (_, i) => ({
            store: 'attendance',
            record: tally(device, start + i + 1, 1),
          }));
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
            body: JSON.stringify({ sentAt: new Date().toISOString(), records }),
          });
          expect(response.status).toBe(200);
          const { results } = (await response.json()) as { results: Array<{ status: string }> };
          expect(results.filter((r) => r.status === 'inserted')).toHaveLength(500);
        }
      };
      await Promise.all(kiosks.map(sendAll));
      const rows = await opened.db
        .selectFrom('records')
        .select(['device_id', (eb) => eb.fn.countAll().as('n')])
        .where('device_id', 'like', 'load-%')
        .groupBy('device_id')
        .execute();
      expect(rows).toHaveLength(10);
      expect(rows.every((r) => Number(r.n) === 10_000)).toBe(true);
    },
    300_000,
  );
});
