import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markCleanExit, preferencesPath } from './profile.ts';

let profile: string;
const prefs = () => JSON.parse(readFileSync(preferencesPath(profile), 'utf8'));
const write = (text: string) => {
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(preferencesPath(profile), text);
};

beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'percorso-profile-'));
});
afterEach(() => {
  rmSync(profile, { recursive: true, force: true });
});

describe('markCleanExit', () => {
  it('turns a crashed exit into a normal one and keeps every other setting', () => {
    write(
      JSON.stringify({
        profile: {
          exit_type: 'Crashed',
          exited_cleanly: false,
          name: 'Percorso',
          content_settings: { a: 1 },
        },
        intl: { accept_languages: 'it-IT,it' },
        partition: { per_host_zoom_levels: { x: 1.5 } },
      }),
    );
    expect(markCleanExit(profile)).toEqual({ status: 'cleared', was: 'Crashed' });
    expect(prefs()).toEqual({
      profile: { exit_type: 'Normal', exited_cleanly: true, name: 'Percorso', content_settings: { a: 1 } },
      intl: { accept_languages: 'it-IT,it' },
      partition: { per_host_zoom_levels: { x: 1.5 } },
    });
    expect(readdirSync(join(profile, 'Default'))).toEqual(['Preferences']); // no temporary file left
  });

  it('adds the marker where Preferences have no profile section', () => {
    write(JSON.stringify({ browser: { window_placement: {} } }));
    expect(markCleanExit(profile).status).toBe('cleared');
    expect(prefs()).toEqual({
      browser: { window_placement: {} },
      profile: { exit_type: 'Normal', exited_cleanly: true },
    });
  });

  it('leaves a clean file untouched', () => {
    const text = JSON.stringify({ profile: { exit_type: 'Normal', exited_cleanly: true }, x: 1 }, null, 1);
    write(text);
    const before = statSync(preferencesPath(profile)).mtimeMs;
    expect(markCleanExit(profile)).toEqual({ status: 'clean' });
    expect(readFileSync(preferencesPath(profile), 'utf8')).toBe(text);
    expect(statSync(preferencesPath(profile)).mtimeMs).toBe(before);
  });

  it('does nothing for a fresh profile', () => {
    expect(markCleanExit(profile)).toEqual({ status: 'missing' });
    expect(readdirSync(profile)).toEqual([]);
  });

  it.each([
    ['torn JSON', '{"profile": {"exit_type": "Crash'],
    ['an array', '[1, 2]'],
    ['null', 'null'],
    ['binary', '\u0000\u0001\u0002'],
  ])('moves %s aside so Chromium starts with fresh settings', (_label, text) => {
    write(text);
    const result = markCleanExit(profile, () => new Date('2026-12-07T03:00:00.000Z'));
    expect(result).toEqual({
      status: 'moved-aside',
      movedTo: `${preferencesPath(profile)}.corrupt-2026-12-07T03-00-00-000Z`,
    });
    expect(readdirSync(join(profile, 'Default'))).toEqual(['Preferences.corrupt-2026-12-07T03-00-00-000Z']);
    expect(
      readFileSync(join(profile, 'Default', 'Preferences.corrupt-2026-12-07T03-00-00-000Z'), 'utf8'),
    ).toBe(text);
  });
});
