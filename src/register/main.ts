// `npm run register`: the events register alone (a central server), on PORT (default 8090),
// with DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite, default `data/`); SECURE_COOKIES=1 behind HTTPS. When the app is built
// (`npm run build`), it also serves the staff dashboard at /register/ from dist/ (DIST_DIR).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { staticHandler } from '../server/static.ts';
import { buildRegisterApp } from './app.ts';
import { openRegisterFromEnv } from './open.ts';

const dist = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
const dashboard = existsSync(`${dist}/register/index.html`);

try {
  const { db, backend, where } = await openRegisterFromEnv();
  const app = await buildRegisterApp({
    db,
    backend,
    version: process.env.npm_package_version,
    // Behind an HTTPS proxy, SECURE_COOKIES=1 marks the staff session cookie Secure.
    secureCookies: process.env.SECURE_COOKIES === '1',
    ...(dashboard ? { fallback: staticHandler(dist) } : {}),
  });
  const port = Number(process.env.PORT ?? 8090);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  console.log(`Events register on http://${host}:${port}/api/v1/ (${backend}: ${where})`);
  if (dashboard) console.log(`  staff dashboard: http://${host}:${port}/register/`);
  else
    console.log(
      `  no staff dashboard: ${dist}/register/index.html is missing. Run "npm run build" to serve it.`,
    );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(
      signal,
      () =>
        void app
          .close()
          .then(() => db.destroy())
          .then(() => process.exit(0)),
    );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
