// `npm start` / `npm run serve`: serves the built kiosk app on http://127.0.0.1:8080/
// (PORT and HOST override). Run `npm run build` first, or use `npm start`, which does both.

import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static.ts';

// DIST_DIR serves another build (tests running side by side build into their own folders).
const root = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));
if (!existsSync(`${root}/index.html`)) {
  console.error(`No built app in ${root}. Run "npm start" (it builds first) or "npm run build".`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const server = createServer(staticHandler(root));

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
  console.log('  other stations: add ?kiosk=<name> (see kiosk-config/), e.g. ?kiosk=infopoint');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
