import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../contracts/canonical-json.ts';
import { parseSupervisorEntries } from '../contracts/supervisor.ts';
import type { AttendanceRecord } from '../records/attendance.ts';
import type { ReflectionRecord } from '../records/reflection.ts';
import { createUuid7 } from '../records/uuid.ts';
import { seeded } from '../stage/seeded.ts';
import { buildRegisterApp, MAX_BATCH_BYTES } from './app.ts';
import type { OpenedRegister } from './db.ts';
import { type BatchItem, contentHash, ingestBatch } from './ingest.ts';
import { enrolKiosk, listKiosks, revokeKiosk } from './kiosks.ts';
import { BACKENDS } from './test-backends.ts';
import { tally } from './test-records.ts';

const newId = createUuid7();

function reflection(device: string, seq: number, text: string): ReflectionRecord {
  return {
    id: newId(),
    device,
    seq,
    event: 'evento-1',
    station: 'riflessioni-01',
    at: '2026-11-23T10:00:00.000Z',
    mono: 5,
    boot: 'boot-0001',
    synced: 0,
    v: 1,
    language: 'it',
    text,
    pictograms: [],
    status: 'pending',
    flags: [],
    disclosure: false,
    moderatedAt: null,
  };
}

const items = (records: AttendanceRecord[]): BatchItem[] =>
  records.map((record) => ({ store: 'attendance', record }));

