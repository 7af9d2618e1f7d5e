// `npm run register`: the events register alone (a central server), on PORT (default 8090),
// with DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite, default `data/`).

import { buildRegisterApp } from './app.ts';
import { openRegisterFromEnv } from './open.ts';

try {
  const { db, backend, where } = await openRegisterFromEnv();
  const app = await buildRegisterApp({ db, backend, version: process.env.npm_package_version });
  const port = Number(process.env.PORT ?? 8090);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  console.log(`Events register on http://${host}:${port}/api/v1/ (${backend}: ${where})`);
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
