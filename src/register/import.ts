// Importing the network's own spreadsheets of events (CSV with `;` or `,`, or XLSX), with
// Italian or English headers. Each row is checked on its own: good rows are stored, rows seen
// before are skipped, bad rows are rejected with the row, the column and what to write instead.
// Importing the same file twice changes nothing: each row is keyed by its content (and by how
// many identical rows came before it in the file, so two identical real events both count).

import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import {
  AUDIENCE_KEYS,
  AUDIENCES,
  AUDIENCES_EN,
  type Audience,
  EVENT_TYPE_KEYS,
  EVENT_TYPES,
  EVENT_TYPES_EN,
  type EventType,
  PROVINCE_NAMES,
  PROVINCES,
  type Province,
} from '../contracts/register.ts';
import type { RegisterDb } from './db.ts';
import { type EventInput, eventInputSchema, eventRow } from './events.ts';

type Field =
  | 'date'
  | 'endDate'
  | 'type'
  | 'audience'
  | 'people'
  | 'province'
  | 'municipality'
  | 'venue'
  | 'notes'
  | 'title';

/** Header spellings (normalized: lower case, no accents or dots) for each field. */
const HEADERS: Record<Field, string[]> = {
  date: ['data', 'data evento', 'data inizio', 'giorno', 'date', 'start date', 'event date'],
  endDate: ['data fine', 'fine', 'end date', 'end'],
  type: [
    'tipologia di evento',
    'tipologia evento',
    'tipologia',
    'tipo',
    'tipo di evento',
    'event type',
    'type',
  ],
  audience: ['destinatari raggiunti', 'destinatari', 'pubblico', 'target', 'audience', 'audience reached'],
  people: [
    'n',
    'numero',
    'n persone',
    'persone raggiunte',
    'persone',
    'partecipanti',
    'people reached',
    'people',
    'participants',
    'number',
  ],
  province: ['provincia', 'prov', 'province'],
  municipality: ['comune', 'citta', 'municipality', 'town', 'city'],
  venue: ['luogo', 'sede', 'venue', 'place', 'location'],
  notes: ['note', 'notes', 'osservazioni'],
  title: ['titolo', 'evento', 'nome evento', 'title', 'event', 'event name'],
};
const REQUIRED: Field[] = ['date', 'type', 'audience', 'people'];
const FIELD_NAMES: Record<Field, string> = {
  date: 'Data / Date',
  endDate: 'Data fine / End date',
  type: 'Tipologia di evento / Event type',
  audience: 'Destinatari raggiunti / Audience',
  people: 'N. / People reached',
  province: 'Provincia / Province',
  municipality: 'Comune / Municipality',
  venue: 'Luogo / Venue',
  notes: 'Note / Notes',
  title: 'Titolo / Title',
};

const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[“”"'‘’«».]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

function lookup<K extends string>(keys: readonly K[], ...labels: Record<K, string>[]): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of keys) {
    map.set(normalize(key), key);
    for (const names of labels) map.set(normalize(names[key]), key);
  }
  return map;
}
const TYPES = lookup(EVENT_TYPE_KEYS, EVENT_TYPES, EVENT_TYPES_EN);
const AUDIENCE_LOOKUP = lookup(AUDIENCE_KEYS, AUDIENCES, AUDIENCES_EN);
const PROVINCE_LOOKUP = new Map<string, Province>([
  ...PROVINCES.map((p) => [normalize(p), p] as [string, Province]),
  ...Object.entries(PROVINCE_NAMES).map(
    ([code, name]) => [normalize(name), code as Province] as [string, Province],
  ),
  ['altro', 'other'],
  ['altra', 'other'],
  ['', 'other'],
]);

export type Cell = string | number | boolean | Date | null | undefined;

export interface ImportRejection {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  column: string | null;
  reason: string;
}

export interface ImportResult {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: ImportRejection[];
}

/** Thrown when the file as a whole cannot be read (no header, missing columns). */
export class ImportFileError extends Error {}

const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** The sheet's rows from a CSV (`;` or `,`, with or without BOM) or an XLSX file. */
export async function readTable(file: Buffer, name: string): Promise<Cell[][]> {
  if (/\.xlsx$/i.test(name)) {
    try {
      return (await readSheet(file)) as Cell[][];
    } catch (error) {
      throw new ImportFileError(
        `${name} is not a readable XLSX workbook (${(error as Error).message}): save it again from Excel as .xlsx, or as CSV`,
      );
    }
  }
  if (!/\.(csv|txt)$/i.test(name))
    throw new ImportFileError(`${name}: import a .csv or .xlsx file (save the spreadsheet in one of these)`);
  const text = file.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new ImportFileError(`${name} is not valid CSV: ${(error as Error).message}`);
  }
}

const cellText = (cell: Cell): string =>
  cell === null || cell === undefined
    ? ''
    : cell instanceof Date
      ? cell.toISOString().slice(0, 10)
      : String(cell).trim();

