// Services handed from the composition root to every station role through @lit/context,
// so roles never reach for globals and tests or a demo mode can provide fakes.
import { createContext } from '@lit/context';
import type { i18n as I18n } from 'i18next';
import type { KioskConfig } from '../contracts/kiosk-config.ts';
import type { Speaker } from '../sound/speaker.ts';
import type { Analytics } from './analytics.ts';

export interface StationServices {
  config: KioskConfig;
  i18n: I18n;
  speaker: Speaker;
  analytics: Analytics;
}

export const servicesContext = createContext<StationServices>(Symbol('percorso-services'));
