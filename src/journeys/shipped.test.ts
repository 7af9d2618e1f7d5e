// The journeys we ship, tested from their own files: they compile, every simple visitor path
// (xstate/graph) replays on a real actor with a simulated clock to an end, every choice option is
// taken on some path, and each station's main path matches its golden transcript
// (tests/golden/<installation>/<journey>.yaml; UPDATE_GOLDEN=1 rewrites them after a content change).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileAll } from '../build/journeys-plugin.ts';
import { audioManifestSchema } from '../contracts/audio-manifest.ts';
import type { CompiledJourney, StepMeta } from './compiled.ts';
import { createJourneyMachine } from './machine.ts';
import { journeyPaths, mainPath, replay } from './paths.ts';

const root = new URL('../../', import.meta.url).pathname;
const { installations, problems } = compileAll(root);
const journeys = [...installations.values()].flatMap((i) => i.journeys);

/** Every (choice state, option) pair of a journey. */
function allOptions(journey: CompiledJourney): Set<string> {
  const running = journey.machine.states.running as { states: Record<string, { meta?: StepMeta }> };
  const options = new Set<string>();
  for (const [key, state] of Object.entries(running.states)) {
    if (state.meta?.kind === 'choose') for (const o of state.meta.options) options.add(`${key}:${o.key}`);
  }
  return options;
}

describe('shipped journeys', () => {
  it('compile without a single problem', () => {
    expect(problems).toEqual([]);
    expect([...installations.keys()]).toEqual(expect.arrayContaining(['workers', 'nobody']));
    expect(installations.get('workers')?.journeys.length).toBeGreaterThanOrEqual(6);
  });

  it('every scene a journey shows has an ambience bed that ships', () => {
    const manifest = audioManifestSchema.parse(
      JSON.parse(readFileSync(join(root, 'audio/manifest.json'), 'utf8')),
    );
    for (const installation of installations.values()) {
      for (const scene of new Set(installation.journeys.flatMap((j) => j.scenes))) {
        const bed = installation.ambience[scene];
        const where = `${installation.installation}/${scene}`;
        expect(bed, `${where}: ambience in scenes.yaml`).toBeDefined();
        const file = manifest.beds?.[bed ?? '']?.file;
        expect(file, `${where}: bed "${bed}" in audio/manifest.json (npm run audio:beds)`).toBeDefined();
        expect(existsSync(join(root, 'audio', file ?? '')), `${where}: audio/${file}`).toBe(true);
      }
    }
  });

  describe.each(journeys.map((j) => [`${j.installation}/${j.id}`, j] as const))('%s', (_name, journey) => {
    const machine = createJourneyMachine(journey);
    const paths = journeyPaths(machine);
    // Each path is replayed once; the tests below read the same replays.
    const replays = paths.map((path) => replay(journey, path.events));
    const main = replay(journey, mainPath(machine));

    it('has visitor paths, and every one replays to an end with a simulated clock', () => {
      expect(paths.length).toBeGreaterThan(0);
      paths.forEach((path, i) => {
        expect(replays[i]?.status, `path ${JSON.stringify(path.events)}`).toBe('done');
        expect(replays[i]?.outcome).toBe(path.outcome);
      });
    });

    it('exercises every option of every choice on some path', () => {
      const seen = new Set(replays.flatMap((r) => r.choices));
      expect([...allOptions(journey)].filter((pair) => !seen.has(pair))).toEqual([]);
    });

    it('lasts as long as its kind of station should, at the caption reading pace', () => {
      const { transcript } = main;
      const heard = transcript.filter((e): e is { hear: string; it: string } => 'hear' in e);
      const seconds = heard.reduce((s, e) => s + e.it.length / 14, 0); // ~14 characters a second spoken
      expect(heard.length).toBeGreaterThan(5);
      if (journey.installation === 'infopoint') {
        // An info point clip: gist, a few facts, the action; under 90 s (field notes).
        expect(seconds).toBeGreaterThanOrEqual(30);
        expect(seconds).toBeLessThanOrEqual(90);
      } else {
        // A journey station: 2 to 5 minutes (the closing stations may be shorter).
        if (journey.id !== 'chiusura') expect(seconds).toBeGreaterThanOrEqual(100);
        expect(seconds).toBeLessThanOrEqual(330);
      }
    });

    it('matches its golden transcript on the main path', () => {
      const { transcript, status } = main;
      expect(status).toBe('done');
      const file = join(root, 'tests/golden', journey.installation, `${journey.id}.yaml`);
      const text = `# Main path of ${journey.file}: what a visitor hears and chooses.\n# Generated: UPDATE_GOLDEN=1 npx vitest run src/journeys/shipped.test.ts\n${stringify(transcript, { lineWidth: 0 })}`;
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(join(root, 'tests/golden', journey.installation), { recursive: true });
        writeFileSync(file, text);
      }
      // A missing golden file is a failure, not a fresh snapshot: new stations get one on purpose.
      expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  });
});
