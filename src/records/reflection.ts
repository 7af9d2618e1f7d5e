// Visitor reflections: a short text or a set of pictograms, in the visitor's language. No
// name, no contact, no photo. The moderation status is the one field changed in place.

import * as z from 'zod/mini';
import { type Envelope, envelopeShape } from './envelope.ts';
import type { RecordType } from './migrate.ts';

export const REFLECTION_STORE = 'reflections';
export const REFLECTION_VERSION = 1;
export const MAX_REFLECTION_CHARS = 280;

/**
 * pending: waits for staff · approved: may be shown on a wall · hidden: staff declined it ·
 * private: reads like a disclosure; only staff see it, never a wall.
 */
export const MODERATION_STATUSES = ['pending', 'approved', 'hidden', 'private'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

export const reflectionBodyShape = {
  language: z.string().check(z.minLength(2), z.maxLength(8)),
  /** What the visitor wrote, as typed (trimmed); '' when they only picked pictograms. */
  text: z.string().check(z.maxLength(MAX_REFLECTION_CHARS)),
  /** Ids of the feeling pictograms picked, in order. */
  pictograms: z.array(z.string().check(z.maxLength(32))).check(z.maxLength(8)),
  status: z.enum(MODERATION_STATUSES),
  /** Words from the word lists found in the text (shown to staff, never to visitors). */
  flags: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(20)),
  /** Matched a possible-disclosure phrase: goes to the private queue. */
  disclosure: z.boolean(),
  /** When staff last changed the status (ISO), or null. */
  moderatedAt: z.nullable(z.iso.datetime()),
};

export type ReflectionBody = {
  language: string;
  text: string;
  pictograms: string[];
  status: ModerationStatus;
  flags: string[];
  disclosure: boolean;
  moderatedAt: string | null;
};
export type ReflectionRecord = Envelope & ReflectionBody;

export const reflectionSchema = z
  .object({ ...envelopeShape, ...reflectionBodyShape })
  .check(
    z.refine(
      (r) => r.text.trim().length > 0 || r.pictograms.length > 0,
      'a reflection needs some text or at least one pictogram',
    ),
  ) as unknown as z.ZodMiniType<ReflectionRecord>;

export const reflectionType: RecordType<ReflectionRecord> = {
  store: REFLECTION_STORE,
  version: REFLECTION_VERSION,
  migrations: {},
  schema: reflectionSchema,
};
