// The dashboard's API: signing in, kiosks, events, totals, the report table, reflections, and
// USB sync bundles. Everything here needs a staff session except the walls' feed of approved
// reflections. Bad input gets a 4xx that says what to change and stores nothing.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { MODERATION_STATUSES } from '../records/reflection.ts';
import { verifyBundle } from '../sync/bundle.ts';
import type { RegisterDb } from './db.ts';
import {
  buildReport,
  createEvent,
  deleteEvent,
  eventInputSchema,
  getEvent,
  isoDate,
  listEvents,
  type Period,
  stationTotals,
  TOTALS_DIMENSIONS,
  type TotalsDimension,
  totalsBy,
  updateEvent,
} from './events.ts';
import { ImportFileError, importEvents, readTable } from './import.ts';
import { ingestItems } from './ingest-items.ts';
import { enrolKiosk, listKiosks, offlineKiosk, revokeKiosk } from './kiosks.ts';
import { listReflections, moderate, wallFeed } from './reflections.ts';
import { reportCsv, reportXlsx } from './report-format.ts';
import {
  readCookie,
  SESSION_COOKIE,
  SESSION_HOURS,
  sessionCookie,
  sessionUser,
  signIn,
  signOut,
} from './staff.ts';

/** USB bundles and imported spreadsheets may be larger than a kiosk's batch. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    staff?: string;
  }
}

const fail = (reply: FastifyReply, status: number, error: string) => reply.code(status).send({ error });

const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message}`;
};

const periodSchema = z.object({ from: isoDate.optional(), to: isoDate.optional() });

function period(request: FastifyRequest, reply: FastifyReply): Period | null {
  const parsed = periodSchema.safeParse(request.query ?? {});
  if (!parsed.success) {
    fail(reply, 400, `bad period: ${firstIssue(parsed.error)}`);
    return null;
  }
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
    fail(reply, 400, 'bad period: "from" is after "to"');
    return null;
  }
  return parsed.data;
}

/** Failed sign-ins per name: 10 in 15 minutes, then wait. */
class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  wait(key: string, nowMs: number): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => nowMs - t < 15 * 60_000);
    this.failures.set(key, recent);
    if (recent.length < 10) return 0;
    return Math.ceil((15 * 60_000 - (nowMs - (recent[0] ?? nowMs))) / 1000);
  }
  fail(key: string, nowMs: number) {
    this.failures.set(key, [...(this.failures.get(key) ?? []), nowMs]);
  }
  clear(key: string) {
    this.failures.delete(key);
  }
}

export interface StaffRoutesOptions {
  db: RegisterDb;
  now: () => Date;
  /** Mark the cookie Secure (the register is behind HTTPS). */
  secureCookies: boolean;
}

