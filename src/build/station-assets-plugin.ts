// Vite plugin: ships kiosk-config/*.json and audio/ with the app. Every kiosk config is
// validated at build time (a broken one fails the build, naming file and field); the dev
// server serves both folders from the repository as they are edited.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { type AudioManifest, audioManifestSchema } from '../contracts/audio-manifest.ts';
import { parseKioskConfig } from '../contracts/kiosk-config.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function configFiles(root: string): string[] {
  return readdirSync(join(root, 'kiosk-config')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
}

export const AUDIO_MANIFEST_ID = 'virtual:percorso-audio-manifest';

/**
 * The manifest the browser needs: per line and language only status, file and duration (the
 * hashes, loudness and voices serve the tools), validated here so the station need not.
 */
export function runtimeAudioManifest(root: string): AudioManifest {
  const full = audioManifestSchema.parse(JSON.parse(readFileSync(join(root, 'audio/manifest.json'), 'utf8')));
  const lines: AudioManifest['lines'] = {};
  for (const [lineId, perLanguage] of Object.entries(full.lines)) {
    lines[lineId] = Object.fromEntries(
      Object.entries(perLanguage).map(([lang, { status, file, durationMs }]) => [
        lang,
        { status, file, durationMs },
      ]),
    );
  }
  const beds: NonNullable<AudioManifest['beds']> = {};
  for (const [id, { status, file, durationMs }] of Object.entries(full.beds ?? {}))
    beds[id] = { status, file, durationMs };
  return { version: 1, lines, beds };
}

export function stationAssets(root: string): Plugin {
  return {
    name: 'percorso-station-assets',
    resolveId(id) {
      return id === AUDIO_MANIFEST_ID ? `\0${AUDIO_MANIFEST_ID}` : null;
    },
    load(id) {
      if (id !== `\0${AUDIO_MANIFEST_ID}`) return null;
      this.addWatchFile(join(root, 'audio/manifest.json'));
      return `export default ${JSON.stringify(runtimeAudioManifest(root))};\n`;
    },
    buildStart() {
      for (const file of configFiles(root)) {
        const path = join(root, 'kiosk-config', file);
        const result = parseKioskConfig(JSON.parse(readFileSync(path, 'utf8')));
        if (!result.ok) {
          const lines = result.problems.map((p) => `  ${p.field}: ${p.en}`).join('\n');
          this.error(
            `kiosk-config/${file} is not valid:\n${lines}\nFix the file (your editor checks it against kiosk-config/schema.json).`,
          );
        }
      }
    },
    generateBundle() {
      for (const file of configFiles(root)) {
        this.emitFile({
          type: 'asset',
          fileName: `kiosk-config/${file}`,
          source: readFileSync(join(root, 'kiosk-config', file)),
        });
      }
      for (const path of walk(join(root, 'audio')).filter((p) => /\.(webm|mp3)$/.test(p))) {
        this.emitFile({ type: 'asset', fileName: relative(root, path), source: readFileSync(path) });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const match =
          /^\/(kiosk-config\/[a-z0-9-]+\.json|audio\/[a-zA-Z-]+\/[a-z0-9._-]+\.(?:webm|mp3))$/.exec(url);
        if (!match?.[1]) return next();
        try {
          const body = readFileSync(join(root, match[1]));
          res.setHeader('content-type', match[1].endsWith('.json') ? 'application/json' : 'audio/webm');
          res.end(body);
        } catch {
          res.statusCode = 404;
          res.end('not found');
        }
      });
    },
  };
}
