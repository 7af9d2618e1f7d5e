import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GOOD } from '../journeys/compiler/fixtures.ts';
import { compileAll } from './journeys-plugin.ts';

const root = mkdtempSync(join(tmpdir(), 'percorso-journeys-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const example = JSON.parse(
  readFileSync(new URL('../../kiosk-config/workers-journey.json', import.meta.url), 'utf8'),
) as { station: Record<string, string> };

function project(journey: string, source = GOOD): string {
  const dir = mkdtempSync(join(root, 'p-'));
  mkdirSync(join(dir, 'scenes/workers'), { recursive: true });
  mkdirSync(join(dir, 'kiosk-config'));
  writeFileSync(join(dir, 'scenes/workers/01-prova.journey.yaml'), source);
  writeFileSync(
    join(dir, 'scenes/workers/scenes.yaml'),
    'campo: { title: f, states: [alba], cameras: [strada] }\n',
  );
  writeFileSync(join(dir, 'scenes/workers/campo.scene.ts'), 'export {};\n');
  writeFileSync(
    join(dir, 'kiosk-config/station.json'),
    JSON.stringify({ ...example, station: { ...example.station, journey } }),
  );
  return dir;
}

describe('compileAll (the build and journeys:check)', () => {
  it('compiles an installation and accepts a config that names one of its journeys', () => {
    const { installations, problems } = compileAll(project('prova'));
    expect(problems).toEqual([]);
    expect(installations.get('workers')?.journeys.map((j) => j.id)).toEqual(['prova']);
  });

  it('refuses a journey station config naming a journey that does not exist', () => {
    expect(compileAll(project('cucina')).problems).toEqual([
      'kiosk-config/station.json  station.journey "cucina" is not a journey of workers (prova)',
    ]);
  });

  it('reports journey problems as file:line:column lines and leaves the installation out', () => {
    const { installations, problems } = compileAll(
      project('prova', GOOD.replace('  - pause: 1', '  - paws: 1')),
    );
    expect(installations.has('workers')).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^scenes\/workers\/01-prova\.journey\.yaml:26:5 {2}unknown step "paws"/);
  });

  it('refuses a line id used by two installations: it names one audio clip', () => {
    const dir = project('prova');
    mkdirSync(join(dir, 'scenes/nobody'));
    writeFileSync(join(dir, 'scenes/nobody/01-prova.journey.yaml'), GOOD);
    writeFileSync(
      join(dir, 'scenes/nobody/scenes.yaml'),
      'campo: { title: f, states: [alba], cameras: [strada] }\n',
    );
    writeFileSync(join(dir, 'scenes/nobody/campo.scene.ts'), 'export {};\n');
    const { problems } = compileAll(dir);
    expect(problems).toContain(
      'scenes/workers/01-prova.journey.yaml:3:1  the line id "prova.titolo" is already used in scenes/nobody/01-prova.journey.yaml:3: line ids name audio clips, so they must be unique across installations',
    );
  });
});
