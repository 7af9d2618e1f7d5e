// The Content Security Policy, defined once for the server's header and the page's meta tag.
// No inline scripts and no eval anywhere (zod runs jitless; no Draco/KTX2 decoders).
// Development relaxes styles (Vite injects <style> tags) and allows the HMR websocket.

export function contentSecurityPolicy(mode: 'production' | 'development', target: 'header' | 'meta'): string {
  const dev = mode === 'development';
  const directives: Record<string, string> = {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': dev ? "'self' 'unsafe-inline'" : "'self'",
    'img-src': "'self' data: blob:",
    'font-src': "'self'",
    'media-src': "'self' blob:",
    'connect-src': dev ? "'self' ws: wss:" : "'self'",
    // blob: for the XLSX export: write-excel-file's zip compresses large files in a worker made
    // from a Blob URL; without it an export of more than ~1,500 rows never finishes (ADR 0012).
    'worker-src': "'self' blob:",
    'manifest-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'none'",
  };
  // frame-ancestors is only honoured in a header; in a meta tag browsers warn and ignore it.
  if (target === 'header') directives['frame-ancestors'] = "'none'";
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