export function registerStaffRoutes(app: FastifyInstance, options: StaffRoutesOptions): void {
  const { db, now } = options;
  const throttle = new SignInThrottle();

  const requireStaff = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const user = token ? await sessionUser(db, token, now()) : null;
    if (!user) return fail(reply, 401, 'sign in first: your session is missing or has expired');
    request.staff = user;
  };
  const staff = { preHandler: requireStaff };

  // ── Session ────────────────────────────────────────────────────────────────
  const credentials = z.object({ username: z.string().max(40), password: z.string().max(200) });
  app.post('/api/v1/session', async (request, reply) => {
    const parsed = credentials.safeParse(request.body);
    if (!parsed.success)
      return fail(reply, 400, `send {"username", "password"}: ${firstIssue(parsed.error)}`);
    const username = parsed.data.username.trim().toLowerCase();
    const wait = throttle.wait(username, now().getTime());
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      return fail(
        reply,
        429,
        `too many wrong passwords for this name: try again in ${Math.ceil(wait / 60)} min`,
      );
    }
    const session = await signIn(db, username, parsed.data.password, now());
    if (!session) {
      throttle.fail(username, now().getTime());
      return fail(reply, 401, 'wrong name or password');
    }
    throttle.clear(username);
    reply.header('Set-Cookie', sessionCookie(session.token, SESSION_HOURS * 3600, options.secureCookies));
    return { username, expiresAt: session.expiresAt };
  });
  app.get('/api/v1/session', staff, async (request) => ({ username: request.staff }));
  app.delete('/api/v1/session', async (request, reply) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token) await signOut(db, token);
    reply.header('Set-Cookie', sessionCookie('', 0, options.secureCookies));
    return { signedOut: true };
  });

  // ── Kiosks ─────────────────────────────────────────────────────────────────
  app.get('/api/v1/devices', staff, async () => ({ kiosks: await listKiosks(db, now()) }));
  app.post('/api/v1/devices', staff, async (request, reply) => {
    const parsed = z
      .object({ name: z.string().trim().min(1, 'give the kiosk a name').max(80) })
      .safeParse(request.body);
    if (!parsed.success) return fail(reply, 400, `bad kiosk: ${firstIssue(parsed.error)}`);
    const enrolled = await enrolKiosk(db, parsed.data.name, now());
    reply.code(201);
    return { ...enrolled, note: 'copy the token into the kiosk now: the register keeps only its hash' };
  });
  app.delete<{ Params: { id: string } }>('/api/v1/devices/:id', staff, async (request, reply) => {
    if (!(await revokeKiosk(db, request.params.id, now())))
      return fail(reply, 404, 'no such kiosk, or it was already revoked');
    return { revoked: request.params.id };
  });

  // ── Events ─────────────────────────────────────────────────────────────────
  app.get('/api/v1/events', staff, async (request, reply) => {
    const p = period(request, reply);
    if (!p) return reply;
    return { events: await listEvents(db, p) };
  });
  app.post('/api/v1/events', staff, async (request, reply) => {
    const parsed = eventInputSchema.safeParse(request.body);
    if (!parsed.success) return fail(reply, 400, `bad event: ${firstIssue(parsed.error)}`);
    const id = await createEvent(db, parsed.data, 'dashboard');
    reply.code(201);
    return getEvent(db, id);
  });
  app.get<{ Params: { id: string } }>('/api/v1/events/:id', staff, async (request, reply) => {
    const event = await getEvent(db, request.params.id);
    return event ?? fail(reply, 404, 'no such event');
  });
  app.put<{ Params: { id: string } }>('/api/v1/events/:id', staff, async (request, reply) => {
    const parsed = eventInputSchema.safeParse(request.body);
    if (!parsed.success) return fail(reply, 400, `bad event: ${firstIssue(parsed.error)}`);
    if (!(await updateEvent(db, request.params.id, parsed.data))) return fail(reply, 404, 'no such event');
    return getEvent(db, request.params.id);
  });
  app.delete<{ Params: { id: string } }>('/api/v1/events/:id', staff, async (request, reply) => {
    if (!(await deleteEvent(db, request.params.id))) return fail(reply, 404, 'no such event');
    return { deleted: request.params.id };
  });

  // ── Totals and the report ──────────────────────────────────────────────────
  app.get<{ Querystring: { by?: string } }>('/api/v1/totals', staff, async (request, reply) => {
    const p = period(request, reply);
    if (!p) return reply;
    const by = request.query.by ?? 'type';
    if (by === 'station' || by === 'installation') return stationTotals(db, p);
    if (!TOTALS_DIMENSIONS.includes(by as TotalsDimension))
      return fail(
        reply,
        400,
        `bad "by": use one of ${[...TOTALS_DIMENSIONS, 'station', 'installation'].join(', ')}`,
      );
    return totalsBy(db, by as TotalsDimension, p);
  });
  app.get<{ Querystring: { format?: string } }>('/api/v1/report', staff, async (request, reply) => {
    const p = period(request, reply);
    if (!p) return reply;
    const format = request.query.format ?? 'json';
    const report = await buildReport(db, p);
    const name = `eventi-sensibilizzazione_${p.from ?? 'inizio'}_${p.to ?? 'oggi'}`;
    if (format === 'json') return report;
    if (format === 'csv') {
      reply.header('Content-Type', 'text/csv; charset=utf-8');
      reply.header('Content-Disposition', `attachment; filename="${name}.csv"`);
      return reportCsv(report);
    }
    if (format === 'xlsx') {
      reply.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('Content-Disposition', `attachment; filename="${name}.xlsx"`);
      return reportXlsx(report);
    }
    return fail(reply, 400, 'bad "format": use json, csv or xlsx');
  });

  // ── Imports (the dashboard's upload of a spreadsheet or a USB bundle) ───────
  const upload = z.object({
    name: z.string().min(1).max(200),
    /** The file's bytes, base64. */
    content: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4),
  });
  app.post('/api/v1/imports', { ...staff, bodyLimit: MAX_UPLOAD_BYTES * 2 }, async (request, reply) => {
    const parsed = upload.safeParse(request.body);
    if (!parsed.success)
      return fail(reply, 400, `send {"name", "content" (base64)}: ${firstIssue(parsed.error)}`);
    try {
      const table = await readTable(Buffer.from(parsed.data.content, 'base64'), parsed.data.name);
      return await importEvents(db, table);
    } catch (error) {
      if (error instanceof ImportFileError) return fail(reply, 422, error.message);
      throw error;
    }
  });
  app.post('/api/v1/bundles', { ...staff, bodyLimit: MAX_UPLOAD_BYTES }, async (request, reply) => {
    const checked = await verifyBundle(request.body);
    if (!checked.ok) return fail(reply, 422, checked.reason);
    const bundle = checked.bundle;
    const kioskId = await offlineKiosk(db, bundle.device, bundle.kioskName, now());
    const counts = { inserted: 0, duplicate: 0, rejected: 0 };
    const rejected: Array<{ id: string | null; reason: string }> = [];
    for (let start = 0; start < bundle.items.length; start += 500) {
      const results = await ingestItems(db, kioskId, bundle.items.slice(start, start + 500), now);
      for (const r of results) {
        counts[r.status]++;
        if (r.status === 'rejected' && rejected.length < 100) rejected.push({ id: r.id, reason: r.reason });
      }
    }
    return { ...counts, rejectedExamples: rejected, kiosk: kioskId };
  });

  // ── Reflections ────────────────────────────────────────────────────────────
  const statusSchema = z.enum(MODERATION_STATUSES);
  app.get<{ Querystring: { status?: string } }>('/api/v1/reflections', staff, async (request, reply) => {
    const status = request.query.status;
    if (status !== undefined && !statusSchema.safeParse(status).success)
      return fail(reply, 400, `bad "status": use one of ${MODERATION_STATUSES.join(', ')}`);
    return {
      reflections: await listReflections(db, { status: status as z.infer<typeof statusSchema> | undefined }),
    };
  });
  app.put<{ Params: { id: string } }>('/api/v1/reflections/:id/status', staff, async (request, reply) => {
    const parsed = z.object({ status: statusSchema }).safeParse(request.body);
    if (!parsed.success) return fail(reply, 400, `bad status: ${firstIssue(parsed.error)}`);
    const outcome = await moderate(db, request.params.id, parsed.data.status, request.staff ?? '?', now());
    if (outcome === 'not-found') return fail(reply, 404, 'no such reflection');
    if (outcome === 'disclosure')
      return fail(
        reply,
        409,
        'this reflection reads like a disclosure: it stays off the walls (keep it private)',
      );
    return { id: request.params.id, status: parsed.data.status };
  });
  /** Public: what walls show. No names, no places, only approved text and pictograms. */
  app.get('/api/v1/walls/reflections', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { reflections: await wallFeed(db) };
  });
}
