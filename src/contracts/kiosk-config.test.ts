import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from './kiosk-config.ts';
import { kioskConfigJsonSchema } from './kiosk-config-json-schema.ts';
import { hashPin, verifyPin } from './pin.ts';

const dir = new URL('../../kiosk-config/', import.meta.url);
const exampleNames = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json');
const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const valid = (): Record<string, unknown> => read('workers-journey.json');

function problemsOf(config: unknown) {
  const result = parseKioskConfig(config);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.problems;
}

describe('kiosk config schema', () => {
  it('ships an example for every station role', () => {
    const roles = new Set(exampleNames.map((n) => (read(n).station as { role: string }).role));
    expect([...roles].sort()).toEqual(['infopoint', 'journey', 'reflection', 'wall']);
  });

  it.each(exampleNames)('accepts the example %s', (name) => {
    const result = parseKioskConfig(read(name));
    expect(result.ok ? 'ok' : result.problems).toBe('ok');
  });

  it('fills idle and audio defaults when they are left out', () => {
    const { idle: _idle, audio: _audio, ...rest } = valid();
    const result = parseKioskConfig(rest);
    expect(result.ok && result.config.idle).toEqual({
      attentionSeconds: 45,
      warningSeconds: 15,
      typingSeconds: 120,
    });
    expect(result.ok && result.config.audio.volume).toBe(0.8);
  });

  it('names the field and the allowed values when the role is unknown', () => {
    const config = valid();
    config.station = { ...(config.station as object), role: 'kiosk' };
    const [problem, ...others] = problemsOf(config);
    expect(others).toEqual([]);
    expect(problem?.field).toBe('station.role');
    expect(problem?.en).toContain('"journey", "reflection", "wall", "infopoint"');
    expect(problem?.it).toContain('valore non ammesso');
  });

  it('says a required field is missing, in Italian and English', () => {
    const { installation: _installation, ...config } = valid();
    expect(problemsOf(config)).toEqual([
      {
        field: 'installation',
        it: 'manca: questo campo è obbligatorio',
        en: 'missing: this field is required',
      },
    ]);
  });

  it('rejects a default language that is not offered', () => {
    const config = valid();
    config.languages = { offered: ['it', 'en'], default: 'ar' };
    expect(problemsOf(config).map((p) => p.field)).toEqual(['languages.default']);
  });

  it('rejects a language it does not know, with the index in the path', () => {
    const config = valid();
    config.languages = { offered: ['it', 'klingon'], default: 'it' };
    expect(problemsOf(config).map((p) => p.field)).toEqual(['languages.offered[1]']);
  });

  it('rejects a PIN written in clear instead of its hash', () => {
    const config = valid();
    config.staff = { pinHash: '2468' };
    const [problem] = problemsOf(config);
    expect(problem?.field).toBe('staff.pinHash');
    expect(problem?.en).toMatch(/npm run pin/);
  });

  it('rejects a PIN hash with too few iterations', () => {
    const config = valid();
    config.staff = { pinHash: 'pbkdf2-sha256$1000$AAAA$AAAA' };
    expect(problemsOf(config)[0]?.en).toMatch(/600000 iterations/);
  });

  it('flags unknown fields as possible typos', () => {
    const config = { ...valid(), idel: {} };
    expect(problemsOf(config)[0]).toMatchObject({ field: '(file)', en: 'unknown field: idel (a typo?)' });
  });

  it('rejects a register URL that is not a URL and idle timeouts out of range', () => {
    const config = { ...valid(), register: { url: 'register' }, idle: { attentionSeconds: 2 } };
    expect(problemsOf(config).map((p) => p.field)).toEqual(['idle.attentionSeconds', 'register.url']);
  });

  it('keeps kiosk-config/schema.json in step with the zod schema (run npm run schema)', () => {
    const committed = JSON.parse(readFileSync(new URL('schema.json', dir), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(kioskConfigJsonSchema())));
  });
});

describe('staff PIN hash', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('482913', { iterations: 1000 });
    expect(stored).toMatch(/^pbkdf2-sha256\$1000\$/);
    await expect(verifyPin('482913', stored)).resolves.toBe(true);
    await expect(verifyPin('482914', stored)).resolves.toBe(false);
  });

  it('matches the demo PIN in the example configs', async () => {
    const hash = (valid().staff as { pinHash: string }).pinHash;
    await expect(verifyPin('2468', hash)).resolves.toBe(true);
  });

  it('refuses PINs that are not 4–6 digits', async () => {
    await expect(hashPin('12a4')).rejects.toThrow(/4 to 6 digits/);
  });
});
