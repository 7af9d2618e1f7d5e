// Awareness events in the register: staff enter them in the dashboard, import them from the
// network's spreadsheets, or kiosks sync the event set-ups they counted for. People reached is
// what staff wrote down, or, for a kiosk's event with no figure, what its check-ins and tallies
// add up to (corrections applied, src/records/totals.ts).

import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import {
  AUDIENCE_KEYS,
  AUDIENCES,
  type Audience,
  EVENT_TYPE_KEYS,
  EVENT_TYPES,
  type EventType,
  PROVINCES,
} from '../contracts/register.ts';
import type { AttendanceRecord } from '../records/attendance.ts';
import { computeTotals } from '../records/totals.ts';
import type { EventsTable, RegisterDb } from './db.ts';

/** A real calendar date written YYYY-MM-DD (not 2025-02-30). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD')
  .refine(isIsoDate, 'no such date');

export const eventInputSchema = z
  .object({
    title: z.string().trim().min(1, 'give the event a title').max(120),
    type: z.enum(EVENT_TYPE_KEYS as [EventType, ...EventType[]]),
    audience: z.enum(AUDIENCE_KEYS as [Audience, ...Audience[]]),
    venue: z.string().trim().max(120).default(''),
    municipality: z.string().trim().max(80).default(''),
    province: z.enum(PROVINCES),
    startDate: isoDate,
    endDate: isoDate,
    /** What staff counted; null lets the kiosks' records count. */
    peopleReached: z.number().int().min(0).max(1_000_000).nullable().default(null),
    notes: z.string().trim().max(2000).default(''),
  })
  .refine((e) => e.endDate >= e.startDate, {
    message: 'the event cannot end before it starts',
    path: ['endDate'],
  });
export type EventInput = z.output<typeof eventInputSchema>;

export interface RegisterEvent extends EventInput {
  id: string;
  source: EventsTable['source'];
  kioskId: string | null;
  createdAt: string;
  updatedAt: string;
  /** People reached as the report counts them: `peopleReached`, else the kiosks' count. */
  counted: number;
  /** Where `counted` comes from. */
  countedFrom: 'staff' | 'kiosks';
}

const toInput = (row: EventsTable): EventInput => ({
  title: row.title,
  type: row.type as EventType,
  audience: row.audience as Audience,
  venue: row.venue,
  municipality: row.municipality,
  province: row.province as EventInput['province'],
  startDate: row.start_date,
  endDate: row.end_date,
  peopleReached: row.people_reached === null ? null : Number(row.people_reached),
  notes: row.notes,
});

/** An event's fields as the `events` table's columns. */
export const eventRow = (input: EventInput) => ({
  title: input.title,
  type: input.type,
  audience: input.audience,
  venue: input.venue,
  municipality: input.municipality,
  province: input.province,
  start_date: input.startDate,
  end_date: input.endDate,
  people_reached: input.peopleReached,
  notes: input.notes,
});

export interface Period {
  from?: string;
  to?: string;
}

/** People reached per event from its kiosks' check-ins and tallies, for the events given. */
async function kioskCounts(db: RegisterDb, eventIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < eventIds.length; i += 500) {
    const chunk = eventIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('records')
      .select(['event_id', 'body'])
      .where('store', '=', 'attendance')
      .where('kind', 'in', ['check-in', 'tally', 'correction'])
      .where('event_id', 'in', chunk)
      .execute();
    const byEvent = new Map<string, AttendanceRecord[]>();
    for (const row of rows) {
      const list = byEvent.get(row.event_id ?? '') ?? [];
      list.push(JSON.parse(row.body) as AttendanceRecord);
      byEvent.set(row.event_id ?? '', list);
    }
    for (const [event, records] of byEvent) counts.set(event, computeTotals(records).peopleReached);
  }
  return counts;
}

/** Events that start within the period (inclusive dates), oldest first. */
export async function listEvents(db: RegisterDb, period: Period = {}): Promise<RegisterEvent[]> {
  let query = db.selectFrom('events').selectAll();
  if (period.from) query = query.where('start_date', '>=', period.from);
  if (period.to) query = query.where('start_date', '<=', period.to);
  const rows = await query.orderBy('start_date').orderBy('created_at').orderBy('id').execute();
  const needCount = rows.filter((r) => r.people_reached === null).map((r) => r.id);
  const counts = needCount.length ? await kioskCounts(db, needCount) : new Map<string, number>();
  return rows.map((row) => {
    const input = toInput(row);
    return {
      id: row.id,
      ...input,
      source: row.source,
      kioskId: row.kiosk_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      counted: input.peopleReached ?? counts.get(row.id) ?? 0,
      countedFrom: input.peopleReached === null ? 'kiosks' : 'staff',
    };
  });
}

