// Clears Chromium's "didn't shut down correctly" marker before every launch. After a power cut or
// a killed browser the profile's Preferences say `exit_type: "Crashed"`, and Chromium greets the
// next visitor with a "Restore pages?" bubble (FIELD-NOTES 5). The command-line flags that hide it
// come and go between Chromium versions, so the marker itself is reset.
// A Preferences file Chromium cannot parse is moved aside, never left for Chromium to trip on:
// Chromium starts with fresh settings and the records (IndexedDB) are untouched.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type MarkerResult =
  /** No Preferences yet (a fresh profile): nothing to clear. */
  | { status: 'missing' }
  /** Already clean: the file is left as it is. */
  | { status: 'clean' }
  | { status: 'cleared'; was: unknown }
  /** Not JSON, or not an object: renamed so Chromium makes a new one. */
  | { status: 'moved-aside'; movedTo: string };

export function preferencesPath(profileDir: string): string {
  return join(profileDir, 'Default', 'Preferences');
}

export function markCleanExit(profileDir: string, now: () => Date = () => new Date()): MarkerResult {
  const path = preferencesPath(profileDir);
  if (!existsSync(path)) return { status: 'missing' };
  let prefs: unknown;
  try {
    prefs = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    prefs = undefined;
  }
  if (typeof prefs !== 'object' || prefs === null || Array.isArray(prefs)) {
    const movedTo = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, movedTo);
    return { status: 'moved-aside', movedTo };
  }
  const root = prefs as Record<string, unknown>;
  const current = root.profile;
  const profile =
    typeof current === 'object' && current !== null && !Array.isArray(current)
      ? (current as Record<string, unknown>)
      : {};
  if (profile.exit_type === 'Normal' && profile.exited_cleanly === true) return { status: 'clean' };
  const was = profile.exit_type;
  root.profile = { ...profile, exit_type: 'Normal', exited_cleanly: true };
  // Written beside and renamed over: a power cut now leaves the old file or the new, never half.
  const temporary = `${path}.percorso-tmp`;
  writeFileSync(temporary, JSON.stringify(root));
  renameSync(temporary, path);
  return { status: 'cleared', was };
}
