// The dashboard's API against real databases: staff sign in with a scrypt-hashed password and an
// HttpOnly, SameSite=Strict cookie; enrol kiosks; keep events; read totals and the report; moderate
// reflections for the walls; import spreadsheets and USB bundles, twice with no change.

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceRecord } from '../records/attendance.ts';
import type { ReflectionRecord } from '../records/reflection.ts';
import { createUuid7 } from '../records/uuid.ts';
import { makeBundle } from '../sync/bundle.ts';
import { buildRegisterApp, servedRoutes } from './app.ts';
import type { OpenedRegister } from './db.ts';
import { OPENAPI } from './openapi.ts';
import { createStaff, hashPassword, verifyPassword } from './staff.ts';
import { BACKENDS, sqliteBackend } from './test-backends.ts';
import { kioskEvent } from './test-records.ts';

const newId = createUuid7();
const PASSWORD = 'lungo-e-segreto-42';

const envelope = (device: string, seq: number, event: string | null) => ({
  id: newId(),
  device,
  seq,
  event,
  station: 'workers-01',
  at: '2025-05-20T09:00:00.000Z',
  mono: seq,
  boot: 'boot-staff',
  synced: 0 as const,
  v: 1,
});

const reflection = (device: string, seq: number, text: string, disclosure = false): ReflectionRecord => ({
  ...envelope(device, seq, null),
  language: 'it',
  text,
  pictograms: [],
  status: disclosure ? 'private' : 'pending',
  flags: [],
  disclosure,
  moderatedAt: null,
});

const event = {
  title: 'Workers al Festival dei Diritti',
  type: 'installation-workers',
  audience: 'citizens-students',
  venue: 'Broletto',
  municipality: 'Pavia',
  province: 'PV',
  startDate: '2025-05-20',
  endDate: '2025-05-21',
  peopleReached: 120,
  notes: '',
};

describe('passwords', () => {
  it('are hashed with scrypt and a salt, and checked in constant time', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain$text')).toBe(false);
  });
});

describe('the OpenAPI document', () => {
  it('describes every route the register serves, and no other', async () => {
    const opened = await sqliteBackend.open();
    const app = await buildRegisterApp({ db: opened.db, backend: opened.backend });
    const served = servedRoutes(app).filter((r) => !r.startsWith('HEAD '));
    await app.close();
    await opened.dispose();
    const documented = Object.entries(OPENAPI.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.sort()).toEqual([...new Set(served)].sort());
  });
});

