import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SupervisorEntry } from '../contracts/supervisor.ts';
import { ActionLog, keepNewest, LOG_MAX_BYTES, LOG_MAX_LINES } from './action-log.ts';

let dir: string;
const entry = (i: number, reason = `reason ${i}`): SupervisorEntry => ({
  at: new Date(Date.UTC(2026, 11, 7, 9, 0, i)).toISOString(),
  action: 'reload',
  reason,
});
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'percorso-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('keepNewest', () => {
  it('keeps the newest lines within both bounds', () => {
    expect(keepNewest(['a', 'b', 'c', 'd'], { maxLines: 2, maxBytes: 100 })).toEqual(['c', 'd']);
    // Each line costs its bytes and a newline: "ccc\n" + "dd\n" = 7.
    expect(keepNewest(['a', 'bb', 'ccc', 'dd'], { maxLines: 10, maxBytes: 7 })).toEqual(['ccc', 'dd']);
    expect(keepNewest(['é'], { maxLines: 10, maxBytes: 2 })).toEqual([]); // 2 bytes + newline
  });
});

describe('ActionLog', () => {
  it('writes one JSON line per action and creates its folder', () => {
    const path = join(dir, 'nested', 'supervisor.log.jsonl');
    const log = new ActionLog(path);
    log.append(entry(1));
    log.append({ ...entry(2), action: 'crash', screen: 'journey' });
    expect(lines(path).map((line) => JSON.parse(line))).toEqual([
      entry(1),
      { ...entry(2), action: 'crash', screen: 'journey' },
    ]);
  });

  it('keeps the newest 1,000 lines', () => {
    const path = join(dir, 'supervisor.log.jsonl');
    const log = new ActionLog(path);
    for (let i = 0; i < LOG_MAX_LINES + 50; i++) log.append(entry(i));
    const kept = lines(path);
    expect(kept).toHaveLength(LOG_MAX_LINES);
    expect(JSON.parse(kept[0] as string).reason).toBe('reason 50');
    expect(JSON.parse(kept.at(-1) as string).reason).toBe(`reason ${LOG_MAX_LINES + 49}`);
    expect(log.entries()).toHaveLength(LOG_MAX_LINES);
  });

  it('keeps the file under its byte bound', () => {
    const path = join(dir, 'supervisor.log.jsonl');
    const log = new ActionLog(path);
    const long = 'x'.repeat(1500);
    for (let i = 0; i < 400; i++) log.append(entry(i, long));
    expect(statSync(path).size).toBeLessThanOrEqual(LOG_MAX_BYTES);
    expect(statSync(path).size).toBeGreaterThan(LOG_MAX_BYTES - 2000);
    expect(JSON.parse(lines(path).at(-1) as string).at).toBe(entry(399).at);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('carries on an existing log across restarts, trimming one left too long', () => {
    const path = join(dir, 'supervisor.log.jsonl');
    writeFileSync(path, Array.from({ length: 1200 }, (_, i) => `${JSON.stringify(entry(i))}\n`).join(''));
    const log = new ActionLog(path);
    expect(lines(path)).toHaveLength(LOG_MAX_LINES);
    log.append(entry(5000));
    const kept = lines(path);
    expect(kept).toHaveLength(LOG_MAX_LINES);
    expect(JSON.parse(kept.at(-1) as string).reason).toBe('reason 5000');
  });

  it('mends a last line torn by a power cut', () => {
    const path = join(dir, 'supervisor.log.jsonl');
    writeFileSync(path, `${JSON.stringify(entry(1))}\n`);
    appendFileSync(path, '{"at":"2026-12-07T09:00:02.000Z","act');
    const log = new ActionLog(path);
    log.append(entry(3));
    expect(lines(path)).toHaveLength(3);
    expect(log.entries().map((e) => e.reason)).toEqual(['reason 1', 'reason 3']);
    expect(JSON.parse(lines(path).at(-1) as string)).toEqual(entry(3));
  });
});
