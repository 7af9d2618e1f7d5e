// The report table (final report §3.5): entered with the seed's own rows — some imported from a
// spreadsheet, some counted by kiosks at the events — the register reproduces the seed's table
// and its total, 3.115, exactly. The fixture is the seed's table copied as it is; when the seeds
// are next to the project, the test also checks the fixture still matches them.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES, type Audience, EVENT_TYPES, type EventType } from '../contracts/register.ts';
import type { AttendanceRecord } from '../records/attendance.ts';
import { createUuid7 } from '../records/uuid.ts';
import type { OpenedRegister } from './db.ts';
import { buildReport, ingestEventSetups } from './events.ts';
import { importEvents, parseDate, parsePeople, readTable } from './import.ts';
import { ingestBatch } from './ingest.ts';
import { enrolKiosk } from './kiosks.ts';
import { italianNumber, reportCsv, reportText, reportXlsx } from './report-format.ts';
import { BACKENDS } from './test-backends.ts';

const FIXTURE = new URL('../../tests/fixtures/report-3-5-eventi.tsv', import.meta.url);
const SEED = new URL('../../../shared/seeds/001_8f62820c1af8a140.txt', import.meta.url);
const fixture = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
const seedRows = fixture.slice(1, -1).map((line) => line.split('\t') as [string, string, string]);
const seedTotal = (fixture.at(-1) as string).split('\t')[2];

const typeKey = (label: string) =>
  (Object.entries(EVENT_TYPES).find(([, l]) => l === label)?.[0] ?? null) as EventType | null;
const audienceKey = (label: string) =>
  (Object.entries(AUDIENCES).find(([, l]) => l === label)?.[0] ?? null) as Audience | null;

describe('the seed table', () => {
  it.skipIf(!existsSync(SEED))('the fixture is the seed’s §3.5 table, line for line', () => {
    const seed = readFileSync(SEED, 'utf8').split('\n');
    const start = seed.findIndex((line) => line.startsWith('Tipologia di evento\t'));
    const end = seed.findIndex((line, i) => i > start && line.startsWith('Totali\t'));
    expect(seed.slice(start, end + 1).filter((line) => line.trim() !== '')).toEqual(fixture);
  });

  it('names only types and audiences the register knows', () => {
    for (const [type, audience] of seedRows) {
      expect(typeKey(type), type).not.toBeNull();
      expect(audienceKey(audience), audience).not.toBeNull();
    }
    expect(seedTotal).toBe('3.115');
  });
});

describe('reading spreadsheets', () => {
  it('reads Italian and ISO dates and Italian thousands', () => {
    expect(parseDate('14/03/2025')).toBe('2025-03-14');
    expect(parseDate('2025-3-4')).toBe('2025-03-04');
    expect(parseDate('31/02/2025')).toBeNull();
    expect(parseDate(new Date(Date.UTC(2025, 0, 2)))).toBe('2025-01-02');
    expect(parsePeople('3.115')).toBe(3115);
    expect(parsePeople('870')).toBe(870);
    expect(parsePeople(12)).toBe(12);
    expect(parsePeople('12,5')).toBeNull();
    expect(parsePeople('-3')).toBeNull();
  });
});

const newId = createUuid7();

function checkIn(device: string, seq: number, event: string, size: number): AttendanceRecord {
  return {
    id: newId(),
    device,
    seq,
    event,
    station: 'workers-ingresso',
    at: '2024-11-12T08:30:00.000Z',
    mono: seq,
    boot: 'boot-report',
    synced: 0,
    v: 1,
    kind: 'check-in',
    group: `classe ${seq}`,
    size,
  };
}

