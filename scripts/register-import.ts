// `npm run register:import -- events.csv` (or .xlsx): imports events kept in the network's
// spreadsheets into the register. Italian or English headers, `;` or `,` separated. Reports the
// rows imported, skipped as already there, and rejected (with row, column and why). Importing
// the same file again changes nothing. Uses DATABASE_URL or DATA_DIR like the register.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportFileError, importEvents, readTable } from '../src/register/import.ts';
import { openRegisterFromEnv } from '../src/register/open.ts';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('Usage: npm run register:import -- FILE.csv|FILE.xlsx [more files]');
  process.exit(2);
}

let failed = false;
try {
  const { db, where } = await openRegisterFromEnv();
  try {
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        console.error(`${file}: cannot read this file (check the path)`);
        failed = true;
        continue;
      }
      try {
        const result = await importEvents(db, await readTable(bytes, basename(file)));
        console.log(
          `${file} → ${where}: ${result.rows} rows · ${result.imported} imported · ${result.duplicates} already there · ${result.rejected.length} rejected`,
        );
        for (const r of result.rejected)
          console.log(`  row ${r.row}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`);
        if (result.rejected.length) failed = true;
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        console.error(`${file}: ${error.message}`);
        failed = true;
      }
    }
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
process.exitCode = failed ? 1 : 0;
