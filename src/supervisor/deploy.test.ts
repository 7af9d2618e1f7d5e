// The shipped systemd unit (deploy/percorso-kiosk.service) must keep working with the supervisor
// it starts: restarted always, on tty1 under cage, and its command line, with the example
// environment file filled in, accepted by `npm run kiosk`'s own parser for a station that exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKioskArgs } from './cli.ts';

const root = new URL('../../', import.meta.url).pathname;
const unit = readFileSync(join(root, 'deploy/percorso-kiosk.service'), 'utf8');
const env = Object.fromEntries(
  readFileSync(join(root, 'deploy/kiosk.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]),
);
const setting = (key: string) =>
  unit
    .split('\n')
    .find((line) => line.startsWith(`${key}=`))
    ?.slice(key.length + 1);

describe('the systemd unit for a station', () => {
  it('always comes back, owns tty1 and reads the station from the environment file', () => {
    expect(setting('Restart')).toBe('always');
    expect(setting('TTYPath')).toBe('/dev/tty1');
    expect(setting('Conflicts')).toBe('getty@tty1.service');
    expect(setting('EnvironmentFile')).toBe('/etc/percorso/kiosk.env');
    expect(setting('User')).not.toBe('root');
  });

  it('starts cage with a command line npm run kiosk accepts, for a station that exists', () => {
    const exec = setting('ExecStart') ?? '';
    expect(exec).toMatch(/^\/usr\/bin\/cage .*-- \/usr\/bin\/npm run kiosk -- /);
    const args = (exec.split(' -- ').at(-1) ?? '')
      .replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => env[name] ?? `<missing ${name}>`)
      .split(' ');
    const parsed = parseKioskArgs(args, {});
    expect(parsed).toMatchObject({
      kind: 'run',
      options: { station: env.PERCORSO_STATION, serve: true, nightlyRestart: { hour: 4, minute: 0 } },
    });
    expect(existsSync(join(root, 'kiosk-config', `${env.PERCORSO_STATION}.json`))).toBe(true);
  });
});
