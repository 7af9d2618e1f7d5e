import { describe, expect, it } from 'vitest';
import { kioskName } from '../contracts/kiosk-name.ts';
import { chromiumFlags, stationUrl } from './flags.ts';

describe('chromiumFlags', () => {
  const flags = chromiumFlags({ profileDir: '/home/kiosk/.local/share/percorso/chromium-profile' });

  it('has every flag an unattended station needs', () => {
    expect(flags).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--autoplay-policy=no-user-gesture-required',
        '--disable-pinch',
        '--overscroll-history-navigation=0',
        '--user-data-dir=/home/kiosk/.local/share/percorso/chromium-profile',
        '--remote-debugging-pipe',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-session-crashed-bubble',
        '--noerrdialogs',
        '--disable-translate',
        '--password-store=basic',
        '--check-for-update-interval=31536000',
      ]),
    );
  });

  it('talks DevTools over the pipe, never a TCP port, and keeps the profile', () => {
    expect(flags.filter((flag) => flag.startsWith('--remote-debugging'))).toEqual([
      '--remote-debugging-pipe',
    ]);
    expect(flags.some((flag) => flag.startsWith('--remote-debugging-port'))).toBe(false);
    expect(flags).not.toContain('--incognito');
    expect(
      chromiumFlags({ profileDir: '/p', extra: ['--incognito', '--enable-unsafe-swiftshader'] }),
    ).not.toContain('--incognito');
  });

  it('adds headless, no-sandbox and extra flags only when asked', () => {
    expect(flags.some((flag) => flag.startsWith('--headless'))).toBe(false);
    expect(flags).not.toContain('--no-sandbox');
    const test = chromiumFlags({
      profileDir: '/p',
      headless: true,
      noSandbox: true,
      extra: ['--enable-unsafe-swiftshader'],
    });
    expect(test).toContain('--headless=new');
    expect(test).toContain('--no-sandbox');
    expect(test.at(-1)).toBe('--enable-unsafe-swiftshader');
  });

  it('lists each flag once', () => {
    expect(new Set(flags).size).toBe(flags.length);
  });
});

describe('stationUrl', () => {
  it('opens the station the way the app reads it (?kiosk=)', () => {
    const url = stationUrl('http://127.0.0.1:8080/', 'workers-reflection');
    expect(url).toBe('http://127.0.0.1:8080/?kiosk=workers-reflection');
    expect(kioskName(new URL(url).search, 'workers-journey')).toBe('workers-reflection');
  });

  it('keeps the base path and other parameters, and replaces an old kiosk', () => {
    expect(stationUrl('http://10.0.0.2:8080/percorso/?lang=en&kiosk=infopoint', 'nobody-journey')).toBe(
      'http://10.0.0.2:8080/percorso/?lang=en&kiosk=nobody-journey',
    );
  });

  it('refuses a name that is not a kiosk config, or a base that is not a URL', () => {
    expect(() => stationUrl('http://127.0.0.1:8080/', 'Workers Journey')).toThrow(
      /file name from kiosk-config/,
    );
    expect(() => stationUrl('127.0.0.1:8080', 'infopoint')).toThrow(/e.g. http:\/\/127.0.0.1:8080\//);
    expect(() => stationUrl('not a url', 'infopoint')).toThrow(/not a URL/);
  });
});
