// Compiles every journey of an installation (scenes/<installation>/NN-<id>.journey.yaml) against
// its scene catalogue (scenes.yaml and the *.scene.ts modules), and checks what one file alone
// cannot: line ids and journey ids unique across the installation.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { CompiledInstallation, CompiledJourney } from '../compiled.ts';
import { type ScenesFile, scenesFileSchema } from '../schema.ts';
import { compileJourney, type SceneCatalogue } from './compile.ts';
import type { Diagnostic } from './diagnostics.ts';

export const JOURNEY_FILE_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.journey\.yaml$/;

export interface InstallationResult {
  installation?: CompiledInstallation;
  diagnostics: Diagnostic[];
  /** Every file read, for the dev server to watch. */
  files: string[];
}

/** Installations are the folders of scenes/ that hold a scenes.yaml or journey files. */
export function listInstallations(root: string): string[] {
  const scenes = join(root, 'scenes');
  if (!existsSync(scenes)) return [];
  return readdirSync(scenes)
    .filter((name) => statSync(join(scenes, name)).isDirectory())
    .filter((name) =>
      readdirSync(join(scenes, name)).some((f) => f === 'scenes.yaml' || f.endsWith('.journey.yaml')),
    )
    .sort();
}

export function readCatalogue(root: string, installation: string, diagnostics: Diagnostic[]): SceneCatalogue {
  const dir = join(root, 'scenes', installation);
  const file = join(dir, 'scenes.yaml');
  const shown = relative(root, file);
  let scenes: ScenesFile = {};
  if (existsSync(file)) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
    const parsed = scenesFileSchema.safeParse(doc.toJS());
    if (doc.errors.length > 0 || !parsed.success) {
      const message = doc.errors[0]?.message.split('\n')[0] ?? parsed.error?.issues[0]?.message ?? 'invalid';
      const path = parsed.error?.issues[0]?.path.join('.') ?? '';
      diagnostics.push({
        file: shown,
        line: 1,
        column: 1,
        message: `the scene list is invalid${path ? ` at "${path}"` : ''}: ${message}`,
      });
    } else scenes = parsed.data;
  }
  const modules = new Set(
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.scene.ts'))
          .map((f) => f.slice(0, -'.scene.ts'.length))
      : [],
  );
  return { scenes, modules };
}

export function compileInstallation(root: string, installation: string): InstallationResult {
  const dir = join(root, 'scenes', installation);
  const diagnostics: Diagnostic[] = [];
  const catalogue = readCatalogue(root, installation, diagnostics);
  const files = [join(dir, 'scenes.yaml')];
  const journeys: CompiledJourney[] = [];
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.journey.yaml'))
        .sort()
    : [];
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(root, path);
    files.push(path);
    const match = JOURNEY_FILE_PATTERN.exec(name);
    if (!match) {
      diagnostics.push({
        file: shown,
        line: 1,
        column: 1,
        message:
          'name journey files NN-<id>.journey.yaml, e.g. 01-campo.journey.yaml (NN orders the stations)',
      });
      continue;
    }
    const result = compileJourney({
      source: readFileSync(path, 'utf8'),
      file: shown,
      installation,
      order: Number(match[1]),
      catalogue,
    });
    diagnostics.push(...result.diagnostics);
    if (!result.journey) continue;
    if (result.journey.id !== match[2]) {
      diagnostics.push({
        file: shown,
        line: 1,
        column: 1,
        message: `the journey id "${result.journey.id}" does not match the file name: call it "${match[2]}" or rename the file`,
      });
    }
    journeys.push(result.journey);
  }

  // Line ids are unique across the installation: one id, one caption, one clip.
  const owner = new Map<string, CompiledJourney>();
  for (const journey of journeys) {
    for (const [id, line] of Object.entries(journey.lines)) {
      const first = owner.get(id);
      if (first) {
        diagnostics.push({
          file: line.file,
          line: line.line,
          column: 1,
          message: `the line id "${id}" is already used in ${first.file}:${first.lines[id]?.line}: line ids must be unique in the installation`,
        });
      } else owner.set(id, journey);
    }
  }
  const ids = journeys.map((j) => j.id);
  for (const journey of journeys) {
    if (ids.indexOf(journey.id) !== ids.lastIndexOf(journey.id)) {
      diagnostics.push({
        file: journey.file,
        line: 1,
        column: 1,
        message: `two journeys are called "${journey.id}"`,
      });
    }
  }
  if (diagnostics.length > 0) return { diagnostics, files };
  const ambience: Record<string, string> = {};
  for (const [scene, { ambience: bed }] of Object.entries(catalogue.scenes)) if (bed) ambience[scene] = bed;
  return { installation: { installation, journeys, ambience }, diagnostics, files };
}
