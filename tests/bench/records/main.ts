// The records figures, in the page (a real IndexedDB):
// - append: `Records.addAttendance` (sequence counter, validation, one strict transaction)
//   against a raw idb `put` of a record of the same shape, strict, in its own transaction, in
//   interleaved rounds;
// - CSV export: `exportCsv` of 100k attendance records from IndexedDB against csv-stringify of
//   the same rows (same mapping) already in memory.

import '../../../src/app/zod-jitless.ts';
import { openDB } from 'idb';
import type { AttendanceBody, AttendanceRecord } from '../../../src/records/attendance.ts';
import { openRecordsDb } from '../../../src/records/db.ts';
import {
  ATTENDANCE_COLUMNS,
  csvLines,
  exportCsv,
  exportRows,
  loadCsvStringify,
} from '../../../src/records/export.ts';
import { Records } from '../../../src/records/records.ts';
import { SETTING_KEYS, SETTINGS_VERSION } from '../../../src/records/settings.ts';
import { createUuid7 } from '../../../src/records/uuid.ts';

const params = new URLSearchParams(location.search);
const APPEND_ROUNDS = Number(params.get('appendRounds') ?? 5);
const APPEND_WRITES = Number(params.get('writes') ?? 200);
const EXPORT_ROUNDS = Number(params.get('exportRounds') ?? 5);
const EXPORT_RECORDS = Number(params.get('records') ?? 100_000);
const run = crypto.randomUUID().slice(0, 8);

async function append(): Promise<{ appendMs: number[]; rawMs: number[] }> {
  const records = await Records.open({ station: 'bench-01', db: { name: `bench-append-${run}` } });
  const raw = await openDB(`bench-raw-${run}`, 1, {
    upgrade: (db) => void db.createObjectStore('raw', { keyPath: 'id' }),
  });
  const newId = createUuid7();
  let rawSeq = 0;
  const tally: AttendanceBody = { kind: 'tally', delta: 1, reason: '' };

  const appends = async (n: number) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) await records.addAttendance(tally);
    return performance.now() - start;
  };
  const puts = async (n: number) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const now = Date.now();
      const record: AttendanceRecord = {
        id: newId(),
        device: records.deviceId,
        seq: ++rawSeq,
        event: null,
        station: 'bench-01',
        at: new Date(now).toISOString(),
        mono: performance.now(),
        boot: records.bootId,
        synced: 0,
        v: 1,
        ...tally,
      };
      const tx = raw.transaction('raw', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(record), tx.done]);
    }
    return performance.now() - start;
  };

  await appends(50); // warm-up: JIT, database files
  await puts(50);
  const appendMs: number[] = [];
  const rawMs: number[] = [];
  for (let round = 0; round < APPEND_ROUNDS; round++) {
    // Alternate which side goes first, so neither always follows the other's flush.
    if (round % 2 === 0) {
      appendMs.push(await appends(APPEND_WRITES));
      rawMs.push(await puts(APPEND_WRITES));
    } else {
      rawMs.push(await puts(APPEND_WRITES));
      appendMs.push(await appends(APPEND_WRITES));
    }
  }
  records.close();
  raw.close();
  return { appendMs, rawMs };
}

/** A day of a station's records, over and over: check-ins, tallies, journeys and choices. */
function seedRecord(seq: number, id: string, at: number, device: string, boot: string): AttendanceRecord {
  const envelope = {
    id,
    device,
    seq,
    event: 'evento-2026-11-23',
    station: 'workers-01',
    at: new Date(at).toISOString(),
    mono: seq * 25_000,
    boot,
    synced: 0 as const,
    v: 1,
  };
  const journey = { installation: 'workers', journey: 'campo', language: seq % 3 ? 'it' : 'ar' };
  switch (seq % 6) {
    case 0:
      return {
        ...envelope,
        kind: 'check-in',
        group: `Classe ${seq % 5}B; Liceo "Golgi"`,
        size: 20 + (seq % 9),
      };
    case 1:
      return { ...envelope, kind: 'tally', delta: 1, reason: '' };
    case 2:
      return { ...envelope, kind: 'journey-start', ...journey };
    case 3:
      return { ...envelope, kind: 'choice', ...journey, step: 'offerta', key: 'accetta', timedOut: false };
    case 4:
      return { ...envelope, kind: 'journey-end', ...journey, durationMs: 180_000 + seq };
    default:
      return {
        ...envelope,
        kind: 'abandon',
        ...journey,
        step: 'viaggio',
        reason: 'idle',
        durationMs: 40_000,
      };
  }
}

async function csvExport(): Promise<{
  exportMs: number[];
  stringifyMs: number[];
  seedMs: number;
  mapMs: number;
  count: number;
  csvBytes: number;
}> {
  const name = `bench-export-${run}`;
  const records = await Records.open({ station: 'workers-01', db: { name } });
  const seedStart = performance.now();
  const db = await openRecordsDb({ name });
  let clock = Date.UTC(2026, 9, 20, 8, 0, 0); // 29 days of records, across the October clock change
  const newId = createUuid7(() => clock);
  for (let from = 1; from <= EXPORT_RECORDS; from += 10_000) {
    const tx = db.transaction(['attendance', 'settings'], 'readwrite');
    const store = tx.objectStore('attendance');
    for (let seq = from; seq < from + 10_000 && seq <= EXPORT_RECORDS; seq++) {
      clock += 25_000;
      void store.put(seedRecord(seq, newId(), clock, records.deviceId, records.bootId));
    }
    void tx
      .objectStore('settings')
      .put({ key: SETTING_KEYS.seq, v: SETTINGS_VERSION, value: EXPORT_RECORDS });
    await tx.done;
  }
  db.close();
  const seedMs = performance.now() - seedStart;
  const count = await records.countOf('attendance');

  // The baseline's input: the same rows, mapped the same way, already in memory.
  const stringify = await loadCsvStringify();
  const all: AttendanceRecord[] = [];
  await records.eachBatch('attendance', (rows) => {
    for (const row of rows) all.push(row);
    return undefined;
  });
  const mapStart = performance.now();
  const rows = exportRows(all, 'attendance');
  const mapMs = performance.now() - mapStart;

  const exportMs: number[] = [];
  const stringifyMs: number[] = [];
  let csvBytes = 0;
  for (let round = 0; round < EXPORT_ROUNDS + 1; round++) {
    let start = performance.now();
    const blob = await exportCsv(records, 'attendance');
    const a = performance.now() - start;
    csvBytes = blob.size;
    start = performance.now();
    const text = csvLines(stringify, rows, ATTENDANCE_COLUMNS, true);
    const b = performance.now() - start;
    if (text.length < count) throw new Error('csv-stringify wrote too little');
    if (round > 0) {
      // the first round warms up both sides
      exportMs.push(a);
      stringifyMs.push(b);
    }
  }
  records.close();
  return { exportMs, stringifyMs, seedMs, mapMs, count, csvBytes };
}

async function main() {
  const appendResult = await append();
  const exportResult = await csvExport();
  return { ...appendResult, ...exportResult };
}

main().then(
  (result) => {
    (window as unknown as { __result: unknown }).__result = result;
  },
  (error: unknown) => {
    (window as unknown as { __result: unknown }).__result = {
      error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error),
    };
  },
);
