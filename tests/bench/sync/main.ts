// The sync figure, in the page (a real IndexedDB, the register on the same origin):
// - the uploader sends 100k records from IndexedDB to the register (read unsynced, post, mark
//   synced from the answers), against
// - raw POSTs of the same kind of batches (another 100k records, so both insert new rows),
//   bodies already serialized in memory, one after another.
// Interleaved rounds; the bench (tests/bench/sync.bench.ts) reads window.__result.

import '../../../src/app/zod-jitless.ts';
import type { AttendanceRecord } from '../../../src/records/attendance.ts';
import { openRecordsDb } from '../../../src/records/db.ts';
import { Records } from '../../../src/records/records.ts';
import { SETTING_KEYS, SETTINGS_VERSION } from '../../../src/records/settings.ts';
import { createUuid7 } from '../../../src/records/uuid.ts';
import { SYNC_SETTINGS, SyncUploader } from '../../../src/sync/uploader.ts';

const params = new URLSearchParams(location.search);
const RECORDS = Number(params.get('records') ?? 100_000);
const ROUNDS = Number(params.get('rounds') ?? 1);
const TOKEN = params.get('token') ?? '';
const BATCH = 500;

function record(seq: number, id: string, at: number, device: string, boot: string): AttendanceRecord {
  const envelope = {
    id,
    device,
    seq,
    event: 'evento-bench',
    station: 'workers-01',
    at: new Date(at).toISOString(),
    mono: seq * 25_000,
    boot,
    synced: 0 as const,
    v: 1,
  };
  const journey = { installation: 'workers', journey: 'campo', language: 'it' };
  switch (seq % 4) {
    case 0:
      return { ...envelope, kind: 'check-in', group: `Classe ${seq % 5}B`, size: 20 + (seq % 9) };
    case 1:
      return { ...envelope, kind: 'tally', delta: 1, reason: '' };
    case 2:
      return { ...envelope, kind: 'journey-start', ...journey };
    default:
      return { ...envelope, kind: 'choice', ...journey, step: 'offerta', key: 'accetta', timedOut: false };
  }
}

/** A kiosk profile with `RECORDS` unsynced records and the token, seeded in big transactions. */
async function seededKiosk(name: string): Promise<Records> {
  const records = await Records.open({ station: 'workers-01', db: { name } });
  const db = await openRecordsDb({ name });
  let clock = Date.UTC(2026, 10, 1, 8);
  const newId = createUuid7(() => clock);
  for (let from = 1; from <= RECORDS; from += 10_000) {
    const tx = db.transaction(['attendance', 'settings'], 'readwrite');
    for (let seq = from; seq < from + 10_000 && seq <= RECORDS; seq++) {
      clock += 25_000;
      void tx.objectStore('attendance').put(record(seq, newId(), clock, records.deviceId, records.bootId));
    }
    void tx.objectStore('settings').put({ key: SETTING_KEYS.seq, v: SETTINGS_VERSION, value: RECORDS });
    await tx.done;
  }
  db.close();
  await records.setSetting(SYNC_SETTINGS.token, TOKEN);
  return records;
}

async function viaUploader(round: number): Promise<number> {
  const records = await seededKiosk(`bench-sync-${round}-${crypto.randomUUID()}`);
  const uploader = new SyncUploader({ records, url: '/', appVersion: 'bench', locks: null, idleMs: 60_000 });
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const off = uploader.subscribe((s) => {
      if (s.phase === 'refused' || s.rejected.length) reject(new Error(`sync failed: ${s.message}`));
      if (s.message === 'tutto sincronizzato') {
        queueMicrotask(() => off());
        resolve();
      }
    });
    uploader.start();
  });
  const ms = performance.now() - start;
  await uploader.stop();
  if ((await records.unsyncedCount()) !== 0) throw new Error('records left unsynced');
  records.close();
  return ms;
}

async function rawPosts(): Promise<number> {
  const device = crypto.randomUUID();
  const boot = crypto.randomUUID();
  let clock = Date.UTC(2026, 10, 1, 8);
  const newId = createUuid7(() => clock);
  const bodies: string[] = [];
  for (let from = 1; from <= RECORDS; from += BATCH) {
    const items = [];
    for (let seq = from; seq < from + BATCH && seq <= RECORDS; seq++) {
      clock += 25_000;
      items.push({ store: 'attendance', record: record(seq, newId(), clock, device, boot) });
    }
    bodies.push(JSON.stringify({ sentAt: new Date().toISOString(), records: items }));
  }
  const start = performance.now();
  for (const body of bodies) {
    const response = await fetch('/api/v1/batches', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body,
    });
    if (!response.ok) throw new Error(`raw post: HTTP ${response.status}`);
    await response.json();
  }
  return performance.now() - start;
}

async function main() {
  const syncMs: number[] = [];
  const rawMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2) {
      rawMs.push(await rawPosts());
      syncMs.push(await viaUploader(round));
    } else {
      syncMs.push(await viaUploader(round));
      rawMs.push(await rawPosts());
    }
  }
  return { syncMs, rawMs, records: RECORDS };
}

main().then(
  (result) => {
    (window as unknown as { __result: unknown }).__result = result;
  },
  (error: unknown) => {
    (window as unknown as { __result: unknown }).__result = { error: String(error) };
  },
);
