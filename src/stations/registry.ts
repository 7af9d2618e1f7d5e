// The registry of station roles: which screen name a role shows during a visit (exposed as
// data-screen for tests and the watchdog) and how its element is loaded. Roles load lazily so
// a station ships only its own role's code (the reflection station's word lists and keyboard
// stay out of every other station).

import type { StationRole } from '../contracts/kiosk-config.ts';
import type { LanguageCode } from '../contracts/languages.ts';

/** What the shell expects of a role element: a language, and events when the visit ends. */
export interface StationRoleElement extends HTMLElement {
  language: LanguageCode;
}

export interface RoleEntry {
  screen: string;
  load(): Promise<string>;
}

const reflection = async (): Promise<string> => {
  await import('./reflection-station.ts');
  return 'percorso-reflection';
};

const wall = async (): Promise<string> => {
  await import('./wall-station.ts');
  return 'percorso-wall';
};

const journey = async (): Promise<string> => {
  await import('./journey-station.ts');
  return 'percorso-journey';
};

const infopoint = async (): Promise<string> => {
  await import('./infopoint-station.ts');
  return 'percorso-infopoint';
};

export const ROLES: Readonly<Record<StationRole, RoleEntry>> = {
  journey: { screen: 'journey', load: journey },
  reflection: { screen: 'reflection', load: reflection },
  wall: { screen: 'wall', load: wall },
  infopoint: { screen: 'infopoint', load: infopoint },
};

/** Fired by a role element when the visitor is done; the shell returns to the attract loop. */
export type VisitEndEvent = CustomEvent<{ reason: 'finished' | 'quick-exit' }>;

declare global {
  interface HTMLElementEventMap {
    'pc-visit-end': VisitEndEvent;
  }
}
