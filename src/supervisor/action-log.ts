// The supervisor's own log: one JSON line per action (`launch`, `reload`, `relaunch`, …) in a file
// beside the profile, bounded so a station that runs for months cannot fill its disk. When a new
// line would pass the bounds the file is rewritten with the newest lines (written beside and
// renamed over, so a power cut leaves the old file or the new one).

import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SupervisorEntry } from '../contracts/supervisor.ts';

export const LOG_MAX_LINES = 1000;
export const LOG_MAX_BYTES = 256 * 1024;

export interface LogBounds {
  maxLines: number;
  maxBytes: number;
}

/** The newest lines that fit both bounds (each line counted with its newline). */
export function keepNewest(lines: readonly string[], bounds: LogBounds): string[] {
  const kept: string[] = [];
  let bytes = 0;
  for (let i = lines.length - 1; i >= 0 && kept.length < bounds.maxLines; i--) {
    const line = lines[i] as string;
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > bounds.maxBytes) break;
    bytes += size;
    kept.push(line);
  }
  return kept.reverse();
}

export class ActionLog {
  private lines: string[];
  private bytes: number;

  constructor(
    readonly path: string,
    private readonly bounds: LogBounds = { maxLines: LOG_MAX_LINES, maxBytes: LOG_MAX_BYTES },
  ) {
    mkdirSync(dirname(path), { recursive: true });
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    this.lines = keepNewest(lines, bounds);
    this.bytes = this.lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    // A file left over the bounds (or with a torn last line) by an older run is tidied now.
    if (this.lines.length !== lines.length || (text !== '' && !text.endsWith('\n'))) this.rewrite();
  }

  append(entry: SupervisorEntry): void {
    const line = JSON.stringify(entry);
    const size = Buffer.byteLength(line) + 1;
    this.lines.push(line);
    this.bytes += size;
    if (this.lines.length > this.bounds.maxLines || this.bytes > this.bounds.maxBytes) {
      this.lines = keepNewest(this.lines, this.bounds);
      this.bytes = this.lines.reduce((sum, kept) => sum + Buffer.byteLength(kept) + 1, 0);
      this.rewrite();
    } else {
      appendFileSync(this.path, `${line}\n`);
    }
  }

  /** The entries in the file, oldest first (lines that are not JSON are skipped). */
  entries(): SupervisorEntry[] {
    return this.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as SupervisorEntry];
      } catch {
        return [];
      }
    });
  }

  private rewrite(): void {
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, this.lines.map((line) => `${line}\n`).join(''));
    renameSync(temporary, this.path);
  }
}
