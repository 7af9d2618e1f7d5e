// `npm start` / `npm run serve`: serves the built kiosk app on http://127.0.0.1:8080/
// (PORT and HOST override) and the embedded events register's API at /api/v1/ on the same
// origin (SQLite in DATA_DIR, default `data/`; PostgreSQL with DATABASE_URL). Run `npm run build`
// first, or use `npm start`, which does both. If the register cannot open, the app is still served.

import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { buildRegisterApp } from '../register/app.ts';
import { openRegisterFromEnv } from '../register/open.ts';
import { staticHandler } from './static.ts';

// DIST_DIR serves another build (tests running side by side build into their own folders).
const root = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
if (!existsSync(`${root}/index.html`)) {
  console.error(`No built app in ${root}. Run "npm start" (it builds first) or "npm run build".`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const serveApp = staticHandler(root);

/** The register's API beside the app, or the app alone when the register cannot open. */
async function createAppServer(): Promise<{ server: Server; register: string }> {
  try {
    const { db, backend, where } = await openRegisterFromEnv();
    const app = await buildRegisterApp({
      db,
      backend,
      fallback: serveApp,
      version: process.env.npm_package_version,
    });
    await app.ready();
    return { server: app.server, register: `${backend}: ${where}` };
  } catch (error) {
    console.warn(`The events register is off: ${error instanceof Error ? error.message : error}`);
    return { server: createServer(serveApp), register: 'off' };
  }
}

const { server, register } = await createAppServer();

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `Port ${port} is already in use. Stop the other program or choose another port: PORT=8081 npm start`,
    );
  } else {
    console.error(error.message);
  }
  process.exit(1);
});

server.listen(port, host, () => {
  console.log(`Percorso is running: http://${host}:${port}/`);
  console.log(`  events register API: http://${host}:${port}/api/v1/ (${register})`);
  if (register !== 'off') console.log(`  staff dashboard: http://${host}:${port}/register/`);
  console.log('  other stations: add ?kiosk=<name> (see kiosk-config/), e.g. ?kiosk=infopoint');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
