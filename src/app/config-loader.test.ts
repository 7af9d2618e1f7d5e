import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kioskName, loadKioskConfig } from './config-loader.ts';

const example = readFileSync(new URL('../../kiosk-config/workers-journey.json', import.meta.url), 'utf8');
const answer =
  (body: string, status = 200, type = 'application/json') =>
  async () =>
    new Response(body, { status, headers: { 'content-type': type } });

describe('kiosk config loading', () => {
  it('takes the name from ?kiosk=, else the build default, else workers-journey', () => {
    expect(kioskName('?kiosk=infopoint', 'x')).toBe('infopoint');
    expect(kioskName('', 'nobody-journey')).toBe('nobody-journey');
    expect(kioskName('?lang=ar', undefined)).toBe('workers-journey');
  });

  it('loads and validates a good config from kiosk-config/<name>.json', async () => {
    const urls: string[] = [];
    const result = await loadKioskConfig('workers-journey', async (url) => {
      urls.push(url);
      return answer(example)();
    });
    expect(urls).toEqual(['/kiosk-config/workers-journey.json']);
    expect(result.ok && result.config.station.role).toBe('journey');
  });

  it('refuses names that could reach outside kiosk-config/', async () => {
    const result = await loadKioskConfig('../secrets', answer(example));
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'bad-name', file: 'kiosk-config/../secrets.json' },
    });
  });

  it('reports a missing file for a 404, a network error, or an HTML fallback page', async () => {
    for (const fetchFn of [
      answer('nope', 404),
      answer('<!doctype html>', 200, 'text/html'),
      async () => {
        throw new TypeError('Failed to fetch');
      },
    ]) {
      const result = await loadKioskConfig('gone', fetchFn);
      expect(result).toEqual({ ok: false, failure: { kind: 'missing', file: 'kiosk-config/gone.json' } });
    }
  });

  it('reports JSON syntax errors with the parser message', async () => {
    const result = await loadKioskConfig('broken', answer('{ "installation": '));
    expect(!result.ok && result.failure.kind).toBe('syntax');
  });

  it('reports schema problems with their field paths', async () => {
    const config = JSON.parse(example);
    config.languages.default = 'de';
    const result = await loadKioskConfig('bad', answer(JSON.stringify(config)));
    expect(
      !result.ok && result.failure.kind === 'invalid' && result.failure.problems.map((p) => p.field),
    ).toEqual(['languages.default']);
  });
});
