// Shell strings that are also spoken: each key is a line id `shell.<key>` with a clip per
// language in audio/<lang>/shell.<key>.webm (see audio/manifest.json).

export const SHELL_SPOKEN_KEYS = [
  'attract.touch',
  'attract.chooseLanguage',
  'visit.replay',
  'visit.exit',
  'visit.home',
  'visit.intro.workers',
  'visit.intro.nobody',
  'visit.intro.infopoint',
  'visit.intro.reflection',
  'visit.intro.wall',
  'idle.stillThere',
  'idle.touchToContinue',
  'language.name',
  'journey.pause',
  'journey.resume',
  'journey.continue',
  'journey.leave',
  'journey.done',
  'journey.confirm',
  'journey.nextStation',
  'journey.helpline',
  'infopoint.choose',
  'infopoint.home',
  'infopoint.language',
] as const;

export type ShellSpokenKey = (typeof SHELL_SPOKEN_KEYS)[number];
