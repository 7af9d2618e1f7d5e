// Kiosk enrolment: a 256-bit token shown once, stored only as its SHA-256 (a token is random,
// so a fast hash is enough: there is nothing to guess), revocable.

import { createHash, randomBytes } from 'node:crypto';
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