export async function getEvent(db: RegisterDb, id: string): Promise<RegisterEvent | null> {
  const row = await db.selectFrom('events').select('start_date').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const found = await listEvents(db, { from: row.start_date, to: row.start_date });
  return found.find((e) => e.id === id) ?? null;
}

export async function createEvent(
  db: RegisterDb,
  input: EventInput,
  source: EventsTable['source'],
  extra: { id?: string; importKey?: string; kioskId?: string } = {},
): Promise<string> {
  const now = new Date().toISOString();
  const id = extra.id ?? randomUUID();
  await db
    .insertInto('events')
    .values({
      id,
      ...eventRow(input),
      source,
      import_key: extra.importKey ?? null,
      kiosk_id: extra.kioskId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Replaces an event's fields; false when there is no such event. */
export async function updateEvent(db: RegisterDb, id: string, input: EventInput): Promise<boolean> {
  const result = await db
    .updateTable('events')
    .set({ ...eventRow(input), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteEvent(db: RegisterDb, id: string): Promise<boolean> {
  const result = await db.deleteFrom('events').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface ReportRow {
  type: EventType;
  audience: Audience;
  typeLabel: string;
  audienceLabel: string;
  people: number;
}

export interface Report {
  from: string | null;
  to: string | null;
  rows: ReportRow[];
  total: number;
  events: number;
}

const typeOrder = new Map(EVENT_TYPE_KEYS.map((k, i) => [k, i]));
const audienceOrder = new Map(AUDIENCE_KEYS.map((k, i) => [k, i]));

/**
 * The final report's table (§3.5): people reached grouped by event type and audience, in the
 * report's order of types and audiences, with the total.
 */
export async function buildReport(db: RegisterDb, period: Period = {}): Promise<Report> {
  const events = await listEvents(db, period);
  const groups = new Map<string, ReportRow>();
  for (const e of events) {
    const key = `${e.type}\u0000${e.audience}`;
    const row = groups.get(key) ?? {
      type: e.type,
      audience: e.audience,
      typeLabel: EVENT_TYPES[e.type],
      audienceLabel: AUDIENCES[e.audience],
      people: 0,
    };
    row.people += e.counted;
    groups.set(key, row);
  }
  const rows = [...groups.values()].sort(
    (a, b) =>
      (typeOrder.get(a.type) ?? 99) - (typeOrder.get(b.type) ?? 99) ||
      (audienceOrder.get(a.audience) ?? 99) - (audienceOrder.get(b.audience) ?? 99),
  );
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    rows,
    total: rows.reduce((sum, r) => sum + r.people, 0),
    events: events.length,
  };
}

export type TotalsDimension = 'type' | 'audience' | 'province' | 'month';
export const TOTALS_DIMENSIONS: readonly TotalsDimension[] = ['type', 'audience', 'province', 'month'];

export interface TotalsRow {
  key: string;
  label: string;
  people: number;
  events: number;
}

/** People reached and events per event type, audience, province or month of the start date. */
export async function totalsBy(
  db: RegisterDb,
  dimension: TotalsDimension,
  period: Period = {},
): Promise<{ rows: TotalsRow[]; total: number }> {
  const events = await listEvents(db, period);
  const keyOf = (e: RegisterEvent): [string, string] => {
    if (dimension === 'type') return [e.type, EVENT_TYPES[e.type]];
    if (dimension === 'audience') return [e.audience, AUDIENCES[e.audience]];
    if (dimension === 'province') return [e.province, e.province === 'other' ? 'Altro' : e.province];
    const month = e.startDate.slice(0, 7);
    return [month, month];
  };
  const rows = new Map<string, TotalsRow>();
  for (const e of events) {
    const [key, label] = keyOf(e);
    const row = rows.get(key) ?? { key, label, people: 0, events: 0 };
    row.people += e.counted;
    row.events += 1;
    rows.set(key, row);
  }
  const order = (key: string) =>
    dimension === 'type'
      ? (typeOrder.get(key as EventType) ?? 99)
      : dimension === 'audience'
        ? (audienceOrder.get(key as Audience) ?? 99)
        : 0;
  const sorted = [...rows.values()].sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));
  return { rows: sorted, total: sorted.reduce((sum, r) => sum + r.people, 0) };
}

/**
 * Event set-ups a kiosk synced (src/records/event-setup.ts). A new one is stored as a kiosk
 * event whose people reached the kiosks count; an edited one (a typo in the venue) updates the
 * fields the kiosk owns, never the figure or notes staff wrote in the dashboard.
 */
export async function ingestEventSetups(
  db: RegisterDb,
  kioskId: string,
  setups: readonly unknown[],
): Promise<
  Array<
    | { id: string | null; status: 'inserted' | 'duplicate' }
    | { id: string | null; status: 'rejected'; reason: string }
  >
> {
  const results = [];
  for (const raw of setups) {
    const id =
      raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : null;
    const parsed = kioskSetupSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      results.push({
        id,
        status: 'rejected' as const,
        reason: `invalid: ${issue?.path.join('.') || 'event'}: ${issue?.message}`,
      });
      continue;
    }
    const setup = parsed.data;
    const fields = {
      title: setup.title,
      type: setup.type,
      audience: setup.audience,
      venue: setup.venue,
      municipality: setup.municipality,
      province: setup.province,
      start_date: setup.startDate,
      end_date: setup.endDate,
    };
    const existing = await db.selectFrom('events').selectAll().where('id', '=', setup.id).executeTakeFirst();
    if (!existing) {
      const now = new Date().toISOString();
      await db
        .insertInto('events')
        .values({
          id: setup.id,
          ...fields,
          people_reached: null,
          notes: '',
          source: 'kiosk',
          import_key: null,
          kiosk_id: kioskId,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      results.push({ id: setup.id, status: 'inserted' as const });
      continue;
    }
    const changed = (Object.keys(fields) as Array<keyof typeof fields>).some(
      (k) => existing[k] !== fields[k],
    );
    if (changed && existing.source === 'kiosk') {
      await db
        .updateTable('events')
        .set({ ...fields, updated_at: new Date().toISOString() })
        .where('id', '=', setup.id)
        .execute();
      results.push({ id: setup.id, status: 'inserted' as const });
    } else results.push({ id: setup.id, status: 'duplicate' as const });
  }
  return results;
}

const kioskSetupSchema = z
  .object({
    id: z.string().min(1).max(64),
    title: z.string().min(1).max(120),
    type: z.enum(EVENT_TYPE_KEYS as [EventType, ...EventType[]]),
    audience: z.enum(AUDIENCE_KEYS as [Audience, ...Audience[]]),
    venue: z.string().max(120),
    municipality: z.string().max(80),
    province: z.enum(PROVINCES),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((e) => e.endDate >= e.startDate, {
    message: 'the event cannot end before it starts',
    path: ['endDate'],
  });

export interface StationTotals {
  byStation: ReturnType<typeof computeTotals>['byStation'];
  choices: ReturnType<typeof computeTotals>['choices'];
  /** Journeys started and completed per installation. */
  byInstallation: Array<{ installation: string; started: number; completed: number }>;
}

/** Completions and choices per station from every kiosk's journey records in the period. */
export async function stationTotals(db: RegisterDb, period: Period = {}): Promise<StationTotals> {
  let query = db
    .selectFrom('records')
    .select('body')
    .where('store', '=', 'attendance')
    .where('kind', 'in', ['journey-start', 'journey-end', 'abandon', 'choice']);
  if (period.from) query = query.where('at', '>=', `${period.from}T00:00:00`);
  if (period.to) query = query.where('at', '<=', `${period.to}T23:59:59.999Z`);
  const records = (await query.execute()).map((r) => JSON.parse(r.body) as AttendanceRecord);
  const totals = computeTotals(records);
  const installations = new Map<string, { installation: string; started: number; completed: number }>();
  for (const s of totals.byStation) {
    const entry = installations.get(s.installation) ?? {
      installation: s.installation,
      started: 0,
      completed: 0,
    };
    entry.started += s.started;
    entry.completed += s.completed;
    installations.set(s.installation, entry);
  }
  return {
    byStation: totals.byStation,
    choices: totals.choices,
    byInstallation: [...installations.values()].sort((a, b) => a.installation.localeCompare(b.installation)),
  };
}
