// Pure helpers of the reflection and wall stations, kept apart so they are unit-tested: the
// feeling pictograms, the on-screen keyboard layouts per script, editing the text at the caret
// within the length limit, where the helpline number sits in a sentence, and which reflections a
// wall shows (approved, never a possible disclosure, newest first).

import type { LanguageCode } from '../contracts/languages.ts';
import type { RecordsMessage } from '../records/broadcast.ts';
import { MAX_REFLECTION_CHARS } from '../records/reflection.ts';

// ── feelings ─────────────────────────────────────────────────────────────────

/** Feeling pictograms a visitor can pick instead of (or as well as) writing. Stored by id. */
export const FEELINGS = [
  'sad',
  'angry',
  'surprised',
  'thoughtful',
  'hopeful',
  'grateful',
  'ashamed',
  'determined',
] as const;
export type FeelingId = (typeof FEELINGS)[number];

export function isFeeling(value: unknown): value is FeelingId {
  return typeof value === 'string' && (FEELINGS as readonly string[]).includes(value);
}

/** Picks or unpicks a feeling, keeping the order in which they were picked. */
export function toggleFeeling(picked: readonly FeelingId[], feeling: FeelingId): FeelingId[] {
  return picked.includes(feeling) ? picked.filter((f) => f !== feeling) : [...picked, feeling];
}

// ── keyboard layouts ─────────────────────────────────────────────────────────

export type KeyboardLayoutId = 'latin' | 'arabic' | 'urdu' | 'devanagari' | 'bengali' | 'gurmukhi';

export interface KeyboardLayout {
  id: KeyboardLayoutId;
  /** What the layout switch shows for this layout: a few letters of its script. */
  name: string;
  /** The language whose font and direction the keys take. */
  lang: LanguageCode;
  dir: 'ltr' | 'rtl';
  /** simple-keyboard rows: keys separated by spaces; {bksp}, {shift} and {space} are special. */
  layout: { default: string[]; shift?: string[] };
}

/** Letters a Latin-script language needs beyond a–z, shown on the Latin layout (at most 6). */
const LATIN_EXTRAS: Partial<Record<LanguageCode, string[]>> = {
  it: ['è', 'ò', 'à', 'ù', 'ì', 'é'],
  fr: ['é', 'è', 'à', 'ç', 'ê', 'ù'],
  es: ['ñ', 'á', 'é', 'í', 'ó', 'ú'],
  'pt-BR': ['ã', 'õ', 'ç', 'á', 'é', 'ê'],
  ro: ['ă', 'â', 'î', 'ș', 'ț'],
  sq: ['ë', 'ç'],
  wo: ['ñ', 'ë', 'à', 'é', 'ó', 'ŋ'],
};

function latinLayout(language: LanguageCode): KeyboardLayout {
  // The station stands in Italy: Italian accents unless the visit's language needs others.
  const extras = LATIN_EXTRAS[language] ?? LATIN_EXTRAS.it ?? [];
  const [e1 = '', e2 = '', e3 = '', e4 = '', e5 = '', e6 = ''] = extras;
  const rows = [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    `q w e r t y u i o p ${e1}`,
    `a s d f g h j k l ${e2} ${e3} ${e4}`,
    `{shift} z x c v b n m ${e5} ${e6}`,
    ", . ' ? ! {space} -",
  ].map((row) => row.replace(/\s+/g, ' ').trim());
  const upper = (row: string) =>
    row
      .split(' ')
      .map((key) => (key.startsWith('{') ? key : key.toLocaleUpperCase(language)))
      .join(' ');
  return {
    id: 'latin',
    name: 'abc',
    lang: LATIN_EXTRAS[language] ? language : 'it',
    dir: 'ltr',
    layout: { default: rows, shift: rows.map(upper) },
  };
}