describe.each(BACKENDS)('the report on %s', (_name, backend, available) => {
  let opened: OpenedRegister & { dispose(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    if (!available) return;
    opened = await backend.open();
    dir = mkdtempSync(join(tmpdir(), 'report-'));
  });
  afterAll(async () => {
    if (!available) return;
    await opened.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!available)('reproduces the seed’s table and its total, 3.115', async () => {
    // "Workers" (870): 459 students counted by the kiosks at two schools (report §3.6), the rest
    // entered from the spreadsheet. Every other row comes from the spreadsheet, some split into
    // several events, with an Italian header, `;`, Italian dates and a BOM.
    const kiosk = (await enrolKiosk(opened.db, 'Workers scuole')).id;
    const device = `dev-${crypto.randomUUID()}`;
    const schools = [
      {
        id: 'workers-lodi',
        municipality: 'Lodi',
        province: 'LO',
        groups: [24, 26, 25, 23, 27, 22, 25, 24, 26],
      },
      {
        id: 'workers-vigevano',
        municipality: 'Vigevano',
        province: 'PV',
        groups: [25, 24, 26, 23, 25, 24, 18, 25, 22],
      },
    ] as const;
    const counted = schools.reduce((sum, s) => sum + s.groups.reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(434);
    const setups = await ingestEventSetups(
      opened.db,
      kiosk,
      schools.map((s) => ({
        id: s.id,
        v: 1,
        title: `Workers · ${s.municipality}`,
        type: 'installation-workers',
        audience: 'citizens-students',
        venue: 'Istituto superiore',
        municipality: s.municipality,
        province: s.province,
        startDate: '2024-11-12',
        endDate: '2024-11-14',
        source: 'config',
        createdAt: '2024-11-01T09:00:00.000Z',
        synced: 0,
      })),
    );
    expect(setups.map((r) => r.status)).toEqual(['inserted', 'inserted']);
    let seq = 0;
    const records = schools.flatMap((s) => s.groups.map((size) => checkIn(device, ++seq, s.id, size)));
    // A class counted twice and corrected to 0, and one corrected from 20 to 25: corrections count.
    const twice = checkIn(device, ++seq, 'workers-lodi', 24);
    const short = checkIn(device, ++seq, 'workers-vigevano', 20);
    const fix = (of: AttendanceRecord, value: number): AttendanceRecord => ({
      ...checkIn(device, ++seq, of.event as string, 1),
      kind: 'correction',
      corrects: of.id,
      value,
      reason: 'contata due volte',
    });
    records.push(twice, short, fix(twice, 0), fix(short, 25));
    const results = await ingestBatch(
      opened.db,
      kiosk,
      records.map((record) => ({ store: 'attendance', record })),
    );
    expect(results.every((r) => r.status === 'inserted')).toBe(true);
    const kioskPeople = counted + 25;

    const header = 'Data;Tipologia di evento;Destinatari raggiunti;N.;Provincia;Comune;Luogo;Note';
    const lines = [header];
    let day = 0;
    const date = () => {
      day++;
      const d = new Date(Date.UTC(2024, 2, 1) + day * 5 * 86_400_000);
      return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    };
    for (const [type, audience, n] of seedRows) {
      let people = Number(n.replace(/\./g, ''));
      if (typeKey(type) === 'installation-workers') people -= kioskPeople;
      // Split bigger rows into three events, so the table sums them back.
      const parts = people > 100 ? [Math.floor(people / 3), Math.floor(people / 3)] : [];
      parts.push(people - parts.reduce((a, b) => a + b, 0));
      for (const [k, part] of parts.entries())
        lines.push(
          `${date()};${type};${audience};${part};${['PV', 'Lodi', 'BG'][k]};Comune ${k};Sala civica;`,
        );
    }
    const csv = `\uFEFF${lines.join('\r\n')}\r\n`;
    const file = join(dir, 'eventi.csv');
    writeFileSync(file, csv);

    const first = await importEvents(opened.db, await readTable(readFileSync(file), 'eventi.csv'));
    expect(first.rejected).toEqual([]);
    expect(first.imported).toBe(lines.length - 1);
    const again = await importEvents(opened.db, await readTable(readFileSync(file), 'eventi.csv'));
    expect(again).toMatchObject({ imported: 0, duplicates: lines.length - 1, rejected: [] });

    const report = await buildReport(opened.db, { from: '2024-03-01', to: '2025-07-31' });
    expect(report.rows.map((r) => [r.typeLabel, r.audienceLabel, String(r.people)])).toEqual(seedRows);
    expect(italianNumber(report.total)).toBe(seedTotal);

    // The same table in every format coordinators hand on.
    const text = reportText(report).split('\n');
    expect(text.at(-2)).toMatch(/^Totali\s+3\.115$/);
    const csvOut = reportCsv(report);
    expect(csvOut.startsWith('\uFEFFTipologia di evento;Destinatari raggiunti;N.\r\n')).toBe(true);
    expect(csvOut).toContain('Installazione interattiva “Workers”;Cittadinanza e studenti;870\r\n');
    expect(csvOut.trimEnd().endsWith('Totali;;3115')).toBe(true);
    const sheet = await readSheet(await reportXlsx(report));
    expect(sheet.slice(1, -1)).toEqual(seedRows.map(([a, b, n]) => [a, b, Number(n)]));
    expect(sheet.at(-1)).toEqual(['Totali', null, 3115]);

    // Outside the period nothing counts.
    expect((await buildReport(opened.db, { from: '2026-01-01', to: '2026-12-31' })).total).toBe(0);
  });
});

describe('the command line', () => {
  const run = promisify(execFile);
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    env = { ...process.env, DATA_DIR: dir };
    delete env.DATABASE_URL;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (script: string, ...args: string[]) =>
    run('npx', ['tsx', `scripts/${script}.ts`, ...args], { env }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('imports a spreadsheet once, names bad rows, and writes the report as CSV and XLSX', async () => {
    // English headers, `,` separated, one bad row.
    const rows = seedRows.map(
      ([type, audience, n], i) =>
        `2025-0${1 + (i % 6)}-1${i % 9},"${type}",${audience},${n.replace('.', '')},Pavia`,
    );
    const file = join(dir, 'events.csv');
    writeFileSync(
      file,
      [
        'Date,Event type,Audience,People reached,Province',
        ...rows,
        '2025-02-30,Mostre fotografiche,Cittadinanza,5,PV',
      ].join('\n'),
    );
    const first = await cli('register-import', file);
    expect(first.stdout).toContain(
      `${seedRows.length + 1} rows · ${seedRows.length} imported · 0 already there · 1 rejected`,
    );
    expect(first.stdout).toMatch(/row 14, column “Date” \(A\): “2025-02-30” is not a date/);
    expect((first as { code?: number }).code).toBe(1);
    const second = await cli('register-import', file);
    expect(second.stdout).toContain(`0 imported · ${seedRows.length} already there`);

    const table = await cli('register-report', '--from', '2025-01-01', '--to', '2025-12-31');
    expect(table.stdout).toMatch(/Totali\s+3\.115/);
    const out = join(dir, 'report.csv');
    await cli('register-report', '--from', '2025-01-01', '--format', 'csv', '--out', out);
    const csv = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv.slice(1, -1).map((line) => line.split(';'))).toEqual(seedRows.map(([a, b, n]) => [a, b, n]));
    const xlsx = join(dir, 'report.xlsx');
    await cli('register-report', '--format', 'xlsx', '--out', xlsx);
    expect((await readSheet(readFileSync(xlsx))).at(-1)).toEqual(['Totali', null, 3115]);

    const bad = await cli('register-report', '--from', '2024-13-01');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('YYYY-MM-DD') });
    const missing = await cli('register-import', join(dir, 'nope.csv'));
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot read this file') });
  }, 60_000);

  it('creates staff accounts from the command line, refusing weak passwords and repeats', async () => {
    const admin = (password: string, username = 'anna') => {
      const child = execFile('npx', ['tsx', 'scripts/register-admin.ts', '--username', username], { env });
      child.stdin?.end(`${password}\n`);
      return new Promise<{ code: number | null; out: string }>((resolve) => {
        let out = '';
        child.stdout?.on('data', (d) => (out += d));
        child.stderr?.on('data', (d) => (out += d));
        child.on('close', (code) => resolve({ code, out }));
      });
    };
    expect(await admin('corta')).toMatchObject({
      code: 1,
      out: expect.stringContaining('at least 10 characters'),
    });
    expect(await admin('una-password-lunga')).toMatchObject({
      code: 0,
      out: expect.stringContaining('(the first one)'),
    });
    expect(await admin('una-password-lunga')).toMatchObject({
      code: 1,
      out: expect.stringContaining('already'),
    });
  }, 60_000);
});
