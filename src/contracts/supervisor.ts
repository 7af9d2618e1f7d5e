// What the station's page and its supervisor (`npm run kiosk`, src/supervisor/) say to each
// other over the DevTools pipe: the page's heartbeat, sent through the CDP binding
// `window.percorsoHeartbeat`, and the supervisor's action log, handed back to the page through
// `window.percorsoSupervisorLog` so the staff panel and the register can show it.
// zod/mini: the page (src/kiosk/heartbeat.ts) checks what it is given with the same schemas.

import * as z from 'zod/mini';

/** The name of the CDP binding (`Runtime.addBinding`) the page calls with its heartbeat. */
export const HEARTBEAT_BINDING = 'percorsoHeartbeat';
/** The page function the supervisor calls (`Runtime.evaluate`) with log entries the page has not seen. */
export const SUPERVISOR_LOG_FUNCTION = 'percorsoSupervisorLog';
/** How often the page reports. The supervisor's default expects the same. */
export const HEARTBEAT_INTERVAL_MS = 10_000;

export const SUPERVISOR_ACTIONS = [
  'launch',
  'reload',
  'relaunch',
  'crash',
  'missed-heartbeats',
  'nightly-restart',
  'server-restart',
  'exit',
] as const;
export type SupervisorAction = (typeof SUPERVISOR_ACTIONS)[number];

export const pageHeartbeatSchema = z.object({
  /** `percorso-app`'s `data-screen` (`attract`, `journey`, …, `error` for a bad config). */
  screen: z.nullable(z.string().check(z.maxLength(40))),
  /** `performance.memory.usedJSHeapSize` where Chromium exposes it. */
  heapUsed: z.nullable(z.number().check(z.minimum(0))),
  /** The message of the newest entry in the shell's error log (src/kiosk/error-log.ts). */
  lastError: z.nullable(z.string().check(z.maxLength(2000))),
  at: z.iso.datetime(),
});
export type PageHeartbeat = z.output<typeof pageHeartbeatSchema>;

/** One line of the supervisor's log file, and one entry of the page's copy. */
export const supervisorEntrySchema = z.object({
  at: z.iso.datetime(),
  action: z.enum(SUPERVISOR_ACTIONS),
  reason: z.string().check(z.maxLength(2000)),
  /** The screen the last heartbeat reported, where one had arrived. */
  screen: z.optional(z.string().check(z.maxLength(40))),
});
export type SupervisorEntry = z.output<typeof supervisorEntrySchema>;

/** The entries of a stored or received log that pass the schema, one by one; the rest dropped. */
export function validSupervisorEntries(value: unknown): SupervisorEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const entry = supervisorEntrySchema.safeParse(item);
    return entry.success ? [entry.data] : [];
  });
}

/** The same, from JSON text (a file line, a storage slot, a database column); [] when unreadable. */
export function parseSupervisorEntries(text: string | null): SupervisorEntry[] {
  if (!text) return [];
  try {
    return validSupervisorEntries(JSON.parse(text));
  } catch {
    return [];
  }
}