/** A date written as YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY (or an Excel date). */
export function parseDate(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = cellText(cell);
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const it = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) [, y, m, d] = iso;
  else if (it) [, d, m, y] = it;
  else return null;
  const date = `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

/** A count written as 870, 1.234 (Italian grouping) or 1 234; null when not a whole number ≥ 0. */
export function parsePeople(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : null;
  const text = cellText(cell).replace(/[\s\u00a0]/g, '');
  if (!/^\d{1,3}(\.\d{3})+$|^\d+$/.test(text)) return null;
  const n = Number(text.replace(/\./g, ''));
  return n <= 1_000_000 ? n : null;
}

const rowKey = (input: EventInput, occurrence: number): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        input.startDate,
        input.endDate,
        input.type,
        input.audience,
        input.peopleReached,
        input.province,
        normalize(input.municipality),
        normalize(input.venue),
        normalize(input.title),
        input.notes,
        occurrence,
      ]),
    )
    .digest('hex');

interface ParsedRow {
  row: number;
  input: EventInput;
  key: string;
}

/** Checks every row; returns the good ones and a rejection for each bad one. */
export function parseEventRows(table: readonly Cell[][]): { rows: ParsedRow[]; rejected: ImportRejection[] } {
  const headerIndex = table.findIndex((row) => row.some((cell) => cellText(cell) !== ''));
  if (headerIndex < 0) throw new ImportFileError('the file is empty: the first row should name the columns');
  const header = (table[headerIndex] ?? []).map((cell) => normalize(cellText(cell)));
  const columns = new Map<Field, number>();
  for (const [field, names] of Object.entries(HEADERS) as [Field, string[]][]) {
    const index = header.findIndex((h) => names.includes(h));
    if (index >= 0) columns.set(field, index);
  }
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length) {
    throw new ImportFileError(
      `the header row (row ${headerIndex + 1}) has no column for ${missing
        .map((f) => `“${FIELD_NAMES[f]}”`)
        .join(', ')}: found ${header.filter(Boolean).join(', ') || 'nothing'}`,
    );
  }
  const headerNames = (table[headerIndex] ?? []).map(cellText);
  const columnName = (field: Field) => {
    const i = columns.get(field) as number;
    return `“${headerNames[i]}” (${columnLetter(i)})`;
  };

  const rows: ParsedRow[] = [];
  const rejected: ImportRejection[] = [];
  const seen = new Map<string, number>();
  for (let r = headerIndex + 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    if (cells.every((cell) => cellText(cell) === '')) continue;
    const rowNumber = r + 1;
    const get = (field: Field): Cell =>
      columns.has(field) ? cells[columns.get(field) as number] : undefined;
    const reject = (field: Field | null, reason: string) =>
      rejected.push({ row: rowNumber, column: field ? columnName(field) : null, reason });

    // The report's own "Totali" row is a sum, not an event.
    if (normalize(cellText(get('type'))) === 'totali' || normalize(cellText(get('type'))) === 'total')
      continue;

    const date = parseDate(get('date'));
    if (!date) {
      reject('date', `“${cellText(get('date'))}” is not a date: write it as 2025-03-14 or 14/03/2025`);
      continue;
    }
    const endCell = get('endDate');
    const endDate = cellText(endCell) === '' ? date : parseDate(endCell);
    if (!endDate) {
      reject('endDate', `“${cellText(endCell)}” is not a date: write it as 2025-03-14 or 14/03/2025`);
      continue;
    }
    const type = TYPES.get(normalize(cellText(get('type'))));
    if (!type) {
      reject(
        'type',
        `“${cellText(get('type'))}” is not an event type: use one of ${Object.values(EVENT_TYPES).join(' · ')}`,
      );
      continue;
    }
    const audience = AUDIENCE_LOOKUP.get(normalize(cellText(get('audience'))));
    if (!audience) {
      reject(
        'audience',
        `“${cellText(get('audience'))}” is not an audience: use one of ${Object.values(AUDIENCES).join(' · ')}`,
      );
      continue;
    }
    const people = parsePeople(get('people'));
    if (people === null) {
      reject(
        'people',
        `“${cellText(get('people'))}” is not a number of people: write a whole number such as 870`,
      );
      continue;
    }
    const province = PROVINCE_LOOKUP.get(normalize(cellText(get('province'))));
    if (!province) {
      reject(
        'province',
        `“${cellText(get('province'))}” is not a province of the network: use ${PROVINCES.filter((p) => p !== 'other').join(', ')}, a name such as Pavia, or “altro”`,
      );
      continue;
    }
    const municipality = cellText(get('municipality'));
    const venue = cellText(get('venue'));
    const title =
      cellText(get('title')) ||
      [EVENT_TYPES[type as EventType], municipality || venue].filter(Boolean).join(' · ').slice(0, 120);
    const parsed = eventInputSchema.safeParse({
      title,
      type: type as EventType,
      audience: audience as Audience,
      venue,
      municipality,
      province,
      startDate: date,
      endDate,
      peopleReached: people,
      notes: cellText(get('notes')),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = (
        {
          endDate: 'endDate',
          title: 'title',
          venue: 'venue',
          municipality: 'municipality',
          notes: 'notes',
        } as Record<string, Field>
      )[String(issue?.path[0])];
      reject(field && columns.has(field) ? field : null, issue?.message ?? 'not a valid event');
      continue;
    }
    const base = rowKey(parsed.data, 0);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    rows.push({
      row: rowNumber,
      input: parsed.data,
      key: occurrence ? rowKey(parsed.data, occurrence) : base,
    });
  }
  return { rows, rejected };
}

/** Imports the rows into the register in one transaction; rows seen before are skipped. */
export async function importEvents(db: RegisterDb, table: readonly Cell[][]): Promise<ImportResult> {
  const { rows, rejected } = parseEventRows(table);
  let imported = 0;
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    for (let start = 0; start < rows.length; start += 50) {
      const chunk = rows.slice(start, start + 50);
      const done = await trx
        .insertInto('events')
        .values(
          chunk.map(({ input, key }) => ({
            id: crypto.randomUUID(),
            ...eventRow(input),
            source: 'import' as const,
            import_key: key,
            kiosk_id: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .onConflict((oc) => oc.column('import_key').doNothing())
        .returning('id')
        .execute();
      imported += done.length;
    }
  });
  return {
    rows: rows.length + rejected.length,
    imported,
    duplicates: rows.length - imported,
    rejected: rejected.sort((a, b) => a.row - b.row),
  };
}
