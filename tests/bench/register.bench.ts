// Figures for the events register's ingest, in Node against real databases:
// - register-ingest-sqlite-ratio: records stored per second by the register's ingest (validation,
//   content hash, insert-or-find, per-record answers, one transaction per 500-record batch) ÷ a
//   raw better-sqlite3 insert of the same records (serialized, prepared statement, one
//   transaction per 500),
//   medians of interleaved rounds. Higher is better; goal ≥ 0.7.
// - register-ingest-postgres-ratio: the same on PostgreSQL ÷ a raw `pg` multi-row insert of 500
//   rows per statement in its own transaction. Needs the machines' PostgreSQL (or DATABASE_URL);
//   without one the figure is skipped and says so.

import Database from 'better-sqlite3';
import pg from 'pg';
import type { AttendanceRecord } from '../../src/records/attendance.ts';
import { createUuid7 } from '../../src/records/uuid.ts';
import type { RecordsTable } from '../../src/register/db.ts';
import { contentHash, RECORD_COLUMNS } from '../../src/register/ingest.ts';
import { ingestItems } from '../../src/register/ingest-items.ts';
import { enrolKiosk } from '../../src/register/kiosks.ts';
import {
  postgresBackend,
  postgresUrl,
  sqliteBackend,
  type TestBackend,
} from '../../src/register/test-backends.ts';
import { type Figure, median, progress } from './harness.ts';

const PER_ROUND = 20_000;
const BATCH = 500;
const newId = createUuid7();

function records(device: string, n: number): AttendanceRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: newId(),
    device,
    seq: i + 1,
    event: 'bench-event',
    station: 'workers-01',
    at: new Date(Date.UTC(2026, 10, 23, 9) + i * 1000).toISOString(),
    mono: i * 1000,
    boot: 'boot-bench-0001',
    synced: 0,
    v: 1,
    kind: 'choice',
    installation: 'workers',
    journey: 'campo',
    language: 'it',
    step: `s${i % 12}`,
    key: `k${i % 3}`,
    timedOut: false,
  }));
}

/**
 * The rows for the raw insert: serializing the record is part of any insert of it, so it is
 * timed; the content hash, which only the register needs, is worked out beforehand.
 */
function rowsOf(list: AttendanceRecord[], hashes: string[], kioskId: string): RecordsTable[] {
  const receivedAt = new Date().toISOString();
  return list.map((r, i) => ({
    id: r.id,
    device_id: r.device,
    device_seq: r.seq,
    store: 'attendance',
    kind: r.kind,
    event_id: r.event,
    station: r.station,
    at: r.at,
    body: JSON.stringify(r),
    content_hash: hashes[i] as string,
    kiosk_id: kioskId,
    received_at: receivedAt,
  }));
}

const COLUMNS = RECORD_COLUMNS;

type Raw = (rows: () => RecordsTable[]) => Promise<void>;

async function measure(backend: TestBackend, rounds: number): Promise<{ ingest: number[]; raw: number[] }> {
  const opened = await backend.open();
  const rawOpened = await backend.open();
  try {
    const kioskId = (await enrolKiosk(opened.db, 'bench')).id;
    const rawKiosk = (await enrolKiosk(rawOpened.db, 'bench')).id;
    let raw: Raw;
    let closeRaw = async () => {};
    if (backend.name === 'sqlite') {
      const file = rawOpened.where;
      const sqlite = new Database(file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
      const insert = sqlite.prepare(
        `insert into records (${COLUMNS.join(',')}) values (${COLUMNS.map(() => '?').join(',')}) on conflict do nothing`,
      );
      const batch = sqlite.transaction((rows: RecordsTable[]) => {
        for (const r of rows) insert.run(...COLUMNS.map((c) => r[c]));
      });
      raw = async (make) => {
        const rows = make();
        for (let i = 0; i < rows.length; i += BATCH) batch(rows.slice(i, i + BATCH));
      };
      closeRaw = async () => void sqlite.close();
    } else {
      const url = new URL(rawOpened.where.replace('***', ''));
      const client = new pg.Client({ connectionString: url.href });
      await client.connect();
      raw = async (make) => {
        const rows = make();
        for (let i = 0; i < rows.length; i += BATCH) {
          const chunk = rows.slice(i, i + BATCH);
          const params: unknown[] = [];
          const values = chunk
            .map((r) => `(${COLUMNS.map((c) => `$${params.push(r[c])}`).join(',')})`)
            .join(',');
          await client.query('begin');
          await client.query(
            `insert into records (${COLUMNS.join(',')}) values ${values} on conflict do nothing`,
            params,
          );
          await client.query('commit');
        }
      };
      closeRaw = () => client.end();
    }
    const ingest: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const mine = records(`ingest-${round}-${crypto.randomUUID()}`, PER_ROUND);
      const theirRecords = records(`raw-${round}-${crypto.randomUUID()}`, PER_ROUND);
      const theirHashes = theirRecords.map(contentHash);
      const theirs = () => rowsOf(theirRecords, theirHashes, rawKiosk);
      // Alternate which goes first, so neither always meets a warmer cache.
      const runIngest = async () => {
        const start = performance.now();
        for (let i = 0; i < mine.length; i += BATCH) {
          const items = mine.slice(i, i + BATCH).map((record) => ({ store: 'attendance' as const, record }));
          await ingestItems(opened.db, kioskId, items);
        }
        ingest.push(performance.now() - start);
      };
      const runRaw = async () => {
        const start = performance.now();
        await raw(theirs);
        rawTimes.push(performance.now() - start);
      };
      if (round % 2) {
        await runRaw();
        await runIngest();
      } else {
        await runIngest();
        await runRaw();
      }
    }
    await closeRaw();
    return { ingest, raw: rawTimes };
  } finally {
    await opened.dispose();
    await rawOpened.dispose();
  }
}

export async function benchRegister(): Promise<Record<string, Omit<Figure, 'measured'>>> {
  const rounds = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : 5;
  const figures: Record<string, Omit<Figure, 'measured'>> = {};
  for (const backend of [sqliteBackend, postgresBackend]) {
    const name = `register-ingest-${backend.name}-ratio`;
    if (backend.name === 'postgres' && !postgresUrl) {
      progress(`${name}: skipped (no PostgreSQL at DATABASE_URL or 127.0.0.1:5432)`);
      continue;
    }
    const { ingest, raw } = await measure(backend, rounds);
    const ingestMs = median(ingest);
    const rawMs = median(raw);
    const ratio = Number((rawMs / ingestMs).toFixed(2));
    progress(
      `${backend.name}: ${rounds} rounds × ${PER_ROUND} records in batches of ${BATCH}: register ingest ${ingestMs.toFixed(0)} ms (${Math.round((PER_ROUND / ingestMs) * 1000)}/s), raw insert ${rawMs.toFixed(0)} ms (${Math.round((PER_ROUND / rawMs) * 1000)}/s) → ratio ${ratio}`,
    );
    // Each round's times, in the order measured: one slow round (a checkpoint, a busy disk, another
    // process) shows here rather than only as a shifted median.
    progress(
      `${backend.name} rounds (ms): register ingest ${ingest.map((ms) => ms.toFixed(0)).join(' ')} · raw insert ${raw.map((ms) => ms.toFixed(0)).join(' ')}`,
    );
    figures[name] = { value: ratio, unit: 'x', goal: '>= 0.7', met: ratio >= 0.7 };
  }
  return figures;
}
