// `--serve`'s child process, with a stand-in server script on a free port: it is started where
// --url points, found ready, reported when it dies, and stopped on request.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeServer, SERVER_ENTRY, serverEnv } from './server-child.ts';

describe('serverEnv', () => {
  it("listens on --url's host and port", () => {
    expect(serverEnv('http://127.0.0.1:8080/', { PATH: '/bin' })).toEqual({
      PATH: '/bin',
      HOST: '127.0.0.1',
      PORT: '8080',
    });
    expect(serverEnv('http://192.168.1.10/', {})).toMatchObject({ HOST: '192.168.1.10', PORT: '80' });
    expect(serverEnv('http://[::1]:9000/', {})).toMatchObject({ HOST: '::1', PORT: '9000' });
  });

  it('refuses an https --url, which the plain server cannot answer', () => {
    expect(() => serverEnv('https://kiosk.local/', {})).toThrow(/give an http:\/\/ --url/);
  });

  it('starts the real server entry', () => {
    expect(SERVER_ENTRY.endsWith('src/server/main.ts')).toBe(true);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('nodeServer', () => {
  let dir: string;
  let entry: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'percorso-serve-'));
    entry = join(dir, 'server.mjs');
    // Like src/server/main.ts with the register off: the app answers, /api/ says 503.
    writeFileSync(
      entry,
      `import { createServer } from 'node:http';
       createServer((req, res) => { res.statusCode = req.url.startsWith('/api/') ? 503 : 200; res.end('ok'); })
         .listen(Number(process.env.PORT), process.env.HOST);
       process.on('SIGTERM', () => process.exit(0));`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is ready once it answers, tells when it dies, and stops on request', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    const server = nodeServer({ url, entry, output: 'ignore' });
    expect(await server.ready(300)).toBe(false);

    const exits: string[] = [];
    let died: () => void = () => {};
    const dead = new Promise<void>((resolve) => (died = resolve));
    const first = server.start((reason) => {
      exits.push(reason);
      died();
    });
    expect(await server.ready(15_000)).toBe(true);
    process.kill(first.pid, 'SIGKILL');
    await dead;
    expect(exits).toEqual(['the server exited (SIGKILL)']);

    const second = server.start((reason) => exits.push(reason));
    expect(await server.ready(15_000)).toBe(true);
    await second.stop();
    expect(exits.at(-1)).toMatch(/the server exited \((code 0|SIGTERM)\)/);
    expect(await server.ready(300)).toBe(false);
  }, 40_000);
});
