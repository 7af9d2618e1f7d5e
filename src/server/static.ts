// Serves the built kiosk app from dist/ with the CSP header, correct types and caching:
// hashed assets are immutable, index.html and sw.js are always revalidated so updates arrive.
// The events register mounts its API next to this; its dashboard is the page at /register/
// (dist/register/index.html), which answers every extension-less path under /register.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from '../contracts/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

const SECURITY_HEADERS = {
  'content-security-policy': contentSecurityPolicy('production', 'header'),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

async function fileAt(root: string, urlPath: string): Promise<string | undefined> {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The page that answers an extension-less path no file matches: the dashboard's or the app's. */
export const pageFor = (urlPath: string): string =>
  /^\/register(?:\/|$)/.test(urlPath) ? '/register/index.html' : '/index.html';

export function staticHandler(root: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    // The register's API is never answered with a page: here it means the register is off.
    if (urlPath === '/api' || urlPath.startsWith('/api/')) {
      res
        .writeHead(503, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS })
        .end(JSON.stringify({ error: 'the events register is not running on this server: see its log' }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path = await fileAt(root, urlPath === '/' ? '/index.html' : urlPath);
    // Unknown paths without an extension are routes of a page: answer with that page.
    if (!path && !extname(urlPath)) path = await fileAt(root, pageFor(urlPath));
    if (!path) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
        .end('Not found');
      return;
    }
    const revalidate =
      path.endsWith('.html') || path.endsWith('sw.js') || path.includes(`${sep}kiosk-config${sep}`);
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': revalidate ? 'no-cache' : 'public, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path).pipe(res);
  };
}
