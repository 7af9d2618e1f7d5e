// The register's database: embedded SQLite (better-sqlite3, WAL, synchronous=FULL, a file under
// DATA_DIR) by default, PostgreSQL when DATABASE_URL is set. Kysely gives both one query path;
// the migrations below are written once for both.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

/** Enrolled kiosks: a name, a hashed token, and what the last heartbeat said. */
export interface KiosksTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  app_version: string | null;
  pending: number | null;
  storage_ratio: number | null;
  clock_offset_ms: number | null;
  /** The newest supervisor actions the kiosk reported (JSON array of SupervisorEntry), or null. */
  supervisor_log: string | null;
}

/** Every record a kiosk appended (attendance events and reflections), stored once. */
export interface RecordsTable {
  id: string;
  /** The browser profile that wrote it (the record's `device`) and its gapless number. */
  device_id: string;
  device_seq: number;
  store: 'attendance' | 'reflections';
  /** The attendance kind, or `reflection`. */
  kind: string;
  event_id: string | null;
  station: string;
  at: string;
  /** The record as the kiosk sent it (JSON), and the hash of its content. */
  body: string;
  content_hash: string;
  kiosk_id: string;
  received_at: string;
}

/** Records that clash with a stored one (same id or same number, other content): kept apart. */
export interface QuarantineTable {
  /** A random id of the quarantine entry itself. */
  qid: string;
  id: string;
  device_id: string;
  device_seq: number;
  body: string;
  content_hash: string;
  reason: string;
  kiosk_id: string;
  received_at: string;
}

/** Staff who sign in to the dashboard; passwords hashed with scrypt (src/register/staff.ts). */
export interface StaffTable {
  username: string;
  password_hash: string;
  created_at: string;
}

/** Signed-in dashboard sessions: the cookie's token is stored hashed. */
export interface SessionsTable {
  token_hash: string;
  username: string;
  created_at: string;
  expires_at: string;
}

/**
 * Awareness events: entered by staff, imported from the network's spreadsheets, or set up on a
 * kiosk (synced). `people_reached` is what staff counted; null means "count the kiosks' records".
 */
export interface EventsTable {
  id: string;
  title: string;
  type: string;
  audience: string;
  venue: string;
  municipality: string;
  province: string;
  start_date: string;
  end_date: string;
  people_reached: number | null;
  notes: string;
  source: 'dashboard' | 'import' | 'kiosk';
  /** For imported rows: the hash of the row's content, so importing a file twice adds nothing. */
  import_key: string | null;
  kiosk_id: string | null;
  created_at: string;
  updated_at: string;
}

/** The register's moderation of a reflection (overrides what the kiosk said when it synced). */
export interface ModerationTable {
  record_id: string;
  status: 'pending' | 'approved' | 'hidden' | 'private';
  moderated_at: string;
  moderated_by: string;
}

export interface RegisterSchema {
  kiosks: KiosksTable;
  records: RecordsTable;
  quarantine: QuarantineTable;
  staff: StaffTable;
  sessions: SessionsTable;
  events: EventsTable;
  moderation: ModerationTable;
}

export type RegisterDb = Kysely<RegisterSchema>;
export type SqliteDatabase = Database.Database;

/** The better-sqlite3 connection behind a register opened on SQLite (the ingest's fast path). */
const sqliteHandles = new WeakMap<RegisterDb, SqliteDatabase>();
export const sqliteHandleOf = (db: RegisterDb): SqliteDatabase | undefined => sqliteHandles.get(db);
export type Backend = 'sqlite' | 'postgres';

export interface OpenOptions {
  /** postgres://… : use PostgreSQL. Otherwise SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
}

export interface OpenedRegister {
  db: RegisterDb;
  backend: Backend;
  /** Where the data lives, for messages (a path, or the URL without its password). */
  where: string;
}

export function openRegisterDb(options: OpenOptions = {}): OpenedRegister {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    if (url.password) url.password = '***';
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    return {
      db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
      backend: 'postgres',
      where: url.href,
    };
  }
  const dir = options.dataDir ?? 'data';
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'register.sqlite');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<RegisterSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  sqliteHandles.set(db, sqlite);
  return { db, backend: 'sqlite', where: file };
}

/** Migrations in order; never edit a released one, add the next. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-kiosks-records-quarantine': {
    async up(db) {
      await db.schema
        .createTable('kiosks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('last_seen_at', 'text')
        .addColumn('app_version', 'text')
        .addColumn('pending', 'integer')
        .addColumn('storage_ratio', 'real')
        .addColumn('clock_offset_ms', 'bigint')
        .execute();
      await db.schema
        .createTable('records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('device_seq', 'integer', (c) => c.notNull())
        .addColumn('store', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text')
        .addColumn('station', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('records_device_seq', ['device_id', 'device_seq'])
        .execute();
      await db.schema.createIndex('records_event').on('records').column('event_id').execute();
      await db.schema.createIndex('records_kind').on('records').columns(['store', 'kind']).execute();
      await db.schema
        .createTable('quarantine')
        .addColumn('qid', 'text', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('device_seq', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('quarantine_once', ['id', 'content_hash'])
        .execute();
    },
  },
  '0002-staff-events-moderation': {
    async up(db) {
      await db.schema
        .createTable('staff')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().references('staff.username').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('venue', 'text', (c) => c.notNull())
        .addColumn('municipality', 'text', (c) => c.notNull())
        .addColumn('province', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('people_reached', 'integer')
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('import_key', 'text', (c) => c.unique())
        .addColumn('kiosk_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_start').on('events').column('start_date').execute();
      await db.schema
        .createTable('moderation')
        .addColumn('record_id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('moderated_at', 'text', (c) => c.notNull())
        .addColumn('moderated_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0003-kiosk-supervisor-log': {
    async up(db) {
      await db.schema.alterTable('kiosks').addColumn('supervisor_log', 'text').execute();
    },
  },
};

/** Brings the schema up to date; says which migration failed and why. */
export async function migrate(db: RegisterDb): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(
      `register migration ${failed?.migrationName ?? '(before the first step)'} failed: ${reason}`,
    );
  }
  return (results ?? []).map((r) => r.migrationName);
}
