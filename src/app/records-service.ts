// The records service as the shell uses it: opened on first use (never on the attract loop's
// critical path), persistence asked for once, every failed write turned into a staff alert.

import type { KioskConfig } from '../contracts/kiosk-config.ts';
import type { Records } from '../records/records.ts';
import { SETTING_KEYS } from '../records/settings.ts';
import type { StorageFailure } from '../records/storage-errors.ts';
import { readStorageState, requestPersistence } from '../records/storage-watch.ts';
import type { StaffAlerts } from './alerts.ts';

/** How often the shell looks at storage use, besides after every failed write. */
export const STORAGE_CHECK_MS = 5 * 60_000;

export function describeFailure(failure: StorageFailure): { it: string; en: string } {
  switch (failure.kind) {
    case 'quota':
      return {
        it: 'Memoria piena: gli ultimi dati non sono stati salvati. Esporta o sincronizza, poi libera spazio.',
        en: 'Storage is full: the latest records were not saved. Export or sync, then free space.',
      };
    case 'timeout':
      return {
        it: 'La memoria non risponde: ricarica la postazione. I dati già salvati restano.',
        en: 'Storage does not answer: reload the station. Records already saved are kept.',
      };
    default:
      return {
        it: `Salvataggio non riuscito (${failure.kind}): ${failure.message}`,
        en: `A record could not be saved (${failure.kind}): ${failure.message}`,
      };
  }
}

export function createRecordsService(
  config: KioskConfig,
  alerts: StaffAlerts,
  open: (onFailure: (f: StorageFailure) => void) => Promise<Records> = async (onFailure) => {
    const { Records: RecordsClass } = await import('../records/records.ts');
    return RecordsClass.open({ station: config.station.id, onFailure });
  },
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): { records: () => Promise<Records>; checkStorage: () => Promise<void> } {
  let opening: Promise<Records> | undefined;
  const checkStorage = async () => {
    const state = await readStorageState(storage).catch(() => null);
    if (!state) return;
    if (state.high) {
      const percent = Math.round(state.ratio * 100);
      alerts.raise('storage-high', {
        it: `Memoria al ${percent}%: esporta o sincronizza i dati e libera spazio.`,
        en: `Storage is ${percent}% full: export or sync the records and free space.`,
      });
    } else alerts.clear('storage-high');
  };
  const onFailure = (failure: StorageFailure) => {
    alerts.raise('storage-failed', describeFailure(failure));
    void checkStorage();
  };
  const records = () => {
    opening ??= open(onFailure).then(
      (opened) => {
        alerts.clear('storage-unavailable');
        void requestPersistence(
          storage,
          () => opened.setting(SETTING_KEYS.persistence),
          (value) => opened.setSetting(SETTING_KEYS.persistence, value),
        ).catch(() => null);
        return opened;
      },
      (error: unknown) => {
        opening = undefined; // the next use tries again
        alerts.raise('storage-unavailable', {
          it: `Archivio locale non disponibile: ${(error as Error).message}. Ricarica la postazione.`,
          en: `Local storage unavailable: ${(error as Error).message}. Reload the station.`,
        });
        throw error;
      },
    );
    return opening;
  };
  return { records, checkStorage };
}
