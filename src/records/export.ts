// Exports of this station's local records for staff: CSV for Italian Excel (`;`, BOM, CRLF),
// XLSX with every text cell typed as text, and JSON for the register. Stores are read in
// batches (`Records.eachBatch`), so 100k records never sit in one transaction. Every text cell
// of a spreadsheet goes through `defuseCell`; the spreadsheet writers load only when used.

import type { SheetData } from 'write-excel-file/browser';
import { ATTENDANCE_STORE, type AttendanceRecord } from './attendance.ts';
import { defuseCell } from './defuse.ts';
import type { AppendStore, Records } from './records.ts';
import { type ModerationStatus, REFLECTION_STORE, type ReflectionRecord } from './reflection.ts';

export type ExportStore = AppendStore;
export type ExportFormat = 'csv' | 'xlsx' | 'json';
export type ExportProgress = (done: number, total: number) => void;

/** Records per read transaction. */
export const EXPORT_BATCH = 2000;

export const ATTENDANCE_COLUMNS = [
  'Data',
  'Ora',
  'Evento',
  'Postazione',
  'Dispositivo',
  'Sequenza',
  'Tipo',
  'Gruppo',
  'Persone',
  'Motivo',
  'Percorso',
  'Lingua',
  'Passo',
  'Scelta',
  'Durata (s)',
  'Corregge',
  'Id',
] as const;

export const REFLECTION_COLUMNS = [
  'Data',
  'Ora',
  'Evento',
  'Postazione',
  'Lingua',
  'Testo',
  'Pittogrammi',
  'Stato',
  'Segnalazioni',
  'Id',
] as const;

/** A cell: text (already defused) or a number we computed; '' is an empty cell. */
export type Cell = string | number;
export type AttendanceRow = Record<(typeof ATTENDANCE_COLUMNS)[number], Cell>;
export type ReflectionRow = Record<(typeof REFLECTION_COLUMNS)[number], Cell>;

export const STATUS_LABELS: Record<ModerationStatus, string> = {
  pending: 'in attesa',
  approved: 'approvato',
  hidden: 'nascosto',
  private: 'riservato',
};

const FILE_LABELS: Record<ExportStore, string> = { attendance: 'presenze', reflections: 'riflessioni' };
const SHEET_NAMES: Record<ExportStore, string> = { attendance: 'Presenze', reflections: 'Riflessioni' };

// ── dates in Europe/Rome ──────────────────────────────────────────────────────

const ROME_DAY = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const ROME_TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const HOUR_MS = 3_600_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Rome's day and hour per UTC hour. Rome's offset from UTC is a whole number of hours and
 * changes only on the hour, so within one UTC hour the day and the hour are fixed and the
 * minutes and seconds are UTC's: one Intl call per hour of records instead of two per record.
 * `null` marks an hour where that does not hold (none since 1893), formatted per record.
 */
const romeHours = new Map<number, { day: string; hour: string } | null>();

/** `{ day: 'dd/mm/yyyy', time: 'HH:mm:ss' }` in Europe/Rome for an ISO instant. */
export function romeDateTime(iso: string): { day: string; time: string } {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return { day: '', time: '' };
  const bucket = Math.floor(ms / HOUR_MS);
  let hour = romeHours.get(bucket);
  if (hour === undefined) {
    if (romeHours.size >= 100_000) romeHours.clear();
    const start = new Date(bucket * HOUR_MS);
    const time = ROME_TIME.format(start);
    hour = time.endsWith(':00:00') ? { day: ROME_DAY.format(start), hour: time.slice(0, 2) } : null;
    romeHours.set(bucket, hour);
  }
  if (hour === null) {
    const date = new Date(ms);
    return { day: ROME_DAY.format(date), time: ROME_TIME.format(date) };
  }
  const seconds = Math.floor((ms - bucket * HOUR_MS) / 1000);
  return { day: hour.day, time: `${hour.hour}:${pad2(Math.floor(seconds / 60))}:${pad2(seconds % 60)}` };
}

// ── rows ─────────────────────────────────────────────────────────────────────

export function attendanceRow(record: AttendanceRecord): AttendanceRow {
  const { day, time } = romeDateTime(record.at);
  const row: AttendanceRow = {
    Data: day,
    Ora: time,
    Evento: defuseCell(record.event ?? ''),
    Postazione: defuseCell(record.station),
    Dispositivo: defuseCell(record.device),
    Sequenza: record.seq,
    Tipo: defuseCell(record.kind),
    Gruppo: '',
    Persone: '',
    Motivo: '',
    Percorso: '',
    Lingua: '',
    Passo: '',
    Scelta: '',
    'Durata (s)': '',
    Corregge: '',
    Id: defuseCell(record.id),
  };
  switch (record.kind) {
    case 'check-in':
      row.Gruppo = defuseCell(record.group);
      row.Persone = record.size;
      break;
    case 'tally':
      row.Persone = record.delta;
      row.Motivo = defuseCell(record.reason);
      break;
    case 'correction':
      row.Persone = record.value;
      row.Motivo = defuseCell(record.reason);
      row.Corregge = defuseCell(record.corrects);
      break;
    default:
      row.Percorso = defuseCell(record.journey);
      row.Lingua = defuseCell(record.language);
      if (record.kind === 'choice') {
        row.Passo = defuseCell(record.step);
        row.Scelta = defuseCell(record.key);
      } else if (record.kind === 'abandon') {
        row.Passo = defuseCell(record.step ?? '');
        row.Motivo = defuseCell(record.reason);
      }
      // Whole seconds: a decimal point reads as a date or text in Italian Excel.
      if (record.kind === 'journey-end' || record.kind === 'abandon')
        row['Durata (s)'] = Math.round(record.durationMs / 1000);
  }
  return row;
}

