// The static server's routing: the dashboard's paths get the dashboard's page, other app routes
// the kiosk app, and the API's paths never get a page (with the register off they say so).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFor, staticHandler } from './static.ts';

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'percorso-static-'));
  mkdirSync(join(root, 'register'));
  writeFileSync(join(root, 'index.html'), 'kiosk app');
  writeFileSync(join(root, 'register', 'index.html'), 'dashboard');
  server = createServer(staticHandler(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('the static server', () => {
  it('answers /register, /register/ and the dashboard’s routes with the dashboard', async () => {
    for (const path of ['/register', '/register/', '/register/events', '/register/?x=1']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe('dashboard');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('answers other routes with the kiosk app, and a missing file with 404', async () => {
    expect(await (await fetch(`${base}/`)).text()).toBe('kiosk app');
    expect(await (await fetch(`${base}/registered`)).text()).toBe('kiosk app');
    expect((await fetch(`${base}/register/missing.js`)).status).toBe(404);
    expect(pageFor('/registro')).toBe('/index.html');
  });

  it('never answers the API with a page', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/session'],
      ['POST', '/api/v1/session'],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status).toBe(503);
      expect((await response.json()).error).toContain('not running');
    }
  });
});
