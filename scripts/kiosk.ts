// `npm run kiosk -- --station <name> [--serve] [--nightly-restart HH:MM] …` (`--help` for all):
// runs one station unattended under the supervisor (src/supervisor/, decision 0016). This file
// is the Node side's composition root: it checks what the station needs, then wires the real
// Chromium, server, log file and clock into the supervisor and hands it the signals.

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ActionLog } from '../src/supervisor/action-log.ts';
import { chromiumLauncher, findChromium } from '../src/supervisor/chromium.ts';
import { parseKioskArgs, USAGE } from '../src/supervisor/cli.ts';
import { chromiumFlags, stationUrl } from '../src/supervisor/flags.ts';
import { nodeServer, REPO_ROOT } from '../src/supervisor/server-child.ts';
import { formatTimeOfDay, Supervisor } from '../src/supervisor/supervisor.ts';

const parsed = parseKioskArgs(process.argv.slice(2));
if (parsed.kind === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(`${parsed.message}\nAll options: npm run kiosk -- --help`);
  process.exit(2);
}
const { options } = parsed;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const configDir = join(REPO_ROOT, 'kiosk-config');
if (!existsSync(join(configDir, `${options.station}.json`))) {
  const names = readdirSync(configDir)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .map((name) => name.slice(0, -'.json'.length));
  const message = `No kiosk config named "${options.station}" in kiosk-config/. Stations here: ${names.join(', ')}.`;
  // A station served by another machine may have a config this checkout has not: say so, go on.
  if (options.serve) fail(message);
  console.warn(`${message}\nGoing on: the server at ${options.url} may have it.`);
}
if (options.serve) {
  const dist = process.env.DIST_DIR ?? join(REPO_ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    fail(`--serve needs the built app, and there is none in ${dist}: run "npm run build" first.`);
  }
}

let chromium: string;
try {
  chromium = findChromium(options.chromium);
} catch (error) {
  fail((error as Error).message);
}
if (!options.headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn(
    'No DISPLAY or WAYLAND_DISPLAY: Chromium needs the graphical session. Start the kiosk from the ' +
      'desktop session (its autostart), or add --headless to check it over SSH.',
  );
}
const asRoot = process.getuid?.() === 0;
if (asRoot) {
  console.warn(
    'Running as root: Chromium refuses its sandbox as root, so it runs without. Run kiosks as an ordinary user.',
  );
}

let url: string;
try {
  url = stationUrl(options.url, options.station);
} catch (error) {
  fail((error as Error).message);
}
let log: ActionLog;
try {
  mkdirSync(options.profileDir, { recursive: true });
  log = new ActionLog(options.logFile);
} catch (error) {
  fail(
    `Cannot write the profile or the log (${(error as Error).message}): choose writable places with --profile and --log.`,
  );
}

const supervisor = new Supervisor({
  url,
  launch: chromiumLauncher({
    executable: chromium,
    flags: chromiumFlags({ profileDir: options.profileDir, headless: options.headless, noSandbox: asRoot }),
    profileDir: options.profileDir,
    onMarker: (result) => {
      if (result.status === 'moved-aside') {
        console.warn(
          `Chromium's Preferences were not readable: moved to ${result.movedTo}; Chromium makes new ones.`,
        );
      } else if (result.status === 'failed') {
        console.warn(
          `Could not clear Chromium's crash marker (${result.error}): it may offer to restore pages.`,
        );
      }
    },
  }),
  log: (entry) => {
    log.append(entry);
    console.log(`[kiosk] ${entry.at} ${entry.action}: ${entry.reason}`);
  },
  server: options.serve ? nodeServer({ url: options.url }) : undefined,
  nightlyRestart: options.nightlyRestart,
});

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second Ctrl+C while closing: give up waiting.
    if (signalled) process.exit(1);
    signalled = true;
    supervisor.stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

console.log(`[kiosk] station ${options.station}: ${url}`);
console.log(`[kiosk] profile ${options.profileDir}; log ${options.logFile}`);
if (options.nightlyRestart)
  console.log(`[kiosk] nightly restart at ${formatTimeOfDay(options.nightlyRestart)}`);
await supervisor.start();
