// Screening of a visitor's reflection before it is stored: words from public word lists (flags
// shown to staff, never to visitors) and phrases that read like a disclosure ("this is happening
// to me"), which send the reflection to the private staff queue and offer the helpline.
// Pure: no DOM, no storage. Every list is checked whatever language the visitor chose, because
// visitors write in any language; matching is on normalised text, by whole words for scripts with
// spaces (so "classe" never matches "ass") and by substring for Chinese.

import ar from 'naughty-words/ar.json';
import en from 'naughty-words/en.json';
import es from 'naughty-words/es.json';
import fr from 'naughty-words/fr.json';
import hi from 'naughty-words/hi.json';
import it from 'naughty-words/it.json';
import pt from 'naughty-words/pt.json';
import zh from 'naughty-words/zh.json';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { DISCLOSURE_PHRASES } from './disclosure-phrases.ts';

export interface Screening {
  /** Word-list entries found in the text (at most MAX_FLAGS), for staff. */
  flags: string[];
  /** Reads like the writer is being exploited now: private queue, helpline offered. */
  disclosure: boolean;
}

/** The records schema keeps at most this many flags per reflection. */
export const MAX_FLAGS = 20;

// ── normalisation ────────────────────────────────────────────────────────────

/** Combining marks of Latin letters (accents), Arabic vowel marks, tatweel, Indic nuktas. */
const STRIPPED_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u0640\u093c\u09bc\u0a3c]/g;

/** Arabic-script letters written in several ways (Arabic, Urdu and Persian keyboards). */
const LETTER_VARIANTS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ے: 'ي',
  ۓ: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ک: 'ك',
  ة: 'ه',
  ۃ: 'ه',
  ہ: 'ه',
  ھ: 'ه',
  '’': "'",
};
const VARIANT_PATTERN = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'g');
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * Letter-level folding: compatibility forms, lower case, no accents on Latin letters, Arabic
 * vowel marks and letter variants unified, Eastern Arabic digits as 0–9. Leaves punctuation.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(STRIPPED_MARKS, '')
    .normalize('NFC')
    .replace(VARIANT_PATTERN, (c) => LETTER_VARIANTS[c] ?? c)
    .replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Folded text with everything that is not a letter, mark or digit as one space, trimmed. */