export function reflectionRow(record: ReflectionRecord): ReflectionRow {
  const { day, time } = romeDateTime(record.at);
  return {
    Data: day,
    Ora: time,
    Evento: defuseCell(record.event ?? ''),
    Postazione: defuseCell(record.station),
    Lingua: defuseCell(record.language),
    Testo: defuseCell(record.text),
    Pittogrammi: defuseCell(record.pictograms.join(', ')),
    Stato: STATUS_LABELS[record.status] ?? defuseCell(record.status),
    Segnalazioni: defuseCell(record.flags.join(', ')),
    Id: defuseCell(record.id),
  };
}

/** Records as spreadsheet rows with Italian column headers; every text cell defused. */
export function exportRows(records: readonly AttendanceRecord[], kind: 'attendance'): AttendanceRow[];
export function exportRows(records: readonly ReflectionRecord[], kind: 'reflections'): ReflectionRow[];
export function exportRows(
  records: readonly AttendanceRecord[] | readonly ReflectionRecord[],
  kind: ExportStore,
): AttendanceRow[] | ReflectionRow[] {
  return kind === ATTENDANCE_STORE
    ? (records as readonly AttendanceRecord[]).map(attendanceRow)
    : (records as readonly ReflectionRecord[]).map(reflectionRow);
}

export function exportColumns(store: ExportStore): readonly string[] {
  return store === REFLECTION_STORE ? REFLECTION_COLUMNS : ATTENDANCE_COLUMNS;
}

// ── walking a store ──────────────────────────────────────────────────────────

const aborted = () => new DOMException('export cancelled', 'AbortError');

/**
 * Reads a store batch by batch into `onRows`, telling `onProgress` after each batch. The total
 * is counted first; records appended meanwhile only raise it. A batch is turned into rows just
 * after the read of the next one is asked for, so the database reads while we format.
 */
async function walk(
  records: Records,
  store: ExportStore,
  onRows: (rows: AttendanceRecord[] | ReflectionRecord[]) => void,
  onProgress: ExportProgress | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal?.aborted) throw aborted();
  const total = await records.countOf(store);
  let done = 0;
  let formatted = Promise.resolve();
  let failed = false;
  try {
    await records.eachBatch(
      store,
      (rows) => {
        if (signal?.aborted) throw aborted();
        if (failed) return false;
        // A microtask: it runs once `eachBatch` has issued the next read.
        formatted = formatted.then(() => {
          try {
            onRows(rows);
          } catch (error) {
            failed = true;
            throw error;
          }
          done += rows.length;
          onProgress?.(done, Math.max(total, done));
        });
        return undefined;
      },
      EXPORT_BATCH,
    );
  } catch (error) {
    await formatted.catch(() => {});
    throw error;
  }
  await formatted;
  if (signal?.aborted) throw aborted();
  if (done === 0) onProgress?.(0, 0);
}

// ── CSV ──────────────────────────────────────────────────────────────────────

type Stringify = typeof import('csv-stringify/browser/esm/sync').stringify;

// The browser build of csv-stringify: the Node one needs a global Buffer.
export const loadCsvStringify = (): Promise<Stringify> =>
  import('csv-stringify/browser/esm/sync').then((module) => module.stringify);

const CSV_OPTIONS = { delimiter: ';', record_delimiter: '\r\n' } as const;

/** Rows as CSV lines for Italian Excel (`;`, CRLF, quotes only where needed), header first if asked. */
export function csvLines(
  stringify: Stringify,
  rows: readonly Record<string, Cell>[],
  columns: readonly string[],
  header: boolean,
): string {
  const table: Cell[][] = header ? [columns as string[]] : [];
  for (const row of rows) {
    const line: Cell[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) line[i] = row[columns[i] as string] ?? '';
    table.push(line);
  }
  return stringify(table, CSV_OPTIONS);
}