describe('content hash', () => {
  it("ignores key order, the kiosk's synced flag and later moderation", () => {
    const a = tally('device-aaaa', 1);
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as AttendanceRecord;
    expect(contentHash({ ...reordered, synced: 1 })).toBe(contentHash(a));
    expect(contentHash({ ...a, delta: 2 } as AttendanceRecord)).not.toBe(contentHash(a));
    const r = reflection('device-aaaa', 2, 'Che il cambiamento inizi da qui');
    expect(contentHash({ ...r, status: 'approved', moderatedAt: '2026-11-23T11:00:00.000Z' })).toBe(
      contentHash(r),
    );
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});

describe.each(BACKENDS)('register on %s', (_name, backend, available) => {
  let opened: OpenedRegister & { dispose(): Promise<void> };
  let kiosk: string;

  beforeAll(async () => {
    if (!available) return;
    opened = await backend.open();
    kiosk = (await enrolKiosk(opened.db, 'Workers 1')).id;
  });
  afterAll(async () => {
    if (available) await opened.dispose();
  });

  const count = async (table: 'records' | 'quarantine') =>
    Number(
      (
        await opened.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.skipIf(!available)('stores each record once: a re-sent batch is all duplicates', async () => {
    const device = `dev-${crypto.randomUUID()}`;
    const batch = items(Array.from({ length: 120 }, (_, i) => tally(device, i + 1)));
    const before = await count('records');
    const first = await ingestBatch(opened.db, kiosk, batch);
    expect(first.every((r) => r.status === 'inserted')).toBe(true);
    const again = await ingestBatch(opened.db, kiosk, [...batch].reverse());
    expect(again.every((r) => r.status === 'duplicate')).toBe(true);
    expect(await count('records')).toBe(before + 120);
  });

  it.skipIf(!available)(
    'never overwrites: other content under a stored id or number is quarantined',
    async () => {
      const device = `dev-${crypto.randomUUID()}`;
      const original = tally(device, 1);
      await ingestBatch(opened.db, kiosk, items([original]));
      const quarantined = await count('quarantine');
      const results = await ingestBatch(opened.db, kiosk, [
        { store: 'attendance', record: { ...original, delta: 5 } },
        { store: 'attendance', record: tally(device, 1) },
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(results[0]).toMatchObject({ reason: expect.stringContaining('other content') });
      expect(results[1]).toMatchObject({ reason: expect.stringContaining(`number 1`) });
      expect(await count('quarantine')).toBe(quarantined + 2);
      const stored = await opened.db
        .selectFrom('records')
        .select('body')
        .where('id', '=', original.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(stored.body).delta).toBe(1);
    },
  );

  it.skipIf(!available)('answers per record in order, within one batch too', async () => {
    const device = `dev-${crypto.randomUUID()}`;
    const a = tally(device, 1);
    const b = reflection(device, 2, '<script>alert(1)</script>');
    const results = await ingestBatch(opened.db, kiosk, [
      { store: 'attendance', record: a },
      { store: 'reflections', record: b },
      { store: 'attendance', record: a },
      { store: 'attendance', record: { ...a, delta: 3 } },
      { store: 'attendance', record: { ...tally(device, 3), delta: 0 } },
      { store: 'reflections', record: { nonsense: true } },
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'inserted',
      'inserted',
      'duplicate',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(results[4]).toMatchObject({ reason: expect.stringMatching(/^invalid: .*delta/) });
    expect(results[5]).toMatchObject({ id: null, reason: expect.stringMatching(/^invalid/) });
    const stored = await opened.db
      .selectFrom('records')
      .select(['kind', 'store'])
      .where('device_id', '=', device)
      .orderBy('device_seq')
      .execute();
    expect(stored).toEqual([
      { kind: 'tally', store: 'attendance' },
      { kind: 'reflection', store: 'reflections' },
    ]);
  });

  it.skipIf(!available)('duplicated and reordered deliveries from many kiosks add up exactly', async () => {
    const devices = Array.from({ length: 5 }, () => `dev-${crypto.randomUUID()}`);
    const all = devices.flatMap((d) => Array.from({ length: 200 }, (_, i) => tally(d, i + 1, (i % 3) + 1)));
    const expected = all.reduce((sum, r) => sum + (r.kind === 'tally' ? r.delta : 0), 0);
    // Every record delivered twice or three times, in shuffled batches of varying size.
    const random = seeded(7);
    const deliveries = [...all, ...all, ...all.filter(() => random() < 0.5)].sort(() => random() - 0.5);
    const sends: Promise<unknown>[] = [];
    for (let start = 0; start < deliveries.length; ) {
      const size = 1 + Math.floor(random() * 120);
      sends.push(ingestBatch(opened.db, kiosk, items(deliveries.slice(start, start + size))));
      start += size;
    }
    await Promise.all(sends);
    const rows = await opened.db
      .selectFrom('records')
      .select('body')
      .where('device_id', 'in', devices)
      .execute();
    expect(rows).toHaveLength(all.length);
    expect(rows.reduce((sum, r) => sum + JSON.parse(r.body).delta, 0)).toBe(expected);
  });

  describe('HTTP', () => {
    let app: Awaited<ReturnType<typeof buildRegisterApp>>;
    let token: string;
    let clock = Date.parse('2026-11-23T12:00:00.000Z');

    beforeAll(async () => {
      if (!available) return;
      app = await buildRegisterApp({
        db: opened.db,
        backend: opened.backend,
        rate: { burst: 3, perSecond: 1 },
        now: () => new Date(clock),
      });
      token = (await enrolKiosk(opened.db, 'Workers 2')).token;
    });
    afterAll(async () => {
      if (available) await app.close();
    });

    const post = (body: unknown, auth: string | null = token, raw?: string) => {
      clock += 2000; // past the rate limit unless a test says otherwise
      return app.inject({
        method: 'POST',
        url: '/api/v1/batches',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        payload: raw ?? JSON.stringify(body),
      });
    };

    it.skipIf(!available)('health says up and which database', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: true, backend: opened.backend });
      const spec = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(spec.json().paths['/api/v1/batches'].post).toBeDefined();
    });

    it.skipIf(!available)(
      'takes a batch, answers per record, records the heartbeat and clock offset',
      async () => {
        const device = `dev-${crypto.randomUUID()}`;
        const records = [tally(device, 1), tally(device, 2)];
        const sentAt = new Date(clock + 2000 - 90_000).toISOString();
        const res = await post({
          sentAt,
          heartbeat: { appVersion: '0.1.0', pending: 2, storageRatio: 0.12 },
          records: records.map((record) => ({ store: 'attendance', record })),
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().results).toEqual(records.map((r) => ({ id: r.id, status: 'inserted' })));
        const row = await opened.db
          .selectFrom('kiosks')
          .selectAll()
          .where('name', '=', 'Workers 2')
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({ app_version: '0.1.0', pending: 2, storage_ratio: 0.12 });
        expect(Number(row.clock_offset_ms)).toBe(-90_000);
      },
    );

    it.skipIf(!available)(
      "keeps the supervisor's newest actions from a heartbeat, even one with no records, for the kiosk view",
      async () => {
        const supervisor = [
          { at: '2026-12-07T08:00:00.000Z', action: 'crash', reason: 'renderer gone', screen: 'journey' },
          { at: '2026-12-07T08:00:01.000Z', action: 'reload', reason: 'opening the station again' },
        ];
        const res = await post({
          sentAt: new Date(clock + 2000).toISOString(),
          heartbeat: { appVersion: '0.1.1', pending: 0, storageRatio: null, supervisor },
          records: [],
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().results).toEqual([]);
        const kiosk = (await listKiosks(opened.db)).find((k) => k.name === 'Workers 2');
        expect(kiosk?.supervisor).toEqual(supervisor);
        expect(kiosk?.appVersion).toBe('0.1.1');
        // A heartbeat without the field leaves the last report alone; a bad one is refused whole.
        await post({
          sentAt: new Date(clock + 2000).toISOString(),
          heartbeat: { appVersion: '0.1.1', pending: 0, storageRatio: null },
          records: [],
        });
        expect((await listKiosks(opened.db)).find((k) => k.name === 'Workers 2')?.supervisor).toEqual(
          supervisor,
        );
        const bad = await post({
          sentAt: new Date(clock + 2000).toISOString(),
          heartbeat: {
            appVersion: '0.1.1',
            pending: 0,
            storageRatio: null,
            supervisor: [{ action: 'reboot' }],
          },
          records: [],
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error).toMatch(/heartbeat\.supervisor/);
      },
    );

    it.skipIf(!available)('refuses what it should, with a 4xx that says why and nothing stored', async () => {
      const before = await count('records');
      const device = `dev-${crypto.randomUUID()}`;
      const one = {
        sentAt: new Date(clock).toISOString(),
        records: [{ store: 'attendance', record: tally(device, 1) }],
      };
      const cases: [number, RegExp, Awaited<ReturnType<typeof post>>][] = [
        [401, /missing token/, await post(one, null)],
        [401, /unknown or revoked/, await post(one, 'x'.repeat(43))],
        [400, /JSON/i, await post(null, token, '{"sentAt": ')],
        [400, /bad batch: sentAt/, await post({ ...one, sentAt: 'yesterday' })],
        [
          400,
          /at most 500/,
          await post({ ...one, records: Array.from({ length: 501 }, () => one.records[0]) }),
        ],
        [
          413,
          /larger than/,
          await post(null, token, JSON.stringify({ ...one, pad: 'x'.repeat(MAX_BATCH_BYTES) })),
        ],
      ];
      for (const [status, message, res] of cases) {
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json().error).toMatch(message);
      }
      expect(await count('records')).toBe(before);
    });

    it.skipIf(!available)('a revoked token is refused', async () => {
      const enrolled = await enrolKiosk(opened.db, 'Da revocare');
      const body = { sentAt: new Date(clock).toISOString(), records: [] };
      expect((await post(body, enrolled.token)).statusCode).toBe(200);
      expect(await revokeKiosk(opened.db, enrolled.id)).toBe(true);
      expect((await post(body, enrolled.token)).statusCode).toBe(401);
    });

    it.skipIf(!available)('limits the rate per kiosk with 429 and Retry-After', async () => {
      const enrolled = await enrolKiosk(opened.db, 'Impaziente');
      const body = { sentAt: new Date(clock).toISOString(), records: [] };
      const send = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/batches',
          headers: { authorization: `Bearer ${enrolled.token}` },
          payload: body,
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await send()).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await send();
      expect(limited.headers['retry-after']).toBe('1');
      clock += 1000;
      expect((await send()).statusCode).toBe(200);
    });
  });
});

describe('parseSupervisorEntries', () => {
  it('keeps the entries the contract accepts and drops the rest', () => {
    const good = { at: '2026-12-07T08:00:00.000Z', action: 'relaunch', reason: 'Chromium exited' };
    expect(parseSupervisorEntries(JSON.stringify([good, { action: 'reboot' }, 3]))).toEqual([good]);
    expect(parseSupervisorEntries(null)).toEqual([]);
    expect(parseSupervisorEntries('{not json')).toEqual([]);
    expect(parseSupervisorEntries('{"a":1}')).toEqual([]);
  });
});
