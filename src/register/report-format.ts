// The report table in the forms coordinators hand on: a text table for the terminal, CSV for
// Italian Excel (UTF-8 with BOM, `;`, CRLF) and XLSX, both with every text cell defused the way
// the kiosk's exports are (src/records/defuse.ts).

import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { defuseCell } from '../records/defuse.ts';
import type { Report } from './events.ts';

export const REPORT_HEADER = ['Tipologia di evento', 'Destinatari raggiunti', 'N.'] as const;
export const TOTAL_LABEL = 'Totali';

/** 3115 → "3.115", as the report writes its figures. */
export const italianNumber = (n: number): string =>
  new Intl.NumberFormat('it-IT', { useGrouping: true }).format(n);

const period = (report: Report) =>
  report.from || report.to ? `dal ${report.from ?? 'inizio'} al ${report.to ?? 'oggi'}` : 'tutto il periodo';

/** Rows of the table as the report prints them, total last (figures as numbers). */
export function reportCells(report: Report): Array<[string, string, number]> {
  return [
    ...report.rows.map((r) => [r.typeLabel, r.audienceLabel, r.people] as [string, string, number]),
    [TOTAL_LABEL, '', report.total],
  ];
}

/** A plain text table for the terminal, figures right-aligned with Italian grouping. */
export function reportText(report: Report): string {
  const cells = [[...REPORT_HEADER], ...reportCells(report).map(([a, b, n]) => [a, b, italianNumber(n)])];
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  const pad = (text: string, width: number, right = false) => {
    const gap = ' '.repeat(Math.max(0, width - [...text].length));
    return right ? gap + text : text + gap;
  };
  const line = (row: string[]) =>
    `${pad(row[0] ?? '', widths[0] ?? 0)}  ${pad(row[1] ?? '', widths[1] ?? 0)}  ${pad(row[2] ?? '', widths[2] ?? 0, true)}`;
  const rule = '─'.repeat((widths[0] ?? 0) + (widths[1] ?? 0) + (widths[2] ?? 0) + 4);
  const body = cells.slice(1, -1).map(line);
  return [
    `Eventi di sensibilizzazione, ${period(report)} (${report.events} eventi)`,
    line(cells[0] as string[]),
    rule,
    ...body,
    rule,
    line(cells[cells.length - 1] as string[]),
    '',
  ].join('\n');
}

/** CSV for Italian Excel: BOM, `;` between cells, CRLF, text defused, figures as plain integers. */
export function reportCsv(report: Report): string {
  const table = [
    [...REPORT_HEADER],
    ...reportCells(report).map(([a, b, n]) => [defuseCell(a), defuseCell(b), String(n)]),
  ];
  return `\uFEFF${stringify(table, { delimiter: ';', record_delimiter: '\r\n' })}`;
}

/** The same table as an XLSX workbook; text cells are typed as text, so none is a formula. */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const text = (value: string) => (value === '' ? null : { type: String, value: defuseCell(value) });
  const data: SheetData = [
    REPORT_HEADER.map((h) => ({ type: String, value: h, fontWeight: 'bold' as const })),
    ...reportCells(report).map(([a, b, n]) => [text(a), text(b), { type: Number, value: n }]),
  ];
  return writeXlsxFile(data, {
    sheet: 'Eventi',
    columns: [{ width: 48 }, { width: 44 }, { width: 10 }],
    stickyRowsCount: 1,
  }).toBuffer();
}
