// The event editor's checks: every problem on its field, and what the register receives.
import { describe, expect, it } from 'vitest';
import { blankDraft, checkDraft, draftFrom, parsePeople } from './event-form.ts';
import type { RegisterEvent } from './wire.ts';

const filled = {
  ...blankDraft('2025-05-20'),
  title: '  Workers al Festival  ',
  type: 'installation-workers' as const,
  audience: 'citizens-students' as const,
  province: 'PV' as const,
};

describe('the event form', () => {
  it('sends a one-day event with a blank count as "count from the kiosks"', () => {
    expect(checkDraft(filled)).toEqual({
      ok: true,
      input: {
        title: 'Workers al Festival',
        type: 'installation-workers',
        audience: 'citizens-students',
        venue: '',
        municipality: '',
        province: 'PV',
        startDate: '2025-05-20',
        endDate: '2025-05-20',
        peopleReached: null,
        notes: '',
      },
    });
  });

  it('names every field to fix', () => {
    const checked = checkDraft({ ...blankDraft(''), endDate: '2025-05-01', people: 'tanti' });
    expect(checked).toEqual({
      ok: false,
      problems: {
        title: 'titleMissing',
        type: 'chooseMissing',
        audience: 'chooseMissing',
        province: 'chooseMissing',
        startDate: 'dateMissing',
        people: 'peopleInvalid',
      },
    });
    expect(checkDraft({ ...filled, endDate: '2025-05-19' })).toMatchObject({
      ok: false,
      problems: { endDate: 'endBeforeStart' },
    });
  });

  it('reads head counts as staff write them', () => {
    expect(parsePeople('870')).toBe(870);
    expect(parsePeople('3.115')).toBe(3115);
    expect(parsePeople(' 1 234 ')).toBe(1234);
    expect(parsePeople('12,5')).toBeNull();
    expect(parsePeople('-3')).toBeNull();
    expect(parsePeople('1000001')).toBeNull();
  });

  it('opens a stored event as it was written', () => {
    const checked = checkDraft(filled);
    if (!checked.ok) throw new Error('the filled form should pass');
    const event: RegisterEvent = {
      ...checked.input,
      peopleReached: 120,
      endDate: '2025-05-21',
      id: 'e1',
      source: 'dashboard',
      kioskId: null,
      createdAt: '',
      updatedAt: '',
      counted: 120,
      countedFrom: 'staff',
    };
    const draft = draftFrom(event);
    expect(draft).toMatchObject({ people: '120', endDate: '2025-05-21', type: 'installation-workers' });
    expect(checkDraft(draft)).toMatchObject({
      ok: true,
      input: { peopleReached: 120, endDate: '2025-05-21' },
    });
    expect(draftFrom({ ...event, endDate: event.startDate, peopleReached: null })).toMatchObject({
      people: '',
      endDate: '',
    });
  });
});
