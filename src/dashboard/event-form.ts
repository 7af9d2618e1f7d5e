// The event editor's rules, apart from its element: what a blank form holds, what an event
// looks like in the form, and what must be fixed before the register is asked. The register
// checks again (src/register/events.ts); these checks only spare staff a round trip and put
// each problem next to its field, in their language.

import {
  AUDIENCE_KEYS,
  type Audience,
  EVENT_TYPE_KEYS,
  type EventType,
  PROVINCES,
  type Province,
} from '../contracts/register.ts';
import { isDay } from './route.ts';
import type { EventInput, IsoDay, RegisterEvent } from './wire.ts';

/** The form's fields as typed: text, and '' for a choice not made yet. */
export interface EventDraft {
  title: string;
  type: EventType | '';
  audience: Audience | '';
  venue: string;
  municipality: string;
  province: Province | '';
  startDate: string;
  /** '' means the same day as the start. */
  endDate: string;
  /** '' lets the kiosks count. */
  people: string;
  notes: string;
}

export type DraftField = keyof EventDraft;
export type DraftProblem =
  | 'titleMissing'
  | 'chooseMissing'
  | 'dateMissing'
  | 'endBeforeStart'
  | 'peopleInvalid';

export const MAX_PEOPLE = 1_000_000;

export const blankDraft = (day: IsoDay): EventDraft => ({
  title: '',
  type: '',
  audience: '',
  venue: '',
  municipality: '',
  province: '',
  startDate: day,
  endDate: '',
  people: '',
  notes: '',
});

export const draftFrom = (event: RegisterEvent): EventDraft => ({
  title: event.title,
  type: event.type,
  audience: event.audience,
  venue: event.venue,
  municipality: event.municipality,
  province: event.province,
  startDate: event.startDate,
  endDate: event.endDate === event.startDate ? '' : event.endDate,
  people: event.peopleReached === null ? '' : String(event.peopleReached),
  notes: event.notes,
});

/** A head count as staff type it: 870, 1.234 or 1 234 (Italian grouping); null when not one. */
export function parsePeople(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,3}(\.\d{3})+$|^\d+$/.test(compact)) return null;
  const n = Number(compact.replace(/\./g, ''));
  return n <= MAX_PEOPLE ? n : null;
}

/** The event to send, or what is wrong with each field (in the form's order). */
export function checkDraft(
  draft: EventDraft,
): { ok: true; input: EventInput } | { ok: false; problems: Partial<Record<DraftField, DraftProblem>> } {
  const problems: Partial<Record<DraftField, DraftProblem>> = {};
  if (!draft.title.trim()) problems.title = 'titleMissing';
  if (!EVENT_TYPE_KEYS.includes(draft.type as EventType)) problems.type = 'chooseMissing';
  if (!AUDIENCE_KEYS.includes(draft.audience as Audience)) problems.audience = 'chooseMissing';
  if (!PROVINCES.includes(draft.province as Province)) problems.province = 'chooseMissing';
  if (!isDay(draft.startDate)) problems.startDate = 'dateMissing';
  const end = draft.endDate.trim() === '' ? draft.startDate : draft.endDate;
  if (draft.endDate.trim() !== '' && !isDay(draft.endDate)) problems.endDate = 'dateMissing';
  else if (isDay(draft.startDate) && end < draft.startDate) problems.endDate = 'endBeforeStart';
  const people = draft.people.trim() === '' ? null : parsePeople(draft.people);
  if (draft.people.trim() !== '' && people === null) problems.people = 'peopleInvalid';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      title: draft.title.trim(),
      type: draft.type as EventType,
      audience: draft.audience as Audience,
      venue: draft.venue.trim(),
      municipality: draft.municipality.trim(),
      province: draft.province as Province,
      startDate: draft.startDate,
      endDate: end,
      peopleReached: people,
      notes: draft.notes.trim(),
    },
  };
}