export function normalise(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

// ── word lists ───────────────────────────────────────────────────────────────

/**
 * Entries of the public lists that are everyday words in this installation's setting (a cow in
 * the milking scene, "con" is Italian for "with", 性 is part of 女性 "women"): checking them would
 * flag ordinary reflections. Folded forms.
 */
const EVERYDAY = new Set([
  // it
  'cadavere',
  'pesce',
  'regina',
  'battere',
  'tirare',
  'monta',
  'montare',
  'pompa',
  'biga',
  'quaglia',
  'cozza',
  'fava',
  'vacca',
  'bagnarsi',
  'sbattere',
  'sbattersi',
  'spagnola',
  'nave scuola',
  'zio cantante',
  'porca',
  'porco',
  'porca miseria',
  'mannaggia',
  'vangare',
  'balle',
  'pisello',
  'patacca',
  // en
  'sexual',
  'sexually',
  'sexuality',
  'domination',
  'xx',
  'tied up',
  // fr (and words of other languages spelled the same)
  'con',
  'folle',
  'bite',
  'baiser',
  'jouir',
  'gerbe',
  // es
  'asesinato',
  'drogas',
  'infierno',
  'martillo',
  'racista',
  'trio',
  'prostituta',
  'idiota',
  // pt
  'aborto',
  'amador',
  'aranha',
  'ariano',
  'bissexual',
  'burro',
  'cerveja',
  'comer',
  'inferno',
  'mama',
  'saco',
  'torneira',
  'heterosexual',
  'homosexual',
  'homem gay',
  'lesbica',
  'frango assado',
  'consolo',
  'pau',
  'pinto',
  'gozar',
  'chupar',
  'passar um cheque',
  'camisinha',
  'cocaina',
  'heroina',
  // hi (romanised)
  'maal',
  'pataka',
  'patakha',
  'najayaz',
  // ar
  'مبادل',
  'بيضان',
  // zh
  '13.',
  '性',
  '奶',
  '乳',
  '卵',
  '成人',
  '激情',
  '祖宗',
  '老二',
  '九游',
  '私服',
  '刚度',
  '月经',
  '你老闆',
  '处女',
]);

interface WordList {
  /** Whole-word entries, normalised, each padded with one space on both sides. */
  words: { entry: string; padded: string }[];
  /** Chinese entries, matched as substrings of the folded text. */
  substrings: string[];
}

function buildList(): WordList {
  const words = new Map<string, string>();
  const substrings = new Set<string>();
  for (const raw of [...it, ...en, ...fr, ...es, ...pt, ...ar, ...hi, ...zh]) {
    const folded = fold(raw).trim();
    if (EVERYDAY.has(folded)) continue;
    if (HAN.test(folded)) {
      substrings.add(folded);
      continue;
    }
    const entry = normalise(raw);
    if (entry.length > 0) words.set(entry, ` ${entry} `);
  }
  return {
    words: [...words].map(([entry, padded]) => ({ entry, padded })),
    substrings: [...substrings],
  };
}

let list: WordList | undefined;
let matcher: RegExpMatcher | undefined;

/** English profanity with obscenity's leetspeak and look-alike handling. */
function englishMatcher(): RegExpMatcher {
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return matcher;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Word-list entries found in `text`. */
export function findFlags(text: string, language: string): string[] {
  list ??= buildList();
  const found = new Set<string>();
  const padded = ` ${normalise(text)} `;
  const folded = fold(text);
  for (const { entry, padded: needle } of list.words) if (padded.includes(needle)) found.add(entry);
  for (const entry of list.substrings) if (folded.includes(entry)) found.add(entry);
  // obscenity matches inside words on purpose ("fucking", "shitty"); that suits English text,
  // but in other languages only whole words count: Italian "analisi" and "penisola" are innocent.
  const english = language === 'en' || language === 'pcm';
  for (const match of englishMatcher().getAllMatches(text)) {
    const whole =
      !LETTER_OR_DIGIT.test(text[match.startIndex - 1] ?? '') &&
      !LETTER_OR_DIGIT.test(text[match.endIndex + 1] ?? '');
    if (!english && !whole) continue;
    const word = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord;
    if (word) found.add(word);
  }
  return [...found].slice(0, MAX_FLAGS).map((flag) => flag.slice(0, 64));
}

// ── disclosure ───────────────────────────────────────────────────────────────

/** One expression per language: its phrases, between word boundaries (none around Chinese). */
function compileDisclosure(): { language: string; pattern: RegExp }[] {
  return Object.entries(DISCLOSURE_PHRASES).map(([language, phrases]) => {
    const bounded = phrases.filter((p) => !HAN.test(p)).map(fold);
    const unbounded = phrases.filter((p) => HAN.test(p)).map(fold);
    const parts = [
      bounded.length ? `(?<!${WORD_CHAR})(?:${bounded.join('|')})(?!${WORD_CHAR})` : '',
      unbounded.length ? `(?:${unbounded.join('|')})` : '',
    ].filter(Boolean);
    return { language, pattern: new RegExp(parts.join('|'), 'u') };
  });
}

let disclosure: { language: string; pattern: RegExp }[] | undefined;

/** The first disclosure phrase found in `text`, in any language, or null. */
export function findDisclosure(text: string): { language: string; match: string } | null {
  disclosure ??= compileDisclosure();
  const normalised = normalise(text);
  for (const { language, pattern } of disclosure) {
    const match = pattern.exec(normalised);
    if (match) return { language, match: match[0] };
  }
  return null;
}

/** Screens a reflection: word-list flags and whether it reads like a disclosure. */
export function screenReflection(text: string, language: string): Screening {
  if (text.trim().length === 0) return { flags: [], disclosure: false };
  return { flags: findFlags(text, language), disclosure: findDisclosure(text) !== null };
}