const SCRIPT_LAYOUTS: Record<Exclude<KeyboardLayoutId, 'latin'>, KeyboardLayout> = {
  arabic: {
    id: 'arabic',
    name: 'أ ب ت',
    lang: 'ar',
    dir: 'rtl',
    layout: {
      default: [
        'ا ب ت ث ج ح خ د ذ ر {bksp}',
        'ز س ش ص ض ط ظ ع غ ف',
        'ق ك ل م ن ه و ي ة ى',
        'ء أ إ آ ؤ ئ لا',
        '، . ؟ ! {space}',
      ],
    },
  },
  urdu: {
    id: 'urdu',
    name: 'ا ب پ',
    lang: 'ur',
    dir: 'rtl',
    layout: {
      default: [
        'ا ب پ ت ٹ ث ج چ ح خ {bksp}',
        'د ڈ ذ ر ڑ ز ژ س ش ص ض',
        'ط ظ ع غ ف ق ک گ ل م ن',
        'ں و ہ ھ ء ی ے آ ئ ؤ',
        '، ۔ ؟ ! {space}',
      ],
    },
  },
  devanagari: {
    id: 'devanagari',
    name: 'क ख ग',
    lang: 'hi',
    dir: 'ltr',
    layout: {
      default: [
        'अ आ इ ई उ ऊ ए ऐ ओ औ {bksp}',
        'क ख ग घ ङ च छ ज झ ञ',
        'ट ठ ड ढ ण त थ द ध न',
        'प फ ब भ म य र ल व श ष स ह',
        'ा ि ी ु ू ृ े ै ो ौ ं ँ ् ़',
        '। , ? ! {space}',
      ],
    },
  },
  bengali: {
    id: 'bengali',
    name: 'ক খ গ',
    lang: 'bn',
    dir: 'ltr',
    layout: {
      default: [
        'অ আ ই ঈ উ ঊ ঋ এ ঐ ও ঔ {bksp}',
        'ক খ গ ঘ ঙ চ ছ জ ঝ ঞ',
        'ট ঠ ড ঢ ণ ত থ দ ধ ন',
        'প ফ ব ভ ম য র ল শ ষ স হ',
        'া ি ী ু ূ ৃ ে ৈ ো ৌ ং ঃ ঁ ্',
        'ড় ঢ় য় ৎ । , ? ! {space}',
      ],
    },
  },
  gurmukhi: {
    id: 'gurmukhi',
    name: 'ਕ ਖ ਗ',
    lang: 'pa',
    dir: 'ltr',
    layout: {
      default: [
        'ਅ ਆ ਇ ਈ ਉ ਊ ਏ ਐ ਓ ਔ {bksp}',
        'ਕ ਖ ਗ ਘ ਙ ਚ ਛ ਜ ਝ ਞ',
        'ਟ ਠ ਡ ਢ ਣ ਤ ਥ ਦ ਧ ਨ',
        'ਪ ਫ ਬ ਭ ਮ ਯ ਰ ਲ ਵ ਸ ਹ ੜ',
        'ਾ ਿ ੀ ੁ ੂ ੇ ੈ ੋ ੌ ੰ ਂ ੱ ਼ ੍',
        '। , ? ! {space}',
      ],
    },
  },
};

/** The layouts a visit's language starts with; the switch then offers every other script too. */
const FIRST_LAYOUTS: Partial<Record<LanguageCode, KeyboardLayoutId[]>> = {
  ar: ['arabic', 'latin'],
  ary: ['arabic', 'latin'], // Darija is often written in Latin letters and digits (Arabizi)
  ur: ['urdu', 'latin'],
  hi: ['devanagari', 'latin'],
  bn: ['bengali', 'latin'],
  pa: ['gurmukhi', 'urdu', 'latin'], // Gurmukhi in India, Shahmukhi (Urdu letters) in Pakistan
};

const ALL_LAYOUTS: KeyboardLayoutId[] = ['latin', 'arabic', 'urdu', 'devanagari', 'bengali', 'gurmukhi'];

/** Every layout, the visit language's own first (Chinese visitors get Latin letters: pinyin). */
export function keyboardLayouts(language: LanguageCode): KeyboardLayout[] {
  const first = FIRST_LAYOUTS[language] ?? ['latin'];
  const order = [...first, ...ALL_LAYOUTS.filter((id) => !first.includes(id))];
  return order.map((id) => (id === 'latin' ? latinLayout(language) : SCRIPT_LAYOUTS[id]));
}

// ── editing ──────────────────────────────────────────────────────────────────

export interface Edit {
  text: string;
  caret: number;
  /** The key was refused because the text would exceed the limit. */
  limited: boolean;
}