describe.each(BACKENDS)('the dashboard API on %s', (_name, backend, available) => {
  let opened: OpenedRegister & { dispose(): Promise<void> };
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    if (!available) return;
    opened = await backend.open();
    await createStaff(opened.db, 'coordinatrice', PASSWORD);
    app = await buildRegisterApp({
      db: opened.db,
      backend: opened.backend,
      rate: { burst: 1000, perSecond: 1000 },
    });
  });
  afterAll(async () => {
    if (!available) return;
    await app.close();
    await opened.dispose();
  });

  const as = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it.skipIf(!available)('signs staff in with an HttpOnly, SameSite=Strict cookie', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/events' })).statusCode).toBe(401);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'coordinatrice', password: 'sbagliata-123' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('wrong name or password');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'nessuno', password: PASSWORD },
    });
    expect(unknown.json().error).toBe('wrong name or password');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'Coordinatrice', password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const setCookie = String(ok.headers['set-cookie']);
    expect(setCookie).toMatch(/^percorso_staff=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    cookie = setCookie.split(';')[0] as string;
    expect((await as('GET', '/api/v1/session')).json()).toEqual({ username: 'coordinatrice' });
    // The token is stored hashed: the cookie's value is nowhere in the database.
    const sessions = await opened.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(sessions)).not.toContain(cookie.split('=')[1]);
  });

  it.skipIf(!available)('slows down guessing: the 11th wrong password in 15 minutes waits', async () => {
    const login = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'bersaglio', password: 'x'.repeat(12) },
      });
    for (let i = 0; i < 10; i++) expect((await login()).statusCode).toBe(401);
    const blocked = await login();
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it.skipIf(!available)('enrols a kiosk whose token posts batches, and revokes it', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/devices', payload: { name: 'x' } })).statusCode,
    ).toBe(401);
    const bad = await as('POST', '/api/v1/devices', { name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('give the kiosk a name');
    const enrolled = await as('POST', '/api/v1/devices', { name: 'Workers Pavia' });
    expect(enrolled.statusCode).toBe(201);
    const { id, token } = enrolled.json();
    expect(token).toMatch(/^[\w-]{43}$/);
    const device = `dev-${crypto.randomUUID()}`;
    const batch = await app.inject({
      method: 'POST',
      url: '/api/v1/batches',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        sentAt: new Date().toISOString(),
        heartbeat: { appVersion: '0.1.0', pending: 3, storageRatio: 0.1 },
        records: [
          { store: 'reflections', record: reflection(device, 1, 'Tutti colpevoli, nessuno innocente') },
        ],
      },
    });
    expect(batch.json().results).toEqual([{ id: expect.any(String), status: 'inserted' }]);
    const kiosks = (await as('GET', '/api/v1/devices')).json().kiosks;
    expect(kiosks.find((k: { id: string }) => k.id === id)).toMatchObject({
      name: 'Workers Pavia',
      appVersion: '0.1.0',
      pending: 3,
      records: 1,
      silent: false,
    });
    expect(JSON.stringify(kiosks)).not.toContain(token);
    expect((await as('DELETE', `/api/v1/devices/${id}`)).statusCode).toBe(200);
    const after = await app.inject({
      method: 'POST',
      url: '/api/v1/batches',
      headers: { authorization: `Bearer ${token}` },
      payload: { sentAt: new Date().toISOString(), records: [] },
    });
    expect(after.statusCode).toBe(401);
  });

  it.skipIf(!available)(
    'keeps events: create, read, update, delete, with reasons for bad input',
    async () => {
      const created = await as('POST', '/api/v1/events', event);
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect(created.json()).toMatchObject({
        ...event,
        counted: 120,
        countedFrom: 'staff',
        source: 'dashboard',
      });
      const backwards = await as('POST', '/api/v1/events', { ...event, endDate: '2025-05-01' });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error).toContain('cannot end before it starts');
      expect((await as('POST', '/api/v1/events', { ...event, type: 'rave' })).statusCode).toBe(400);
      const updated = await as('PUT', `/api/v1/events/${id}`, { ...event, peopleReached: 130 });
      expect(updated.json()).toMatchObject({ counted: 130 });
      const listed = (await as('GET', '/api/v1/events?from=2025-05-01&to=2025-05-31')).json().events;
      expect(listed.map((e: { id: string }) => e.id)).toContain(id);
      expect((await as('GET', '/api/v1/events?from=2025-13-01')).statusCode).toBe(400);
      const totals = (await as('GET', '/api/v1/totals?by=province&from=2025-05-01&to=2025-05-31')).json();
      expect(totals.rows).toEqual([{ key: 'PV', label: 'PV', people: 130, events: 1 }]);
      const report = (await as('GET', '/api/v1/report?from=2025-05-01&to=2025-05-31')).json();
      expect(report.total).toBe(130);
      const csv = await as('GET', '/api/v1/report?from=2025-05-01&to=2025-05-31&format=csv');
      expect(csv.headers['content-disposition']).toContain('.csv');
      expect(csv.body).toContain('Installazione interattiva “Workers”;Cittadinanza e studenti;130');
      const xlsx = await as('GET', '/api/v1/report?format=xlsx');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await as('DELETE', `/api/v1/events/${id}`)).statusCode).toBe(200);
      expect((await as('GET', `/api/v1/events/${id}`)).statusCode).toBe(404);
    },
  );

  it.skipIf(!available)(
    'moderates reflections across kiosks and feeds only approved ones to walls',
    async () => {
      const enrolled = (await as('POST', '/api/v1/devices', { name: 'Riflessioni' })).json();
      const device = `dev-${crypto.randomUUID()}`;
      const kind = reflection(device, 1, 'Che il cambiamento inizi da qui');
      const cry = reflection(device, 2, 'anche a me hanno preso il passaporto', true);
      await app.inject({
        method: 'POST',
        url: '/api/v1/batches',
        headers: { authorization: `Bearer ${enrolled.token}` },
        payload: {
          sentAt: new Date().toISOString(),
          records: [kind, cry].map((record) => ({ store: 'reflections', record })),
        },
      });
      const pending = (await as('GET', '/api/v1/reflections?status=pending')).json().reflections;
      expect(pending.map((r: { id: string }) => r.id)).toContain(kind.id);
      expect(
        (await as('PUT', `/api/v1/reflections/${kind.id}/status`, { status: 'approved' })).statusCode,
      ).toBe(200);
      const refused = await as('PUT', `/api/v1/reflections/${cry.id}/status`, { status: 'approved' });
      expect(refused.statusCode).toBe(409);
      expect(
        (await as('PUT', `/api/v1/reflections/${newId()}/status`, { status: 'hidden' })).statusCode,
      ).toBe(404);
      const wall = (await app.inject({ method: 'GET', url: '/api/v1/walls/reflections' })).json().reflections;
      expect(wall.map((r: { text: string }) => r.text)).toEqual(['Che il cambiamento inizi da qui']);
      expect(Object.keys(wall[0]).sort()).toEqual(['at', 'id', 'language', 'pictograms', 'text']);
    },
  );

  it.skipIf(!available)('imports a USB bundle once; a damaged one is refused whole', async () => {
    const device = `dev-${crypto.randomUUID()}`;
    const setup = kioskEvent();
    const checkIns: AttendanceRecord[] = [18, 22, 25].map((size, i) => ({
      ...envelope(device, i + 1, setup.id),
      kind: 'check-in',
      group: `3${'ABC'[i]}`,
      size,
    }));
    const bundle = await makeBundle({
      createdAt: new Date().toISOString(),
      device,
      kioskName: 'Workers Lodi',
      station: 'workers-01',
      appVersion: '0.1.0',
      items: [
        { store: 'events', record: setup },
        ...checkIns.map((record) => ({ store: 'attendance' as const, record })),
      ],
    });
    const first = await as('POST', '/api/v1/bundles', bundle);
    expect(first.json()).toMatchObject({ inserted: 4, duplicate: 0, rejected: 0 });
    const again = await as('POST', '/api/v1/bundles', bundle);
    expect(again.json()).toMatchObject({ inserted: 0, duplicate: 4, rejected: 0 });
    const report = (await as('GET', '/api/v1/report?from=2025-02-10&to=2025-02-10')).json();
    expect(report.rows).toEqual([
      expect.objectContaining({ type: 'installation-workers', audience: 'students', people: 65 }),
    ]);
    const damaged = { ...bundle, items: bundle.items.slice(1) };
    const refused = await as('POST', '/api/v1/bundles', damaged);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toContain('checksum does not match');
    expect((await as('POST', '/api/v1/bundles', { hello: 1 })).statusCode).toBe(422);
    const usb = (await as('GET', '/api/v1/devices'))
      .json()
      .kiosks.find((k: { name: string }) => k.name === 'Workers Lodi (USB)');
    expect(usb).toMatchObject({ records: 3, offline: true, silent: false });
  });

  it.skipIf(!available)(
    'imports a spreadsheet uploaded from the dashboard, and says why a file is unusable',
    async () => {
      const csv =
        'Data;Tipologia di evento;Destinatari raggiunti;N.;Provincia\n12/03/2025;Mostre fotografiche;Cittadinanza;40;Cremona\n';
      const content = Buffer.from(csv).toString('base64');
      const first = await as('POST', '/api/v1/imports', { name: 'mostre.csv', content });
      expect(first.json()).toMatchObject({ rows: 1, imported: 1, duplicates: 0, rejected: [] });
      expect((await as('POST', '/api/v1/imports', { name: 'mostre.csv', content })).json()).toMatchObject({
        imported: 0,
        duplicates: 1,
      });
      const noHeader = await as('POST', '/api/v1/imports', {
        name: 'x.csv',
        content: Buffer.from('a;b\n1;2\n').toString('base64'),
      });
      expect(noHeader.statusCode).toBe(422);
      expect(noHeader.json().error).toContain('no column for');
      const pdf = await as('POST', '/api/v1/imports', { name: 'x.pdf', content });
      expect(pdf.statusCode).toBe(422);
    },
  );

  it.skipIf(!available)('signs out: the cookie stops working', async () => {
    expect((await as('DELETE', '/api/v1/session')).statusCode).toBe(200);
    expect((await as('GET', '/api/v1/session')).statusCode).toBe(401);
  });
});
