// How full the browser's storage is, and whether it survives eviction: asked at first boot
// and watched, so staff hear about a full disk before a write fails.

export const STORAGE_WARN_RATIO = 0.8;

export interface StorageState {
  usage: number;
  quota: number;
  ratio: number;
  high: boolean;
  persisted: boolean | null;
}

export interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

export async function readStorageState(
  storage: StorageManagerLike | undefined,
): Promise<StorageState | null> {
  if (!storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await storage.estimate();
  const ratio = quota > 0 ? usage / quota : 0;
  const persisted = storage.persisted ? await storage.persisted().catch(() => null) : null;
  return { usage, quota, ratio, high: ratio >= STORAGE_WARN_RATIO, persisted };
}

/**
 * Asks once per profile for persistent storage (Chromium grants it to installed or engaged
 * sites; a kiosk with a persistent profile usually qualifies). `asked` and `remember` keep
 * the answer in the settings store so later boots do not ask again.
 */
export async function requestPersistence(
  storage: StorageManagerLike | undefined,
  asked: () => Promise<unknown>,
  remember: (value: { granted: boolean; at: string }) => Promise<void>,
  now: () => number = Date.now,
): Promise<boolean | null> {
  if (!storage?.persist) return null;
  const before = await asked();
  if (before && typeof before === 'object' && 'granted' in before) {
    // Asked before: only look, unless it was refused then and might be granted now.
    if ((before as { granted: boolean }).granted) return true;
  }
  const granted = (await storage.persisted?.()) || (await storage.persist());
  await remember({ granted, at: new Date(now()).toISOString() });
  return granted;
}

export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
};
