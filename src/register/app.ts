// The register's HTTP API (Fastify): kiosks post batches of records with their token and get a
// per-record answer after the commit. Bad input always gets a 4xx that says why, never a 5xx,
// and leaves nothing stored.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type BatchAnswer, batchRequestSchema } from '../contracts/sync-wire.ts';
import type { SyncItem } from '../sync/bundle.ts';
import type { Backend, RegisterDb } from './db.ts';
import { ingestItems } from './ingest-items.ts';
import { kioskForToken } from './kiosks.ts';
import { OPENAPI } from './openapi.ts';
import { registerStaffRoutes } from './staff-routes.ts';

export const MAX_BATCH_BYTES = 1024 * 1024;

export interface RegisterAppOptions {
  db: RegisterDb;
  backend: Backend;
  version?: string;
  /** Batches a kiosk may send in a burst, and how many more per second after it. */
  rate?: { burst: number; perSecond: number };
  now?: () => Date;
  logger?: boolean;
  /** Mark the staff session cookie Secure (set when the register is served over HTTPS). */
  secureCookies?: boolean;
  /** Serve other paths too (`npm start` puts the kiosk app beside the API on one origin). */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void;
}

/** A token bucket per kiosk. */
class RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  /** 0 when allowed, else the seconds to wait. */
  take(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.perSecond);
    bucket.at = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }
}

const fail = (reply: FastifyReply, status: number, error: string, details?: unknown) =>
  reply.code(status).send(details === undefined ? { error } : { error, details });

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim();
}

const ROUTES = new WeakMap<FastifyInstance, string[]>();

/** "METHOD /path" for every route the app serves (the OpenAPI test compares them). */
export const servedRoutes = (app: FastifyInstance): string[] => ROUTES.get(app) ?? [];

export async function buildRegisterApp(options: RegisterAppOptions): Promise<FastifyInstance> {
  const { db, backend } = options;
  const now = options.now ?? (() => new Date());
  const rate = new RateLimit(options.rate?.burst ?? 20, options.rate?.perSecond ?? 5);
  const fallback = options.fallback;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BATCH_BYTES,
    ...(fallback
      ? {
          serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
            createServer((req, res) =>
              (req.url ?? '/').startsWith('/api/') ? handler(req, res) : fallback(req, res),
            ),
        }
      : {}),
  });

  const routes: string[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
  });

  // Fastify's own refusals (bad JSON, too large, wrong type) keep their 4xx and say why.
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        status === 413
          ? `the body is larger than ${MAX_BATCH_BYTES} bytes: send fewer records per batch`
          : error.message;
      return fail(reply, status, message);
    }
    request.log.error(error);
    return fail(reply, 500, 'the register failed to store this; nothing was saved, try again later');
  });
  app.setNotFoundHandler((request, reply) =>
    fail(reply, 404, `no such address: ${request.method} ${request.url}`),
  );

  app.get('/api/v1/health', async () => {
    await db
      .selectFrom('kiosks')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return { ok: true, backend, version: options.version ?? 'dev', time: now().toISOString() };
  });

  app.get('/api/v1/openapi.json', async () => OPENAPI);

  app.post('/api/v1/batches', async (request, reply) => {
    const token = bearer(request);
    if (!token) return fail(reply, 401, 'missing token: send "Authorization: Bearer <kiosk token>"');
    const kiosk = await kioskForToken(db, token);
    if (!kiosk) return fail(reply, 401, 'unknown or revoked kiosk token: enrol the kiosk again');
    const wait = rate.take(kiosk.id, now().getTime());
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      return fail(reply, 429, `too many batches from this kiosk: retry in ${wait} s`);
    }
    const parsed = batchRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(reply, 400, `bad batch: ${issue?.path.join('.') || 'body'}: ${issue?.message}`);
    }
    const batch = parsed.data;
    // Rounded: a denormal such as 5e-324 is out of range for PostgreSQL's real (the fuzz found it).
    const storageRatio =
      batch.heartbeat?.storageRatio == null
        ? null
        : Math.round(batch.heartbeat.storageRatio * 10_000) / 10_000;
    const results = await ingestItems(db, kiosk.id, batch.records as SyncItem[], now);
    const received = now();
    await db
      .updateTable('kiosks')
      .set({
        last_seen_at: received.toISOString(),
        clock_offset_ms: Date.parse(batch.sentAt) - received.getTime(),
        ...(batch.heartbeat
          ? {
              app_version: batch.heartbeat.appVersion,
              pending: batch.heartbeat.pending,
              storage_ratio: storageRatio,
              // Replaced, not merged: the kiosk always sends its newest entries.
              ...(batch.heartbeat.supervisor
                ? { supervisor_log: JSON.stringify(batch.heartbeat.supervisor) }
                : {}),
            }
          : {}),
      })
      .where('id', '=', kiosk.id)
      .execute();
    const answer: BatchAnswer = { receivedAt: received.toISOString(), results };
    return answer;
  });

  registerStaffRoutes(app, { db, now, secureCookies: options.secureCookies ?? false });

  return app;
}
