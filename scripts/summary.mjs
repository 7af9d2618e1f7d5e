// Prints the one line CI reads, "N passed, N failed", summing vitest and Playwright (from
// their JSON reports) and the type and lint checks (one test each). Exit code 1 if any failed.
// A runner that crashed and left no report counts as one failure, never as zero tests.
import { existsSync, readFileSync } from 'node:fs';

const checksFailed = Number(process.argv[2] ?? 0);
let passed = 2 - checksFailed;
let failed = checksFailed;
let skipped = 0;

function read(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const unit = read('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numRuntimeErrorTestSuites ?? 0);
  skipped += unit.numPendingTests + unit.numTodoTests;
} else {
  console.log('unit: no report (vitest did not finish)');
  failed += 1;
}

const e2e = read('test-results/e2e.json');
if (e2e?.stats) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
  skipped += e2e.stats.skipped;
} else {
  console.log('e2e: no report (Playwright did not finish)');
  failed += 1;
}

if (skipped) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