/** Cuts text to the limit without splitting a surrogate pair. */
export function clampReflection(text: string, max = MAX_REFLECTION_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Applies an on-screen key at the caret (or over the selection `start`–`end`). Insertions that
 * would make the text longer than `max` are refused; deleting is always possible.
 */
export function applyKey(
  text: string,
  start: number,
  end: number,
  key: string,
  max = MAX_REFLECTION_CHARS,
): Edit {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  if (key === '{bksp}') {
    if (from !== to) return { text: text.slice(0, from) + text.slice(to), caret: from, limited: false };
    if (from === 0) return { text, caret: 0, limited: false };
    const width = /[\udc00-\udfff]/.test(text[from - 1] ?? '') && from > 1 ? 2 : 1;
    return { text: text.slice(0, from - width) + text.slice(from), caret: from - width, limited: false };
  }
  if (key.startsWith('{') && key !== '{space}') return { text, caret: to, limited: false };
  const insert = key === '{space}' ? ' ' : key;
  if (text.length - (to - from) + insert.length > max) return { text, caret: to, limited: true };
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length, limited: false };
}

// ── helpline ─────────────────────────────────────────────────────────────────

/** The national anti-trafficking helpline: Latin digits in every language. */
export const HELPLINE_NUMBER = '800 290 290';

/**
 * Splits a sentence around the helpline number so it can be drawn as one left-to-right unit
 * (in Arabic or Urdu the three groups would otherwise be laid out right to left).
 */
export function splitHelpline(text: string): { before: string; number: string; after: string } {
  const at = text.indexOf(HELPLINE_NUMBER);
  if (at < 0) return { before: text, number: '', after: '' };
  return {
    before: text.slice(0, at),
    number: HELPLINE_NUMBER,
    after: text.slice(at + HELPLINE_NUMBER.length),
  };
}

// ── wall ─────────────────────────────────────────────────────────────────────

/** The most reflections a wall keeps on screen. */
export const WALL_MAX = 30;

export interface WallItem {
  id: string;
  text: string;
  language: string;
  pictograms: FeelingId[];
  at: string;
}

/**
 * A stored reflection as the wall may show it, or null. Records come from storage, so every
 * field is checked here: only approved ones, never a possible disclosure, text as a string.
 */
export function toWallItem(record: unknown): WallItem | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as Record<string, unknown>;
  if (r.status !== 'approved' || r.disclosure !== false || typeof r.id !== 'string') return null;
  const text = typeof r.text === 'string' ? clampReflection(r.text.trim()) : '';
  const pictograms = Array.isArray(r.pictograms) ? r.pictograms.filter(isFeeling) : [];
  if (!text && pictograms.length === 0) return null;
  return {
    id: r.id,
    text,
    language: typeof r.language === 'string' ? r.language : 'it',
    pictograms,
    at: typeof r.at === 'string' ? r.at : '',
  };
}

const newestFirst = (a: WallItem, b: WallItem) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

/** What a wall shows from a list of stored reflections: approved ones, newest first. */
export function wallItems(records: readonly unknown[], max = WALL_MAX): WallItem[] {
  return records
    .map(toWallItem)
    .filter((item): item is WallItem => item !== null)
    .sort(newestFirst)
    .slice(0, max);
}

/**
 * This wall's items with the register's feed (approved reflections from every kiosk, already
 * screened there: `GET /api/v1/walls/reflections`), each once, newest first. The feed's items
 * pass the same checks as local records.
 */
export function mergeWallFeed(
  local: readonly unknown[],
  remote: readonly unknown[],
  max = WALL_MAX,
): WallItem[] {
  const seen = new Set<string>();
  const merged: WallItem[] = [];
  const remoteRecords = remote.map((item) =>
    typeof item === 'object' && item !== null ? { ...item, status: 'approved', disclosure: false } : null,
  );
  for (const item of wallItems([...local, ...remoteRecords], Number.POSITIVE_INFINITY)) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    merged.push(item);
  }
  return merged.slice(0, max);
}

/**
 * The wall after a moderation message: an approved reflection (`record`, read by the receiver)
 * comes first; one hidden, made private or sent back to pending leaves.
 */
export function moderateWall(
  items: readonly WallItem[],
  message: RecordsMessage,
  record: unknown,
  max = WALL_MAX,
): WallItem[] {
  if (message.type !== 'reflection-moderated') return [...items];
  const others = items.filter((item) => item.id !== message.id);
  const item = message.status === 'approved' ? toWallItem(record) : null;
  return item ? [item, ...others].slice(0, max) : others;
}

/** Pages of the wall: how many cards a projector shows at once, and which page is on. */
export function wallPage(count: number, perPage: number, tick: number): number {
  const pages = Math.max(1, Math.ceil(count / perPage));
  return ((tick % pages) + pages) % pages;
}
