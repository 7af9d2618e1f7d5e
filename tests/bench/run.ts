// `npm run bench`: every benchmark under tests/bench/, side by side with its baseline, in one run.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { benchAudio } from './audio.bench.ts';
import { type Figure, mergeResults } from './harness.ts';
import { benchJourney } from './journey.bench.ts';
import { benchRecords } from './records.bench.ts';
import { benchRegister } from './register.bench.ts';
import { benchStage } from './stage.bench.ts';
import { benchStartup } from './startup.bench.ts';
import { benchSync } from './sync.bench.ts';

const browserCheck = await chromium
  .launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  .catch((error) => {
    console.error(`Cannot start Chromium at ${CHROMIUM_PATH}: ${(error as Error).message}`);
    console.error('Install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
    process.exit(1);
  });
await browserCheck.close();

const only = process.argv[2];
const allBenches = [
  { name: 'startup (cold offline start, initial JS)', run: benchStartup },
  { name: 'journey transition (machine + render vs render alone)', run: benchJourney },
  { name: 'audio (narration start, play/stop cycles)', run: benchAudio },
  { name: 'stage (frame p95 per scene vs an empty scene)', run: benchStage },
  { name: 'records (append, CSV export)', run: benchRecords },
  { name: 'register (ingest vs raw insert, SQLite and PostgreSQL)', run: benchRegister },
  { name: 'sync (kiosk → register, 100k records, vs raw POSTs)', run: benchSync },
];
const benches = allBenches.filter((b) => !only || b.name.startsWith(only));
const figures: Record<string, Omit<Figure, 'measured'>> = {};
for (const [index, bench] of benches.entries()) {
  console.log(`[${index + 1}/${benches.length}] ${bench.name}`);
  Object.assign(figures, await bench.run());
}
const all = mergeResults(figures);
console.log('\nfigure                         value      goal     met');
for (const name of Object.keys(figures)) {
  const figure = all[name];
  if (!figure) continue;
  console.log(
    `${name.padEnd(30)} ${`${figure.value} ${figure.unit}`.padEnd(10)} ${figure.goal.padEnd(8)} ${figure.met ? 'yes' : 'NO'}`,
  );
}
console.log('\nwritten to tests/bench/results.json');
