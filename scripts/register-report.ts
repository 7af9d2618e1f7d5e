// `npm run register:report -- --from 2024-03-01 --to 2025-07-31 [--format table|csv|xlsx] [--out FILE]`:
// the final report's table of awareness events (type · audience · people reached, with the
// total) for a period, printed or written to a file. Uses DATABASE_URL or DATA_DIR.

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildReport, isIsoDate } from '../src/register/events.ts';
import { openRegisterFromEnv } from '../src/register/open.ts';
import { reportCsv, reportText, reportXlsx } from '../src/register/report-format.ts';

const USAGE =
  'Usage: npm run register:report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|csv|xlsx] [--out FILE]';
let values: { from?: string; to?: string; format?: string; out?: string };
try {
  ({ values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'table' },
      out: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const isDate = (d: string | undefined) => d === undefined || isIsoDate(d);
if (!isDate(values.from) || !isDate(values.to)) {
  console.error(`--from and --to are dates written as YYYY-MM-DD.\n${USAGE}`);
  process.exit(2);
}
if (values.from && values.to && values.from > values.to) {
  console.error(`--from (${values.from}) is after --to (${values.to}).`);
  process.exit(2);
}
const format = values.format ?? 'table';
if (!['table', 'csv', 'xlsx'].includes(format)) {
  console.error(`--format is table, csv or xlsx, not "${format}".\n${USAGE}`);
  process.exit(2);
}
if (format === 'xlsx' && !values.out) {
  console.error('An XLSX report needs a file: add --out report.xlsx');
  process.exit(2);
}

try {
  const { db } = await openRegisterFromEnv();
  try {
    const report = await buildReport(db, { from: values.from, to: values.to });
    const content =
      format === 'xlsx'
        ? await reportXlsx(report)
        : format === 'csv'
          ? reportCsv(report)
          : reportText(report);
    if (values.out) {
      await writeFile(values.out, content);
      console.log(`Report written to ${values.out}: ${report.rows.length} rows, total ${report.total}.`);
    } else process.stdout.write(content);
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
