// Vite plugin: compiles scenes/<installation>/*.journey.yaml at build time, so the browser ships
// compiled machine configs only. `virtual:percorso-journeys` maps each installation to a lazy
// chunk with its journeys. Any problem fails the build with file:line:column; in the dev
// server it shows in the error overlay and clears when the file is fixed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { parseKioskConfig } from '../contracts/kiosk-config.ts';
import type { CompiledInstallation } from '../journeys/compiled.ts';
import { formatDiagnostic } from '../journeys/compiler/diagnostics.ts';
import { compileInstallation, listInstallations } from '../journeys/compiler/installation.ts';
import { configFiles } from './station-assets-plugin.ts';

const INDEX = 'virtual:percorso-journeys';
const PREFIX = `${INDEX}/`;

/** Compiles everything; returns the installations or the problems, in author-readable lines. */
export function compileAll(root: string): {
  installations: Map<string, CompiledInstallation>;
  problems: string[];
} {
  const installations = new Map<string, CompiledInstallation>();
  const problems: string[] = [];
  for (const name of listInstallations(root)) {
    const result = compileInstallation(root, name);
    problems.push(...result.diagnostics.map(formatDiagnostic));
    if (result.installation) installations.set(name, result.installation);
  }
  // Line ids also name audio clips (audio/<lang>/<id>.webm), so they are unique across installations.
  const owners = new Map<string, string>();
  for (const installation of installations.values()) {
    for (const journey of installation.journeys) {
      for (const [id, line] of Object.entries(journey.lines)) {
        const first = owners.get(id);
        if (first) {
          problems.push(
            `${line.file}:${line.line}:1  the line id "${id}" is already used in ${first}: line ids name audio clips, so they must be unique across installations`,
          );
        } else owners.set(id, `${line.file}:${line.line}`);
      }
    }
  }
  // A journey station's config must name a journey that exists.
  for (const file of configFiles(root)) {
    const parsed = parseKioskConfig(JSON.parse(readFileSync(join(root, 'kiosk-config', file), 'utf8')));
    if (!parsed.ok || parsed.config.station.role !== 'journey') continue;
    const { installation, station } = parsed.config;
    if (!installations.has(installation) && listInstallations(root).includes(installation)) continue; // its own problems are listed
    const journeys = installations.get(installation)?.journeys ?? [];
    if (station.journey && !journeys.some((j) => j.id === station.journey)) {
      problems.push(
        `kiosk-config/${file}  station.journey "${station.journey}" is not a journey of ${installation} (${journeys.map((j) => j.id).join(', ') || 'none'})`,
      );
    }
    if (!station.journey && journeys.length === 0) {
      problems.push(`kiosk-config/${file}  ${installation} has no journeys in scenes/${installation}/`);
    }
  }
  return { installations, problems };
}

const failure = (problems: string[]) =>
  `${problems.length} problem${problems.length === 1 ? '' : 's'} in the journeys (npm run journeys:check lists them too):\n${problems
    .map((p) => `  ${p}`)
    .join('\n')}`;

export function journeys(root: string): Plugin {
  let server: ViteDevServer | undefined;
  let cache: ReturnType<typeof compileAll> | undefined;
  const compiled = () => {
    cache ??= compileAll(root);
    return cache;
  };
  return {
    name: 'percorso-journeys',
    buildStart() {
      cache = undefined;
      const { problems } = compiled();
      if (problems.length > 0) this.error(failure(problems));
      for (const name of listInstallations(root)) this.addWatchFile(join(root, 'scenes', name));
    },
    resolveId(id) {
      return id === INDEX || id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const entries = listInstallations(root).map(
          (name) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(PREFIX + name)}),`,
        );
        return `export default {\n${entries.join('\n')}\n};\n`;
      }
      if (id.startsWith(`\0${PREFIX}`)) {
        const name = id.slice(PREFIX.length + 1);
        const { installations, problems } = compiled();
        if (problems.length > 0) throw new Error(failure(problems));
        const installation = installations.get(name);
        if (!installation) throw new Error(`no journeys for installation "${name}" in scenes/${name}/`);
        return `export default ${JSON.stringify(installation)};\n`;
      }
      return null;
    },
    configureServer(dev) {
      server = dev;
      dev.watcher.add(join(root, 'scenes'));
      const onChange = (file: string) => {
        if (!/scenes\/.*\.(ya?ml|scene\.ts)$/.test(file) && !file.includes('kiosk-config')) return;
        cache = undefined;
        const graph = server?.moduleGraph;
        for (const id of [...(graph?.idToModuleMap.keys() ?? [])]) {
          if (id.startsWith(`\0${INDEX}`)) {
            const mod = graph?.getModuleById(id);
            if (mod) graph?.invalidateModule(mod);
          }
        }
        server?.ws.send({ type: 'full-reload' });
      };
      dev.watcher.on('change', onChange);
      dev.watcher.on('add', onChange);
      dev.watcher.on('unlink', onChange);
    },
  };
}
