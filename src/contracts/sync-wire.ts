// The batch endpoint's wire format (`POST /api/v1/batches`), shared by the kiosk's uploader
// (src/sync/uploader.ts), which builds requests and checks answers with it, and the register
// (src/register/app.ts), which checks requests with it. zod/mini, so it runs in the browser too.

import * as z from 'zod/mini';
import { supervisorEntrySchema } from './supervisor.ts';

export const MAX_BATCH_RECORDS = 500;
export const SYNC_STORES = ['attendance', 'reflections', 'events'] as const;
export type SyncStore = (typeof SYNC_STORES)[number];

/** The newest supervisor actions a heartbeat carries (`npm run kiosk`'s log, as the page keeps it). */
export const HEARTBEAT_SUPERVISOR_ENTRIES = 10;

export const heartbeatSchema = z.object({
  appVersion: z.string().check(z.maxLength(40)),
  pending: z.int().check(z.minimum(0), z.maximum(100_000_000)),
  storageRatio: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  /** What the kiosk's supervisor did lately (reloads, relaunches, crashes), oldest first. */
  supervisor: z.optional(z.array(supervisorEntrySchema).check(z.maxLength(HEARTBEAT_SUPERVISOR_ENTRIES))),
});
export type Heartbeat = z.output<typeof heartbeatSchema>;

export const batchRequestSchema = z.object({
  /** The kiosk's clock when it sent the batch: the register keeps the offset from its own. */
  sentAt: z.iso.datetime(),
  heartbeat: z.optional(heartbeatSchema),
  records: z
    .array(z.object({ store: z.enum(SYNC_STORES), record: z.unknown() }))
    .check(
      z.maxLength(
        MAX_BATCH_RECORDS,
        `at most ${MAX_BATCH_RECORDS} records per batch: send the rest in another`,
      ),
    ),
});
export type BatchRequest = z.output<typeof batchRequestSchema>;

export const itemResultSchema = z.union([
  z.object({ id: z.nullable(z.string()), status: z.enum(['inserted', 'duplicate']) }),
  z.object({ id: z.nullable(z.string()), status: z.literal('rejected'), reason: z.string() }),
]);
export type ItemResult = z.output<typeof itemResultSchema>;

export const batchAnswerSchema = z.object({
  receivedAt: z.iso.datetime(),
  results: z.array(itemResultSchema),
});
export type BatchAnswer = z.output<typeof batchAnswerSchema>;
