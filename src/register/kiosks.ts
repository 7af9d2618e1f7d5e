// Kiosk enrolment: a 256-bit token shown once, stored only as its SHA-256 (a token is random,
// so a fast hash is enough: there is nothing to guess), revocable.

import { createHash, randomBytes } from 'node:crypto';
import { parseSupervisorEntries, type SupervisorEntry } from '../contracts/supervisor.ts';
import type { RegisterDb } from './db.ts';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface Enrolled {
  id: string;
  name: string;
  /** Shown once; the register keeps only its hash. */
  token: string;
}

export async function enrolKiosk(db: RegisterDb, name: string, now = new Date()): Promise<Enrolled> {
  const clean = name.trim();
  if (clean.length < 1 || clean.length > 80) throw new Error('a kiosk name has 1 to 80 characters');
  const token = randomBytes(32).toString('base64url');
  const id = crypto.randomUUID();
  await db
    .insertInto('kiosks')
    .values({
      id,
      name: clean,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      revoked_at: null,
      last_seen_at: null,
      app_version: null,
      pending: null,
      storage_ratio: null,
      clock_offset_ms: null,
      supervisor_log: null,
    })
    .execute();
  return { id, name: clean, token };
}

export async function revokeKiosk(db: RegisterDb, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('kiosks')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The kiosk a bearer token belongs to, or null (unknown or revoked). */
export async function kioskForToken(
  db: RegisterDb,
  token: string,
): Promise<{ id: string; name: string } | null> {
  if (token.length < 20 || token.length > 100) return null;
  const row = await db
    .selectFrom('kiosks')
    .select(['id', 'name'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/** A kiosk silent for longer than this is flagged on the dashboard. */
export const SILENT_AFTER_MS = 24 * 3_600_000;

export interface KioskStatus {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  /** Records the kiosk still had to send, as its last heartbeat said. */
  pending: number | null;
  storageRatio: number | null;
  clockOffsetMs: number | null;
  records: number;
  quarantined: number;
  /** Not heard from for over a day (or never), and not revoked. */
  silent: boolean;
  /** Records that came on a USB bundle, not over the network. */
  offline: boolean;
  /** What the kiosk's supervisor (`npm run kiosk`) did lately, oldest first, as last reported. */
  supervisor: SupervisorEntry[];
}

export async function listKiosks(db: RegisterDb, now = new Date()): Promise<KioskStatus[]> {
  const kiosks = await db.selectFrom('kiosks').selectAll().orderBy('name').orderBy('created_at').execute();
  const counts = await db
    .selectFrom('records')
    .select(['kiosk_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('kiosk_id')
    .execute();
  const quarantined = await db
    .selectFrom('quarantine')
    .select(['kiosk_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('kiosk_id')
    .execute();
  const recordsBy = new Map(counts.map((c) => [c.kiosk_id, Number(c.n)]));
  const quarantinedBy = new Map(quarantined.map((c) => [c.kiosk_id, Number(c.n)]));
  return kiosks.map((k) => {
    const offline = k.token_hash.startsWith('offline:');
    return {
      id: k.id,
      name: k.name,
      createdAt: k.created_at,
      revokedAt: k.revoked_at,
      lastSeenAt: k.last_seen_at,
      appVersion: k.app_version,
      pending: k.pending === null ? null : Number(k.pending),
      storageRatio: k.storage_ratio === null ? null : Number(k.storage_ratio),
      clockOffsetMs: k.clock_offset_ms === null ? null : Number(k.clock_offset_ms),
      records: recordsBy.get(k.id) ?? 0,
      quarantined: quarantinedBy.get(k.id) ?? 0,
      silent:
        !offline &&
        k.revoked_at === null &&
        (k.last_seen_at === null || now.getTime() - Date.parse(k.last_seen_at) > SILENT_AFTER_MS),
      offline,
      supervisor: parseSupervisorEntries(k.supervisor_log),
    };
  });
}

/**
 * The kiosk row a USB bundle's records are filed under: one per browser profile, which can never
 * sign in (its token hash is not a hash of anything).
 */
export async function offlineKiosk(
  db: RegisterDb,
  device: string,
  name: string,
  now = new Date(),
): Promise<string> {
  const marker = `offline:${device}`;
  const found = await db
    .selectFrom('kiosks')
    .select('id')
    .where('token_hash', '=', marker)
    .executeTakeFirst();
  if (found) return found.id;
  const id = crypto.randomUUID();
  await db
    .insertInto('kiosks')
    .values({
      id,
      name: `${name.trim().slice(0, 60) || 'kiosk'} (USB)`,
      token_hash: marker,
      created_at: now.toISOString(),
      revoked_at: null,
      last_seen_at: null,
      app_version: null,
      pending: null,
      storage_ratio: null,
      clock_offset_ms: null,
      supervisor_log: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .selectFrom('kiosks')
    .select('id')
    .where('token_hash', '=', marker)
    .executeTakeFirstOrThrow();
  return row.id;
}
