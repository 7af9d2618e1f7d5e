// Small pure helpers of the journey station, kept apart so they are unit-tested.
import type { CompiledInstallation, CompiledJourney } from '../journeys/compiled.ts';

/** The configured journey, or the installation's first one. */
export function pickJourney(installation: CompiledInstallation, id: string | undefined): CompiledJourney {
  const ordered = [...installation.journeys].sort((a, b) => a.order - b.order);
  const journey = id ? ordered.find((j) => j.id === id) : ordered[0];
  if (!journey) throw new Error(`journey "${id ?? '(first)'}" not found in ${installation.installation}`);
  return journey;
}

/**
 * How long a caption stays before the journey moves on when its audio is missing or shorter:
 * about 15 characters a second (slow readers, second language) plus a moment to look up.
 */
export function readingTimeMs(text: string): number {
  return Math.min(20_000, 1500 + [...text].length * 65);
}

/** A second touch on the same control within this window acts; the first one speaks. */
export const CONFIRM_WINDOW_MS = 8000;

export interface Armed {
  key: string;
  at: number;
}

/** Whether a touch on `key` at `now` is the confirming second touch of an armed control. */
export function isSecondTouch(armed: Armed | null, key: string, now: number): boolean {
  return armed !== null && armed.key === key && now - armed.at < CONFIRM_WINDOW_MS;
}
