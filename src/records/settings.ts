// Settings and bookkeeping, one record per key: the device id, the last sequence number, the
// current event, the staff PIN lockout, whether persistent storage was granted.

import * as z from 'zod/mini';
import type { RecordType } from './migrate.ts';

export const SETTINGS_STORE = 'settings';
export const SETTINGS_VERSION = 1;

export const SETTING_KEYS = {
  device: 'device',
  seq: 'seq',
  currentEvent: 'currentEvent',
  lockout: 'lockout',
  persistence: 'persistence',
  /**
   * Sync (src/sync/): every appended record numbered up to this has been acknowledged by the
   * register, except the ones the register refused, listed in `syncRejected`.
   */
  syncedThrough: 'syncedThrough',
  syncRejected: 'syncRejected',
  registerToken: 'registerToken',
  syncLastSuccess: 'syncLastSuccess',
} as const;

export const settingSchema = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(64)),
  v: z.int(),
  value: z.unknown(),
});

export interface Setting<T = unknown> {
  key: string;
  v: number;
  value: T;
}

export const settingType: RecordType<Setting> = {
  store: SETTINGS_STORE,
  version: SETTINGS_VERSION,
  migrations: {},
  schema: settingSchema as unknown as z.ZodMiniType<Setting>,
};
