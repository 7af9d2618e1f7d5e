// audio/manifest.json: per line id and language, whether a clip is recorded (by a person),
// a draft (text-to-speech, to be replaced) or missing, with its file and duration.
import { z } from 'zod';

export const clipSchema = z.object({
  status: z.enum(['recorded', 'draft']),
  file: z.string().regex(/^[a-zA-Z-]+\/[a-z0-9._-]+\.(webm|mp3)$/i),
  durationMs: z.number().int().positive(),
  sourceHash: z.string().optional(),
  voice: z.string().optional(),
});

export const audioManifestSchema = z.object({
  version: z.literal(1),
  lines: z.record(z.string(), z.record(z.string(), clipSchema)),
});

export type AudioManifest = z.infer<typeof audioManifestSchema>;
export type Clip = z.infer<typeof clipSchema>;
