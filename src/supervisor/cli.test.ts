import { describe, expect, it } from 'vitest';
import { DEFAULT_URL, defaultProfileDir, parseKioskArgs, parseTimeOfDay, USAGE } from './cli.ts';

const env = { HOME: '/home/kiosk' };

describe('parseKioskArgs', () => {
  it('fills the defaults: local server, profile and log under ~/.local/share/percorso', () => {
    const parsed = parseKioskArgs(['--station', 'workers-journey'], env);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        station: 'workers-journey',
        url: DEFAULT_URL,
        serve: false,
        profileDir: defaultProfileDir(env),
        logFile: defaultProfileDir(env).replace(/chromium-profile$/, 'supervisor.log.jsonl'),
        nightlyRestart: undefined,
        chromium: undefined,
        headless: false,
      },
    });
    expect(defaultProfileDir({}, '/home/kiosk')).toBe('/home/kiosk/.local/share/percorso/chromium-profile');
    expect(defaultProfileDir({ XDG_DATA_HOME: '/data' }, '/home/kiosk')).toBe(
      '/data/percorso/chromium-profile',
    );
  });

  it('reads every option', () => {
    const parsed = parseKioskArgs(
      [
        '--station=infopoint',
        '--url',
        'http://192.168.1.10:8080/',
        '--serve',
        '--profile',
        '/srv/kiosk/profile',
        '--log',
        '/var/log/percorso.jsonl',
        '--nightly-restart',
        '04:30',
        '--chromium',
        '/usr/bin/chromium-browser',
        '--headless',
      ],
      env,
    );
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        station: 'infopoint',
        url: 'http://192.168.1.10:8080/',
        serve: true,
        profileDir: '/srv/kiosk/profile',
        logFile: '/var/log/percorso.jsonl',
        nightlyRestart: { hour: 4, minute: 30 },
        chromium: '/usr/bin/chromium-browser',
        headless: true,
      },
    });
  });

  it('puts the log beside a chosen profile', () => {
    const parsed = parseKioskArgs(['--station', 'workers-wall', '--profile', '/srv/p/chrome'], env);
    expect(parsed.kind === 'run' && parsed.options.logFile).toBe('/srv/p/supervisor.log.jsonl');
  });

  it.each([
    [[], /--station <name>/],
    [['--station', 'Workers Journey'], /file name from kiosk-config/],
    [['--station', 'infopoint', '--nightly-restart', '4:00'], /HH:MM, e.g. 04:00/],
    [['--station', 'infopoint', '--nightly-restart', '24:00'], /HH:MM/],
    [['--station', 'infopoint', '--url', 'ftp://x/'], /not an http\(s\) address/],
    [['--station', 'infopoint', '--port', '80'], /Unknown option '--port'/],
  ])('explains what to write for %j', (argv, message) => {
    const parsed = parseKioskArgs(argv, env);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(message);
  });

  it('answers --help with the usage, which names every option', () => {
    expect(parseKioskArgs(['--help'], env)).toEqual({ kind: 'help' });
    expect(parseKioskArgs(['-h', '--station', 'x'], env)).toEqual({ kind: 'help' });
    for (const option of [
      '--station',
      '--url',
      '--serve',
      '--profile',
      '--log',
      '--nightly-restart',
      '--chromium',
      '--headless',
    ]) {
      expect(USAGE).toContain(option);
    }
  });

  it('reads a time of day', () => {
    expect(parseTimeOfDay('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(parseTimeOfDay('12:60')).toBeUndefined();
  });
});
