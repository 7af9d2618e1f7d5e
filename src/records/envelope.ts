// What every appended record carries (attendance events and reflections): who wrote it, in
// which order, for which event, and when by two clocks: the kiosk's wall clock (which may be
// wrong by a year after a flat CMOS battery) and a monotonic one that cannot jump.

import * as z from 'zod/mini';
import { UUID7_PATTERN } from './uuid.ts';

export const envelopeShape = {
  /** Client-made UUIDv7: unique across devices, sorts by creation time. */
  id: z.string().check(z.regex(UUID7_PATTERN)),
  /** This browser profile's device id (a random UUID made at first boot). */
  device: z.string().check(z.minLength(8), z.maxLength(64)),
  /** Gapless per device, shared by all appended record types: 1, 2, 3, … */
  seq: z.int().check(z.minimum(1)),
  /** The event set-up this record belongs to, or null when none was set up yet. */
  event: z.nullable(z.string()),
  /** The station (kiosk config `station.id`) that wrote it. */
  station: z.string().check(z.minLength(1), z.maxLength(48)),
  /** Kiosk wall-clock time, ISO 8601 UTC. */
  at: z.iso.datetime(),
  /** Monotonic milliseconds since this page loaded (performance.now()). */
  mono: z.number().check(z.minimum(0)),
  /** Random id of the page load: `mono` is comparable only within one boot. */
  boot: z.string().check(z.minLength(8), z.maxLength(64)),
  /** 0 until the register acknowledged the record, then 1 (indexable, unlike booleans). */
  synced: z.union([z.literal(0), z.literal(1)]),
  v: z.int(),
};

export interface Envelope {
  id: string;
  device: string;
  seq: number;
  event: string | null;
  station: string;
  at: string;
  mono: number;
  boot: string;
  synced: 0 | 1;
  v: number;
}

/** Envelope fields the records service fills in at append time. */
export type EnvelopeKey = keyof Envelope;
