// Must be the first module the browser evaluates: zod probes `new Function` when it builds
// object schemas, and our CSP forbids eval (the probe is caught, but reported as a violation).
import * as z from 'zod/mini';

z.config({ jitless: true });
