// What can go wrong with browser storage, named so staff can act on it, and a timeout so a
// wedged IndexedDB (seen on kiosks after a disk error) never hangs the station.

export type StorageFailureKind = 'quota' | 'aborted' | 'timeout' | 'invalid' | 'unavailable' | 'unknown';

export class StorageFailure extends Error {
  override name = 'StorageFailure';
  constructor(
    readonly kind: StorageFailureKind,
    readonly operation: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation}: ${message}`, options);
  }
}

/** Default time a storage call may take before the station stops waiting for it. */
export const STORAGE_TIMEOUT_MS = 8000;

/** Sorts whatever IndexedDB threw into a kind staff can act on. */
export function classifyStorageError(operation: string, thrown: unknown): StorageFailure {
  if (thrown instanceof StorageFailure) return thrown;
  const name = (thrown as { name?: string } | null)?.name ?? '';
  const message = (thrown as { message?: string } | null)?.message ?? String(thrown);
  // An aborted transaction often carries the real reason (a full disk) on transaction.error.
  const inner = (thrown as { target?: { error?: { name?: string } } } | null)?.target?.error?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError' || /quota/i.test(message)) {
    return new StorageFailure('quota', operation, 'storage is full', { cause: thrown });
  }
  if (name === 'AbortError')
    return new StorageFailure('aborted', operation, message || 'transaction aborted', { cause: thrown });
  if (
    name === 'ConstraintError' ||
    name === 'DataError' ||
    name === 'MigrationError' ||
    name === 'ZodError'
  ) {
    return new StorageFailure('invalid', operation, message, { cause: thrown });
  }
  if (
    name === 'InvalidStateError' ||
    name === 'UnknownError' ||
    name === 'NotFoundError' ||
    name === 'SecurityError'
  ) {
    return new StorageFailure('unavailable', operation, message, { cause: thrown });
  }
  return new StorageFailure('unknown', operation, message, { cause: thrown });
}

/** Rejects with a `timeout` StorageFailure when `promise` has not settled within `ms`. */
export function withTimeout<T>(operation: string, promise: Promise<T>, ms = STORAGE_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StorageFailure('timeout', operation, `no answer from storage within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
