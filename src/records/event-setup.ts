// Event set-ups: the day's event a kiosk counts for (a school visit, a festival, a town-hall
// evening), picked from the kiosk config's schedule or created on the spot by staff. Unlike
// attendance, a set-up may be edited (a typo in the venue); records point to it by id.

import * as z from 'zod/mini';
import {
  AUDIENCE_KEYS,
  type Audience,
  EVENT_TYPE_KEYS,
  type EventType,
  PROVINCES,
  type Province,
} from '../contracts/register.ts';
import type { RecordType } from './migrate.ts';

export const EVENT_STORE = 'events';
export const EVENT_VERSION = 1;

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD'));

export const eventSetupSchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    v: z.int(),
    title: z.string().check(z.minLength(1, 'give the event a title'), z.maxLength(120)),
    type: z.enum(EVENT_TYPE_KEYS as [EventType, ...EventType[]]),
    audience: z.enum(AUDIENCE_KEYS as [Audience, ...Audience[]]),
    venue: z.string().check(z.maxLength(120)),
    municipality: z.string().check(z.maxLength(80)),
    province: z.enum(PROVINCES),
    startDate: isoDate,
    endDate: isoDate,
    /** `config`: scheduled in the kiosk config; `kiosk`: created by staff on the spot. */
    source: z.enum(['config', 'kiosk']),
    createdAt: z.iso.datetime(),
    synced: z.union([z.literal(0), z.literal(1)]),
  })
  .check(
    z.refine((e) => e.endDate >= e.startDate, {
      message: 'the event cannot end before it starts',
      path: ['endDate'],
    }),
  );

export interface EventSetup {
  id: string;
  v: number;
  title: string;
  type: EventType;
  audience: Audience;
  venue: string;
  municipality: string;
  province: Province;
  startDate: string;
  endDate: string;
  source: 'config' | 'kiosk';
  createdAt: string;
  synced: 0 | 1;
}

export const eventSetupType: RecordType<EventSetup> = {
  store: EVENT_STORE,
  version: EVENT_VERSION,
  migrations: {},
  schema: eventSetupSchema as unknown as z.ZodMiniType<EventSetup>,
};
