// The dashboard restates the register's answers (wire.ts) because the register's modules are
// Node code. These checks fail to compile, and so fail `npm run typecheck`, when the two drift.

import { describe, expect, expectTypeOf, it } from 'vitest';
import { MODERATION_STATUSES as RECORD_STATUSES } from '../records/reflection.ts';
import type * as Register from '../register/events.ts';
import type { ImportResult as RegisterImportResult } from '../register/import.ts';
import type { KioskStatus, Enrolled as RegisterEnrolled } from '../register/kiosks.ts';
import type { RegisterReflection } from '../register/reflections.ts';
import type * as Wire from './wire.ts';
import { MODERATION_STATUSES } from './wire.ts';

describe('the dashboard’s wire types', () => {
  it('read everything the register answers', () => {
    expectTypeOf<Register.RegisterEvent>().toExtend<Wire.RegisterEvent>();
    expectTypeOf<Register.Report>().toExtend<Wire.Report>();
    expectTypeOf<Register.TotalsRow>().toExtend<Wire.TotalsRow>();
    expectTypeOf<Register.StationTotals>().toExtend<Wire.StationTotals>();
    expectTypeOf<KioskStatus>().toExtend<Wire.Kiosk>();
    expectTypeOf<RegisterEnrolled>().toExtend<Wire.Enrolled>();
    expectTypeOf<RegisterReflection>().toExtend<Wire.Reflection>();
    expectTypeOf<RegisterImportResult>().toExtend<Wire.ImportResult>();
  });

  it('send events the register accepts', () => {
    expectTypeOf<Wire.EventInput>().toExtend<Register.EventInput>();
    expectTypeOf<Register.EventInput>().toExtend<Wire.EventInput>();
  });

  it('know the same moderation statuses as the kiosks', () => {
    expectTypeOf<Wire.ModerationStatus>().toEqualTypeOf<(typeof RECORD_STATUSES)[number]>();
    expect([...MODERATION_STATUSES]).toEqual([...RECORD_STATUSES]);
  });
});
