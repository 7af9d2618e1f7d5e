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

/** English names for the dashboard and for importing English spreadsheets. */
export const EVENT_TYPES_EN: Record<EventType, string> = {
  'installation-workers': 'Interactive installation “Workers”',
  'installation-nobody': 'Interactive installation “NOBODY”',
  'photo-exhibition': 'Photo exhibitions',
  'school-meeting': 'Meetings in secondary schools/universities',
  'project-presentation': 'Project presentation',
  'trafficking-meeting': 'Meetings on trafficking and exploitation',
  'sharing-event': 'Event sharing the project’s actions',
  'inclusion-workshop': 'Workshop on inclusion in work',
  'press-conference': 'Press conferences at local authorities',
  other: 'Other',
};

export const AUDIENCES_EN: Record<Audience, string> = {
  'citizens-students': 'Citizens and students',
  citizens: 'Citizens',
  students: 'Students',
  'local-authorities': 'Local authorities',
  'third-sector': 'Third-sector organisations',
  'religious-youth': 'Young people of religious bodies',
  'partner-operators': 'Staff of partner and implementing bodies',
  'training-bodies': 'Training and employment bodies',
  journalists: 'Journalists',
  other: 'Other',
};

/** Province names as spreadsheets spell them, to their codes. */
export const PROVINCE_NAMES: Record<Exclude<Province, 'other'>, string> = {
  BG: 'Bergamo',
  BS: 'Brescia',
  CR: 'Cremona',
  LC: 'Lecco',
  LO: 'Lodi',
  MN: 'Mantova',
  PV: 'Pavia',
};
