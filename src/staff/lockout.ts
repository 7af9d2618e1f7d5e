// The staff PIN's lockout: 5 wrong PINs lock the pad for 30 s, each further lockout doubles
// it up to 15 minutes, and a right PIN clears it. Never a permanent lock: staff at a school
// must always get back in. The state is kept in IndexedDB so a reload does not reset it.

export const MAX_ATTEMPTS = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export interface LockoutState {
  /** Wrong PINs since the last lockout (or success). */
  failures: number;
  /** How many lockouts in a row so far: the next one lasts 30 s × 2^lockouts. */
  lockouts: number;
  /** Wall-clock ms until which the pad is locked (0: not locked). */
  lockedUntil: number;
}

export const UNLOCKED: LockoutState = { failures: 0, lockouts: 0, lockedUntil: 0 };

export function lockDuration(lockouts: number): number {
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.max(0, lockouts));
}

/** Milliseconds left on the lock, 0 when the pad may be used. */
export function remainingMs(state: LockoutState, now: number): number {
  // A clock moved back by hours must not stretch a lock beyond its longest possible length.
  return Math.max(0, Math.min(state.lockedUntil - now, MAX_LOCK_MS));
}

export function afterFailure(state: LockoutState, now: number): LockoutState {
  if (remainingMs(state, now) > 0) return state; // no guessing while locked
  const failures = state.failures + 1;
  if (failures < MAX_ATTEMPTS) return { ...state, failures };
  return { failures: 0, lockouts: state.lockouts + 1, lockedUntil: now + lockDuration(state.lockouts) };
}

export const afterSuccess = (): LockoutState => ({ ...UNLOCKED });

export function parseLockout(value: unknown): LockoutState {
  if (!value || typeof value !== 'object') return { ...UNLOCKED };
  const v = value as Partial<LockoutState>;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : 0);
  return { failures: n(v.failures), lockouts: n(v.lockouts), lockedUntil: n(v.lockedUntil) };
}
