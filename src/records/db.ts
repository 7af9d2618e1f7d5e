// The records database: one IndexedDB database per browser profile, its stores and indexes,
// and the upgrade that brings an older database (and every record in it) to this version.

import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { ATTENDANCE_STORE, type AttendanceRecord, attendanceType } from './attendance.ts';
import { ERROR_STORE, type ErrorRecord, errorType } from './error-entry.ts';
import { EVENT_STORE, type EventSetup, eventSetupType } from './event-setup.ts';
import { isOutdated, type RecordType, upgradeRecord } from './migrate.ts';
import { REFLECTION_STORE, type ReflectionRecord, reflectionType } from './reflection.ts';
import { SETTINGS_STORE, type Setting, settingType } from './settings.ts';

export const DB_NAME = 'percorso-records';
/** Bump when a store, an index or any record type's version changes. */
export const DB_VERSION = 1;

export interface RecordsSchema extends DBSchema {
  [ATTENDANCE_STORE]: {
    key: string;
    value: AttendanceRecord;
    indexes: { 'by-event': string; 'by-synced': number; 'by-seq': number };
  };
  [REFLECTION_STORE]: {
    key: string;
    value: ReflectionRecord;
    indexes: { 'by-status': string; 'by-synced': number; 'by-seq': number };
  };
  [EVENT_STORE]: { key: string; value: EventSetup };
  [SETTINGS_STORE]: { key: string; value: Setting };
  [ERROR_STORE]: { key: number; value: ErrorRecord };
}

export type RecordsDB = IDBPDatabase<RecordsSchema>;
type UpgradeTx = IDBPTransaction<RecordsSchema, StoreNames<RecordsSchema>[], 'versionchange'>;

export const RECORD_TYPES: readonly RecordType<unknown>[] = [
  attendanceType,
  reflectionType,
  eventSetupType,
  settingType,
  errorType,
] as RecordType<unknown>[];

/**
 * Store layout changes, one per database version: `LAYOUT[n]` takes a database at version
 * n to n+1. Record-level changes live with each record type (its `migrations`).
 */
const LAYOUT: Record<number, (db: RecordsDB, tx: UpgradeTx) => void> = {
  0: (db) => {
    const attendance = db.createObjectStore(ATTENDANCE_STORE, { keyPath: 'id' });
    attendance.createIndex('by-event', 'event');
    attendance.createIndex('by-synced', 'synced');
    attendance.createIndex('by-seq', 'seq', { unique: true });
    const reflections = db.createObjectStore(REFLECTION_STORE, { keyPath: 'id' });
    reflections.createIndex('by-status', 'status');
    reflections.createIndex('by-synced', 'synced');
    reflections.createIndex('by-seq', 'seq', { unique: true });
    db.createObjectStore(EVENT_STORE, { keyPath: 'id' });
    db.createObjectStore(SETTINGS_STORE, { keyPath: 'key' });
    db.createObjectStore(ERROR_STORE, { keyPath: 'n', autoIncrement: true });
  },
};

/** Upgrades every stored record whose `v` is not its type's current version. */
async function migrateRecords(tx: UpgradeTx): Promise<void> {
  for (const type of RECORD_TYPES) {
    const name = type.store as StoreNames<RecordsSchema>;
    if (!tx.objectStoreNames.contains(name)) continue;
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      if (isOutdated(type, cursor.value)) await cursor.update(upgradeRecord(type, cursor.value) as never);
      cursor = await cursor.continue();
    }
  }
}

export interface OpenOptions {
  name?: string;
  version?: number;
  /** Told when another tab holds an older version open and blocks the upgrade. */
  onBlocked?: () => void;
}

export async function openRecordsDb(options: OpenOptions = {}): Promise<RecordsDB> {
  const version = options.version ?? DB_VERSION;
  return openDB<RecordsSchema>(options.name ?? DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) LAYOUT[v]?.(db, tx);
      if (oldVersion > 0) await migrateRecords(tx);
    },
    blocked: () => options.onBlocked?.(),
    // A newer version of the app opened in another tab: step aside so it can upgrade.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
