// What the audio scripts share: measuring a clip (format, loudness, true peak) with ffmpeg, the
// rules a clip must meet to ship, and the lines each language should have a clip for.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { compileAll } from '../src/build/journeys-plugin.ts';
import { SHELL_SPOKEN_KEYS } from '../src/i18n/spoken.ts';

const run = promisify(execFile);

export const TARGET_LUFS = -16;
/** A recording this far from the target sounds louder or quieter than the rest of the station. */
export const LOUDNESS_TOLERANCE_LU = 3;
/** Above this true peak a clip clips on cheap speakers. */
export const MAX_TRUE_PEAK_DB = -0.5;

export interface Measurement {
  codec: string;
  container: string;
  channels: number;
  sampleRate: number;
  durationMs: number;
  loudnessLufs: number;
  truePeakDb: number;
}

export async function measure(file: string): Promise<Measurement> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_name,channels,sample_rate:format=format_name,duration',
    '-of',
    'json',
    file,
  ]);
  const probe = JSON.parse(stdout) as {
    streams: { codec_name: string; channels: number; sample_rate: string }[];
    format: { format_name: string; duration: string };
  };
  const { stderr } = await run('ffmpeg', [
    '-hide_banner',
    '-nostats',
    '-i',
    file,
    '-af',
    'ebur128=peak=true',
    '-f',
    'null',
    '-',
  ]);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const stream = probe.streams[0];
  return {
    codec: stream?.codec_name ?? 'none',
    container: probe.format.format_name,
    channels: stream?.channels ?? 0,
    sampleRate: Number(stream?.sample_rate ?? 0),
    durationMs: Math.round(Number(probe.format.duration) * 1000),
    loudnessLufs: Number(/I:\s+([-+]?[\d.]+|-inf) LUFS/.exec(summary)?.[1] ?? Number.NEGATIVE_INFINITY),
    truePeakDb: Number(/Peak:\s+([-+]?[\d.]+|-inf) dBFS/.exec(summary)?.[1] ?? Number.NEGATIVE_INFINITY),
  };
}

/** What is wrong with a clip, each with how to fix it; empty when it may ship. */
export function problemsOf(m: Measurement, targetLufs = TARGET_LUFS): string[] {
  const problems: string[] = [];
  const fix = `ffmpeg -i recording.wav -af loudnorm=I=${targetLufs}:TP=-1.5:LRA=11 -ac 1 -ar 48000 -c:a libopus -b:a 32k <id>.webm`;
  if (!m.container.includes('webm') || m.codec !== 'opus')
    problems.push(`not Opus in WebM (${m.codec} in ${m.container}): convert it with\n      ${fix}`);
  if (m.channels !== 1) problems.push(`${m.channels} channels, not mono: add -ac 1 when converting (${fix})`);
  if (m.truePeakDb > MAX_TRUE_PEAK_DB)
    problems.push(
      `clipping: true peak ${m.truePeakDb} dBFS (at most ${MAX_TRUE_PEAK_DB}); record a little quieter or normalise with ${fix}`,
    );
  if (!(Math.abs(m.loudnessLufs - targetLufs) <= LOUDNESS_TOLERANCE_LU)) {
    problems.push(
      `loudness ${m.loudnessLufs} LUFS, target ${targetLufs} ± ${LOUDNESS_TOLERANCE_LU}: normalise with ${fix}`,
    );
  }
  if (m.durationMs < 300) problems.push(`only ${m.durationMs} ms long: is the recording empty?`);
  return problems;
}

export const fileHash = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);

export interface SpokenLine {
  lineId: string;
  /** "shell" or the installation. */
  group: string;
  /** Hash of the Italian source, for journey lines. */
  madeFor?: string;
  /** Italian source text, for journey lines (the shell's come from locales/it/shell.json). */
  it?: string;
  speaker: string;
}

/** Every line that should have a clip in every language: the shell's spoken strings and every journey line. */
export function spokenLines(root: string): SpokenLine[] {
  const { installations, problems } = compileAll(root);
  if (problems.length > 0)
    throw new Error(`the journeys have problems; run npm run journeys:check:\n  ${problems.join('\n  ')}`);
  const lines: SpokenLine[] = SHELL_SPOKEN_KEYS.map((key) => ({
    lineId: `shell.${key}`,
    group: 'shell',
    speaker: 'narratore',
  }));
  for (const installation of installations.values()) {
    for (const journey of installation.journeys) {
      for (const [lineId, line] of Object.entries(journey.lines)) {
        lines.push({
          lineId,
          group: installation.installation,
          madeFor: line.hash,
          it: line.it,
          speaker: line.speaker,
        });
      }
    }
  }
  return lines;
}