/** The store as a CSV file for Italian Excel: UTF-8 with BOM, `;` between cells, CRLF. */
export async function exportCsv(
  records: Records,
  store: ExportStore,
  onProgress?: ExportProgress,
  signal?: AbortSignal,
): Promise<Blob> {
  const stringify = await loadCsvStringify();
  const columns = exportColumns(store);
  const parts: string[] = [`\uFEFF${csvLines(stringify, [], columns, true)}`];
  await walk(
    records,
    store,
    (batch) => parts.push(csvLines(stringify, rowsOf(store, batch), columns, false)),
    onProgress,
    signal,
  );
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

const rowsOf = (store: ExportStore, batch: AttendanceRecord[] | ReflectionRecord[]) =>
  store === ATTENDANCE_STORE
    ? exportRows(batch as AttendanceRecord[], 'attendance')
    : exportRows(batch as ReflectionRecord[], 'reflections');

// ── XLSX ─────────────────────────────────────────────────────────────────────

/** What `write-excel-file` offers: sheet data in, a Blob out. */
export type XlsxWriter = (
  data: SheetData,
  options: { sheet: string; columns: { width: number }[]; stickyRowsCount: number },
) => { toBlob: () => Promise<Blob> };

const loadXlsxWriter = (): Promise<XlsxWriter> =>
  import('write-excel-file/browser').then((module) => module.default as XlsxWriter);

const COLUMN_WIDTHS: Record<string, number> = {
  Data: 11,
  Ora: 9,
  Evento: 20,
  Postazione: 16,
  Dispositivo: 38,
  Testo: 60,
  Pittogrammi: 24,
  Segnalazioni: 24,
  Id: 38,
};

/** A row of cells typed explicitly: text is always `String`, so nothing ever becomes a formula. */
export function xlsxCells(row: Record<string, Cell>, columns: readonly string[]): SheetData[number] {
  return columns.map((column) => {
    const value = row[column] ?? '';
    if (typeof value === 'number') return { type: Number, value };
    return value === '' ? null : { type: String, value };
  });
}

/** The page's CSP stopped the XLSX writer: offer the CSV instead. */
export class XlsxBlockedError extends Error {
  override name = 'XlsxBlockedError';
}

/**
 * Rejects once the page's CSP blocks a `blob:` worker. The zip library behind write-excel-file
 * compresses files over 160 kB in such a worker and, when it is blocked, never calls back: the
 * export would wait for ever. (Allowing it takes `worker-src 'self' blob:`.)
 */
function blockedWorker(): { promise: Promise<never>; dispose: () => void } {
  let dispose = () => {};
  const promise = new Promise<never>((_, reject) => {
    if (typeof document === 'undefined') return;
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.effectiveDirective !== 'worker-src') return;
      reject(new XlsxBlockedError(`XLSX export blocked by the page's CSP (worker-src ${event.blockedURI})`));
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    dispose = () => document.removeEventListener('securitypolicyviolation', onViolation);
  });
  return { promise, dispose };
}

/** The store as an Excel workbook with one sheet, the header row frozen. */
export async function exportXlsx(
  records: Records,
  store: ExportStore,
  onProgress?: ExportProgress,
  signal?: AbortSignal,
  writer: () => Promise<XlsxWriter> = loadXlsxWriter,
): Promise<Blob> {
  const write = await writer();
  const columns = exportColumns(store);
  const data: SheetData = [columns.map((value) => ({ type: String, value, fontWeight: 'bold' as const }))];
  await walk(
    records,
    store,
    (batch) => {
      for (const row of rowsOf(store, batch)) data.push(xlsxCells(row, columns));
    },
    onProgress,
    signal,
  );
  const blocked = blockedWorker();
  try {
    const blob = await Promise.race([
      write(data, {
        sheet: SHEET_NAMES[store],
        columns: columns.map((column) => ({ width: COLUMN_WIDTHS[column] ?? 12 })),
        stickyRowsCount: 1,
      }).toBlob(),
      blocked.promise,
    ]);
    if (signal?.aborted) throw aborted();
    return blob;
  } finally {
    blocked.dispose();
  }
}

// ── JSON ─────────────────────────────────────────────────────────────────────

export const JSON_FORMAT = 'percorso-records';
export const JSON_VERSION = 1;

/** The raw records with a header naming device and store; written a batch at a time. */
export async function exportJson(
  records: Records,
  store: ExportStore,
  onProgress?: ExportProgress,
  signal?: AbortSignal,
): Promise<Blob> {
  const head = JSON.stringify({
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt: new Date().toISOString(),
    device: records.deviceId,
    store,
  });
  // The header object without its closing brace, then the records array a batch at a time.
  const parts: string[] = [`${head.slice(0, -1)},"records":[`];
  let first = true;
  await walk(
    records,
    store,
    (batch) => {
      const text = (batch as object[]).map((record) => JSON.stringify(record)).join(',');
      parts.push(first ? text : `,${text}`);
      first = false;
    },
    onProgress,
    signal,
  );
  parts.push(']}');
  return new Blob(parts, { type: 'application/json' });
}

// ── file names ───────────────────────────────────────────────────────────────

/** `percorso-presenze-2026-11-23.csv`: the day in Europe/Rome. */
export function exportFileName(store: ExportStore, format: ExportFormat, date: Date = new Date()): string {
  const [day, month, year] = ROME_DAY.format(date).split('/');
  return `percorso-${FILE_LABELS[store]}-${year}-${month}-${day}.${format}`;
}
