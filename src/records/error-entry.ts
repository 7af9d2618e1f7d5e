// The error log as records: a ring buffer of the newest entries, kept in IndexedDB so staff
// can read it in the panel and the register can collect it. The shell still keeps its
// crash-loop counter in localStorage, which it can read synchronously while crashing.

import * as z from 'zod/mini';
import type { RecordType } from './migrate.ts';

export const ERROR_STORE = 'errors';
export const ERROR_VERSION = 1;
export const ERROR_RING_CAPACITY = 500;

export const errorEntrySchema = z.object({
  /** Auto-increment key, assigned by IndexedDB: the ring drops the lowest. */
  n: z.optional(z.int()),
  v: z.int(),
  at: z.iso.datetime(),
  kind: z.string().check(z.maxLength(32)),
  message: z.string().check(z.maxLength(2000)),
  stack: z.optional(z.string().check(z.maxLength(8000))),
  screen: z.optional(z.string().check(z.maxLength(32))),
});

export interface ErrorRecord {
  n?: number;
  v: number;
  at: string;
  kind: string;
  message: string;
  stack?: string;
  screen?: string;
}

export const errorType: RecordType<ErrorRecord> = {
  store: ERROR_STORE,
  version: ERROR_VERSION,
  migrations: {},
  schema: errorEntrySchema as unknown as z.ZodMiniType<ErrorRecord>,
};
