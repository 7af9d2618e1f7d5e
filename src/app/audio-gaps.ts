// Which clips this station may need and does not have, for the staff panel's health view:
// the shell's spoken lines and this installation's journey lines, in every offered language.
// A draft (text-to-speech) counts as present but is listed apart: it waits for a recording.

import { SHELL_SPOKEN_KEYS } from '../i18n/spoken.ts';
import type { StationServices } from './context.ts';

export interface AudioGaps {
  missing: { line: string; language: string }[];
  drafts: number;
  recorded: number;
}

export function audioGaps(
  manifest: { lines: Record<string, Record<string, { status: string }>> },
  lines: Iterable<string>,
  languages: readonly string[],
): AudioGaps {
  const gaps: AudioGaps = { missing: [], drafts: 0, recorded: 0 };
  for (const line of lines) {
    for (const language of languages) {
      const clip = manifest.lines[line]?.[language];
      if (!clip) gaps.missing.push({ line, language });
      else if (clip.status === 'recorded') gaps.recorded++;
      else gaps.drafts++;
    }
  }
  return gaps;
}

export async function stationAudioGaps(services: StationServices): Promise<AudioGaps> {
  const { config } = services;
  const [{ manifest }, { default: journeys }] = await Promise.all([
    import('./speaker-loader.ts'),
    import('virtual:percorso-journeys'),
  ]);
  const load = journeys[config.installation];
  const installation = load ? (await load()).default : undefined;
  const lines = new Set<string>(SHELL_SPOKEN_KEYS.map((key) => `shell.${key}`));
  for (const journey of installation?.journeys ?? [])
    for (const line of Object.keys(journey.lines)) lines.add(line);
  return audioGaps(manifest, lines, config.languages.offered);
}
