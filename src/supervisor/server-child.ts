// `--serve`: the station's own server (src/server/main.ts, the same as `npm run serve`) as a child
// process of the supervisor, on the host and port of `--url`. The supervisor restarts it when it
// exits; readiness is `GET /api/v1/health` (the register is on) or `GET /` (the app alone).

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StationServer } from './supervisor.ts';

export const SERVER_ENTRY = fileURLToPath(new URL('../server/main.ts', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment that makes src/server/main.ts listen where `url` points. */
export function serverEnv(url: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:') {
    throw new Error(`--serve starts a plain HTTP server: give an http:// --url (not ${parsed.protocol}//).`);
  }
  // URL keeps IPv6 hosts in brackets; listen() wants them bare.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return { ...env, HOST: host, PORT: parsed.port || '80' };
}

/** Whether something answers with 2xx at `url` within `timeoutMs`. */
async function answers(url: URL, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

export function nodeServer(options: {
  url: string;
  entry?: string;
  /** Inherit (a terminal, the journal) or drop the server's output. */
  output?: 'inherit' | 'ignore';
  stopTimeoutMs?: number;
}): StationServer {
  const entry = options.entry ?? SERVER_ENTRY;
  const env = serverEnv(options.url);
  const stopTimeoutMs = options.stopTimeoutMs ?? 5000;
  return {
    start(onExit) {
      // Node with tsx's loader, not the tsx binary: signals reach the server itself.
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', options.output ?? 'inherit', options.output ?? 'inherit'],
        detached: true,
      });
      const gone = new Promise<void>((resolve) => {
        child.once('error', (error) => {
          onExit(`the server could not start: ${error.message}`);
          resolve();
        });
        child.once('exit', (code, signal) => {
          onExit(`the server exited (${signal ?? `code ${code}`})`);
          resolve();
        });
      });
      return {
        pid: child.pid ?? -1,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const stopped = await Promise.race([
            gone.then(() => true),
            new Promise<false>((resolve) => setTimeout(() => resolve(false), stopTimeoutMs)),
          ]);
          if (!stopped) {
            child.kill('SIGKILL');
            await gone;
          }
        },
      };
    },
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const health = new URL('api/v1/health', options.url);
      const home = new URL('.', options.url);
      while (Date.now() < deadline) {
        if ((await answers(health, 2000)) || (await answers(home, 2000))) return true;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return false;
    },
  };
}
