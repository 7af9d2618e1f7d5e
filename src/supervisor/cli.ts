// `npm run kiosk -- …`: the supervisor's command line, parsed into options (pure, tested).
// scripts/kiosk.ts turns these into a running supervisor.

import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KIOSK_NAME_PATTERN } from '../contracts/kiosk-name.ts';
import type { TimeOfDay } from './supervisor.ts';

export const DEFAULT_URL = 'http://127.0.0.1:8080/';

export const USAGE = `Usage: npm run kiosk -- --station <name> [options]

Runs one station unattended: starts Chromium in kiosk mode on the station, watches the page's
heartbeat, reloads a page that stops answering, relaunches a Chromium that crashes or exits, and
logs every action as one JSON line.

  --station <name>         kiosk config to show: a file in kiosk-config/ without .json,
                           e.g. workers-journey, workers-reflection, infopoint (required)
  --url <url>              where the app is served (default ${DEFAULT_URL});
                           the station opens <url>?kiosk=<name>
  --serve                  this machine serves itself: start the local server (npm run serve)
                           first, on --url's host and port, and restart it if it stops
                           (build the app first: npm run build)
  --profile <dir>          Chromium's persistent profile, where records and the offline cache
                           live (default ~/.local/share/percorso/chromium-profile)
  --log <file>             the supervisor's log, one JSON line per action, newest 1,000 kept
                           (default: supervisor.log.jsonl beside the profile)
  --nightly-restart HH:MM  restart Chromium every night at this local time, only while the
                           attract loop shows (waits up to an hour, else skips that night)
  --chromium <path>        the browser (default /usr/bin/chromium, else chromium-browser)
  --headless               no window (tests, a first check over SSH)
  --help                   this text

Example, a station that serves itself and restarts at 4 every night:
  npm run kiosk -- --station workers-journey --serve --nightly-restart 04:00

Stop it with Ctrl+C or SIGTERM: Chromium is closed cleanly and the server stopped.`;

export interface KioskOptions {
  station: string;
  url: string;
  serve: boolean;
  profileDir: string;
  logFile: string;
  nightlyRestart: TimeOfDay | undefined;
  chromium: string | undefined;
  headless: boolean;
}

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'run'; options: KioskOptions };

/** `HH:MM` (24-hour, local time) or undefined. */
export function parseTimeOfDay(text: string): TimeOfDay | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/** ~/.local/share (or $XDG_DATA_HOME)/percorso/chromium-profile. */
export function defaultProfileDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const dataHome = env.XDG_DATA_HOME?.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(dataHome, 'percorso', 'chromium-profile');
}

export function parseKioskArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedArgs {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const station = values.station;
  if (!station) {
    return {
      kind: 'error',
      message: 'Say which station to show: --station <name>, e.g. --station workers-journey.',
    };
  }
  if (!KIOSK_NAME_PATTERN.test(station)) {
    return {
      kind: 'error',
      message: `"${station}" is not a kiosk config name: use the file name from kiosk-config/ without .json, e.g. workers-journey.`,
    };
  }
  const url = values.url ?? DEFAULT_URL;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
  } catch {
    return { kind: 'error', message: `--url ${url} is not an http(s) address: e.g. --url ${DEFAULT_URL}` };
  }
  let nightlyRestart: TimeOfDay | undefined;
  if (values['nightly-restart'] !== undefined) {
    nightlyRestart = parseTimeOfDay(values['nightly-restart']);
    if (!nightlyRestart) {
      return {
        kind: 'error',
        message: `--nightly-restart ${values['nightly-restart']}: give a 24-hour local time as HH:MM, e.g. 04:00.`,
      };
    }
  }
  const profileDir = resolve(values.profile ?? defaultProfileDir(env));
  return {
    kind: 'run',
    options: {
      station,
      url,
      serve: values.serve ?? false,
      profileDir,
      logFile: resolve(values.log ?? join(dirname(profileDir), 'supervisor.log.jsonl')),
      nightlyRestart,
      chromium: values.chromium,
      headless: values.headless ?? false,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      station: { type: 'string' },
      url: { type: 'string' },
      serve: { type: 'boolean' },
      profile: { type: 'string' },
      log: { type: 'string' },
      'nightly-restart': { type: 'string' },
      chromium: { type: 'string' },
      headless: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
