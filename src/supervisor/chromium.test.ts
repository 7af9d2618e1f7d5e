import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from './chromium.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'percorso-chromium-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('findChromium', () => {
  it('takes the --chromium path when it can be run', () => {
    const browser = join(dir, 'chrome');
    writeFileSync(browser, '#!/bin/sh\n');
    chmodSync(browser, 0o755);
    expect(findChromium(browser)).toBe(browser);
  });

  it('says what to do when --chromium points at nothing runnable', () => {
    const notRunnable = join(dir, 'chrome');
    writeFileSync(notRunnable, '');
    expect(() => findChromium(join(dir, 'missing'))).toThrow(/No Chromium at .*missing \(--chromium\)/);
    expect(() => findChromium(notRunnable)).toThrow(/leave --chromium out/);
  });

  it('prefers /usr/bin/chromium, then looks for chromium-browser on PATH, else says to apt-get install chromium', () => {
    const preferred = join(dir, 'usr-bin-chromium');
    expect(() => findChromium(undefined, dir, preferred)).toThrow(
      'Chromium is not installed: install it with "sudo apt-get install chromium"',
    );
    const onPath = join(dir, 'chromium-browser');
    writeFileSync(onPath, '#!/bin/sh\n');
    chmodSync(onPath, 0o755);
    expect(findChromium(undefined, `/nonexistent:${dir}`, preferred)).toBe(onPath);
    writeFileSync(preferred, '#!/bin/sh\n');
    chmodSync(preferred, 0o755);
    expect(findChromium(undefined, dir, preferred)).toBe(preferred);
  });
});
