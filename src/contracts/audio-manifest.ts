// audio/manifest.json: per line id and language, whether a clip is recorded (by a person),
// a draft (text-to-speech, to be replaced) or missing, with its file and duration.
import * as z from 'zod/mini';

export const clipSchema = z.object({
  status: z.enum(['recorded', 'draft']),
  file: z.string().check(z.regex(/^[a-zA-Z-]+\/[a-z0-9._-]+\.(webm|mp3)$/i)),
  durationMs: z.int().check(z.positive()),
  /** Drafts only: hash of the voice and text the clip was synthesised from (skip if unchanged). */
  sourceHash: z.optional(z.string()),
  /** Hash of the Italian source line the clip was made for: a different hash now means review it. */
  madeFor: z.optional(z.string()),
  /** Integrated loudness and true peak, measured by npm run audio:drafts / audio:check. */
  loudnessLufs: z.optional(z.number()),
  truePeakDb: z.optional(z.number()),
  /** SHA-256 (16 hex digits) of the file as generated or adopted: another file there is a new recording. */
  fileHash: z.optional(z.string()),
  voice: z.optional(z.string()),
});

/**
 * An ambience bed: a seamless loop played quietly under a scene and ducked under narration.
 * `synthetic` beds are made by `npm run audio:beds` from noise and tones; a field recording
 * dropped in its place and adopted by `npm run audio:check` becomes `recorded`.
 */
export const bedSchema = z.object({
  status: z.enum(['recorded', 'synthetic']),
  file: z.string().check(z.regex(/^beds\/[a-z0-9-]+\.(webm|mp3)$/)),
  durationMs: z.int().check(z.positive()),
  /** Synthetic beds only: hash of the recipe the loop was made from (remade when it changes). */
  sourceHash: z.optional(z.string()),
  /** What the bed should sound like, for whoever records a replacement. */
  title: z.optional(z.string()),
  loudnessLufs: z.optional(z.number()),
  truePeakDb: z.optional(z.number()),
  fileHash: z.optional(z.string()),
});

export const audioManifestSchema = z.object({
  version: z.literal(1),
  lines: z.record(z.string(), z.record(z.string(), clipSchema)),
  beds: z.optional(z.record(z.string(), bedSchema)),
});

export type AudioManifest = z.infer<typeof audioManifestSchema>;
export type Clip = z.infer<typeof clipSchema>;
export type Bed = z.infer<typeof bedSchema>;
