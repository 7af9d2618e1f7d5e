// Services handed from the composition root to every station role through @lit/context,
// so roles never reach for globals and tests or a demo mode can provide fakes.
import { createContext } from '@lit/context';
import type { i18n as I18n } from 'i18next';
import type { KioskConfig } from '../contracts/kiosk-config.ts';
import type { Records } from '../records/records.ts';
import type { Speaker } from '../sound/speaker.ts';
import type { StageStats } from '../stage/stage.ts';
import type { SyncUploader } from '../sync/uploader.ts';
import type { StaffAlerts } from './alerts.ts';
import type { Analytics } from './analytics.ts';

export interface StationServices {
  config: KioskConfig;
  i18n: I18n;
  speaker: Speaker;
  analytics: Analytics;
  /**
   * The local records, opened on first use (memoised; retried after a failure). A role that
   * writes must keep the visitor's flow going when this rejects: staff are alerted elsewhere.
   */
  records: () => Promise<Records>;
  /** Things staff must see and visitors must not (failed writes, a filling disk). */
  alerts: StaffAlerts;
  /**
   * The uploader to the events register, once started after the first frame (null while not
   * yet, or when the kiosk config names no register).
   */
  sync?: SyncUploader | null;
  /** The 3D stage's counters once a journey made it (staff health, the watchdog, the soak suite). */
  stageStats?: () => StageStats;
}

export const servicesContext = createContext<StationServices>(Symbol('percorso-services'));
