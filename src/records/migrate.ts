// Versioned record schemas: every stored record carries `v`, the version of its type's schema.
// Each record type file declares its current version, a migration per earlier version
// (n → n+1) and the zod schema of the current shape. Records are upgraded in the database's
// upgrade transaction and, should an old one slip through (an import, a backup), on read.

import type * as z from 'zod/mini';

export interface RecordType<T> {
  /** The IndexedDB object store that holds this type. */
  readonly store: string;
  /** The current schema version; records written now carry it as `v`. */
  readonly version: number;
  /** `migrations[n]` turns a version-n record into a version-(n+1) record. */
  readonly migrations: Readonly<Record<number, (record: Record<string, unknown>) => Record<string, unknown>>>;
  readonly schema: z.ZodMiniType<T>;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Brings a stored record of any earlier version to the current one and validates it. */
export function upgradeRecord<T>(type: RecordType<T>, raw: unknown): T {
  if (typeof raw !== 'object' || raw === null) throw new MigrationError(`${type.store}: not a record`);
  // Copied only when a migration will change it; zod's output is a new object either way.
  let record = raw as Record<string, unknown>;
  let v = typeof record.v === 'number' ? record.v : 1;
  if (v > type.version) {
    throw new MigrationError(
      `${type.store}: record version ${v} is newer than this app (${type.version}); update the app`,
    );
  }
  if (v < type.version) record = { ...record };
  while (v < type.version) {
    const step = type.migrations[v];
    if (!step) throw new MigrationError(`${type.store}: no migration from version ${v}`);
    record = { ...step(record), v: v + 1 };
    v++;
  }
  const parsed = type.schema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MigrationError(`${type.store}: ${issue?.path.join('.') || 'record'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Whether a stored record needs upgrading. */
export const isOutdated = (type: RecordType<unknown>, raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && ((raw as { v?: unknown }).v ?? 1) !== type.version;
