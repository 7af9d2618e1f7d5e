// Visitor reflections across kiosks: staff moderate them in the dashboard, and walls read the
// approved ones. A reflection's status is the register's decision when there is one, else what
// the kiosk's staff had decided when it synced.

import { MODERATION_STATUSES, type ModerationStatus, type ReflectionRecord } from '../records/reflection.ts';
import type { RegisterDb } from './db.ts';

export interface RegisterReflection {
  id: string;
  at: string;
  station: string;
  event: string | null;
  kiosk: string;
  language: string;
  text: string;
  pictograms: string[];
  flags: string[];
  disclosure: boolean;
  status: ModerationStatus;
  moderatedAt: string | null;
  moderatedBy: string | null;
}

export const isModerationStatus = (value: unknown): value is ModerationStatus =>
  (MODERATION_STATUSES as readonly unknown[]).includes(value);

async function load(
  db: RegisterDb,
  filter: { id?: string; since?: string; limit: number },
): Promise<RegisterReflection[]> {
  let query = db
    .selectFrom('records')
    .innerJoin('kiosks', 'kiosks.id', 'records.kiosk_id')
    .leftJoin('moderation', 'moderation.record_id', 'records.id')
    .select([
      'records.id',
      'records.body',
      'kiosks.name as kiosk',
      'moderation.status as mstatus',
      'moderation.moderated_at as mat',
      'moderation.moderated_by as mby',
    ])
    .where('records.store', '=', 'reflections');
  if (filter.id) query = query.where('records.id', '=', filter.id);
  if (filter.since) query = query.where('records.at', '>', filter.since);
  const rows = await query
    .orderBy('records.at', 'desc')
    .orderBy('records.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => {
    const r = JSON.parse(row.body) as ReflectionRecord;
    return {
      id: r.id,
      at: r.at,
      station: r.station,
      event: r.event,
      kiosk: row.kiosk,
      language: r.language,
      text: r.text,
      pictograms: r.pictograms,
      flags: r.flags,
      disclosure: r.disclosure,
      status: (row.mstatus as ModerationStatus | null) ?? r.status,
      moderatedAt: row.mat ?? r.moderatedAt,
      moderatedBy: row.mby ?? null,
    };
  });
}

/** The newest reflections (up to `limit`), optionally only those with one status. */
export async function listReflections(
  db: RegisterDb,
  options: { status?: ModerationStatus; limit?: number } = {},
): Promise<RegisterReflection[]> {
  const limit = options.limit ?? 500;
  // Status may come from the moderation table or the body, so filter after reading; read more
  // than asked when filtering so a page is rarely short.
  const all = await load(db, { limit: options.status ? limit * 4 : limit });
  return (options.status ? all.filter((r) => r.status === options.status) : all).slice(0, limit);
}

export type ModerationOutcome = 'ok' | 'not-found' | 'disclosure';

/** Sets a reflection's status. A reflection that reads like a disclosure never goes on a wall. */
export async function moderate(
  db: RegisterDb,
  id: string,
  status: ModerationStatus,
  by: string,
  now = new Date(),
): Promise<ModerationOutcome> {
  const [found] = await load(db, { id, limit: 1 });
  if (!found) return 'not-found';
  if (found.disclosure && status === 'approved') return 'disclosure';
  const row = { status, moderated_at: now.toISOString(), moderated_by: by };
  await db
    .insertInto('moderation')
    .values({ record_id: id, ...row })
    .onConflict((oc) => oc.column('record_id').doUpdateSet(row))
    .execute();
  return 'ok';
}

export interface WallItem {
  id: string;
  at: string;
  language: string;
  text: string;
  pictograms: string[];
}

/** What a wall shows: approved reflections, newest first, without who or where. */
export async function wallFeed(db: RegisterDb, limit = 60): Promise<WallItem[]> {
  const approved = await listReflections(db, { status: 'approved', limit });
  return approved
    .filter((r) => !r.disclosure)
    .map(({ id, at, language, text, pictograms }) => ({ id, at, language, text, pictograms }));
}
