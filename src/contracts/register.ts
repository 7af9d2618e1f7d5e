// The events register's vocabulary, shared by the kiosk (event set-up, exports) and the
// register (issue 7): event types and audiences as the network's report names them
// (final report §3.5, "Eventi di sensibilizzazione"), and the provinces it works in.
// Keys are stable ids stored in records; labels are what the report table prints.

export const EVENT_TYPES = {
  'installation-workers': 'Installazione interattiva “Workers”',
  'installation-nobody': 'Installazione interattiva “NOBODY”',
  'photo-exhibition': 'Mostre fotografiche',
  'school-meeting': 'Incontri presso scuole superiori/università',
  'project-presentation': 'Presentazione del progetto',
  'trafficking-meeting': 'Incontri sul tema tratta e sfruttamento',
  'sharing-event': 'Evento di condivisione delle azioni di progetto',
  'inclusion-workshop': 'Incontro-laboratorio per inclusione lavorativa',
  'press-conference': 'Conferenze Stampa presso Enti Locali',
  other: 'Altro',
} as const;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_KEYS = Object.keys(EVENT_TYPES) as EventType[];

export const AUDIENCES = {
  'citizens-students': 'Cittadinanza e studenti',
  citizens: 'Cittadinanza',
  students: 'Studenti',
  'local-authorities': 'Enti Locali',
  'third-sector': 'Enti Terzo Settore',
  'religious-youth': 'Giovani di Enti Religiosi',
  'partner-operators': 'Operatori di Enti Partner ed Enti Attuatori',
  'training-bodies': 'Enti per la Formazione e il Lavoro',
  journalists: 'Giornalisti',
  other: 'Altro',
} as const;
export type Audience = keyof typeof AUDIENCES;
export const AUDIENCE_KEYS = Object.keys(AUDIENCES) as Audience[];

/** The provinces of the network's area (Lombardy), plus "other" for events outside it. */
export const PROVINCES = ['BG', 'BS', 'CR', 'LC', 'LO', 'MN', 'PV', 'other'] as const;
export type Province = (typeof PROVINCES)[number];
