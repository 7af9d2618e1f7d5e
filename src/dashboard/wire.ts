// What the register's dashboard API answers (src/register/staff-routes.ts, described in
// src/register/openapi.ts), as the browser sees it. The register's own types live in Node
// modules the browser build cannot load, so they are restated here; `wire.test.ts` holds these
// to the register's types at compile time, so the two cannot drift apart unnoticed.

import type { Audience, EventType, Province } from '../contracts/register.ts';
import type { SupervisorEntry } from '../contracts/supervisor.ts';

/** A calendar date written YYYY-MM-DD. */
export type IsoDay = string;

/** A period of event start dates; either end may be open. */
export interface Period {
  from?: IsoDay;
  to?: IsoDay;
}

/** What staff type into the event editor (`POST`/`PUT /api/v1/events`). */
export interface EventInput {
  title: string;
  type: EventType;
  audience: Audience;
  venue: string;
  municipality: string;
  province: Province;
  startDate: IsoDay;
  endDate: IsoDay;
  /** What staff counted; null lets the kiosks' check-ins and tallies count. */
  peopleReached: number | null;
  notes: string;
}

export interface RegisterEvent extends EventInput {
  id: string;
  source: 'dashboard' | 'import' | 'kiosk';
  kioskId: string | null;
  createdAt: string;
  updatedAt: string;
  /** People reached as the report counts them. */
  counted: number;
  countedFrom: 'staff' | 'kiosks';
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

export type TotalsDimension = 'type' | 'audience' | 'province' | 'month';

export interface TotalsRow {
  key: string;
  label: string;
  people: number;
  events: number;
}

export interface Totals {
  rows: TotalsRow[];
  total: number;
}

export interface StationRow {
  station: string;
  installation: string;
  journey: string;
  started: number;
  completed: number;
  abandoned: number;
  medianMinutes: number | null;
  totalMinutes: number;
}

export interface ChoiceRow {
  journey: string;
  step: string;
  answers: Record<string, number>;
  timedOut: number;
}

/** `GET /api/v1/totals?by=station` (or `installation`: the same answer). */
export interface StationTotals {
  byStation: StationRow[];
  choices: ChoiceRow[];
  byInstallation: Array<{ installation: string; started: number; completed: number }>;
}

export interface Kiosk {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  pending: number | null;
  storageRatio: number | null;
  clockOffsetMs: number | null;
  records: number;
  quarantined: number;
  /** Not heard from for over a day (or never), and not revoked. */
  silent: boolean;
  /** Filed from USB bundles: it never signs in. */
  offline: boolean;
  /** What its supervisor (`npm run kiosk`) did lately, oldest first; empty without one. */
  supervisor: SupervisorEntry[];
}

export interface Enrolled {
  id: string;
  name: string;
  /** Shown once: the register keeps only its hash. */
  token: string;
}

export const MODERATION_STATUSES = ['pending', 'approved', 'hidden', 'private'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

export interface Reflection {
  id: string;
  at: string;
  station: string;
  event: string | null;
  kiosk: string;
  language: string;
  text: string;
  pictograms: string[];
  flags: string[];
  disclosure: boolean;
  status: ModerationStatus;
  moderatedAt: string | null;
  moderatedBy: string | null;
}

export interface ImportRejection {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  column: string | null;
  reason: string;
}

export interface ImportResult {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: ImportRejection[];
}

export interface BundleResult {
  inserted: number;
  duplicate: number;
  rejected: number;
  rejectedExamples: Array<{ id: string | null; reason: string }>;
  kiosk: string;
}
