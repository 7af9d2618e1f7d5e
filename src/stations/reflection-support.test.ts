import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../contracts/languages.ts';
import {
  applyKey,
  clampReflection,
  FEELINGS,
  HELPLINE_NUMBER,
  keyboardLayouts,
  mergeWallFeed,
  moderateWall,
  splitHelpline,
  toggleFeeling,
  toWallItem,
  wallItems,
  wallPage,
} from './reflection-support.ts';

const record = (over: Record<string, unknown> = {}) => ({
  id: '0190a000-0000-7000-8000-000000000001',
  status: 'approved',
  disclosure: false,
  text: 'Che il cambiamento inizi da qui',
  language: 'it',
  pictograms: [],
  at: '2025-03-01T10:00:00.000Z',
  ...over,
});

describe('feelings', () => {
  it('are picked and unpicked in the order touched', () => {
    expect(FEELINGS).toHaveLength(8);
    let picked = toggleFeeling([], 'hopeful');
    picked = toggleFeeling(picked, 'sad');
    expect(picked).toEqual(['hopeful', 'sad']);
    expect(toggleFeeling(picked, 'hopeful')).toEqual(['sad']);
  });
});

describe('keyboardLayouts', () => {
  it('starts with the script of the visit language and offers every other one', () => {
    expect(keyboardLayouts('ar')[0]?.id).toBe('arabic');
    expect(keyboardLayouts('ur')[0]?.id).toBe('urdu');
    expect(keyboardLayouts('hi')[0]?.id).toBe('devanagari');
    expect(keyboardLayouts('bn')[0]?.id).toBe('bengali');
    expect(keyboardLayouts('pa')[0]?.id).toBe('gurmukhi');
    expect(keyboardLayouts('zh')[0]?.id).toBe('latin');
    for (const code of LANGUAGE_CODES) expect(keyboardLayouts(code)).toHaveLength(6);
  });

  it('gives the Latin layout the accented letters of the visit language (Italian by default)', () => {
    const keys = (code: (typeof LANGUAGE_CODES)[number]) =>
      keyboardLayouts(code)
        .find((l) => l.id === 'latin')
        ?.layout.default.join(' ')
        .split(' ');
    expect(keys('it')).toEqual(expect.arrayContaining(['à', 'è', 'é', 'ì', 'ò', 'ù']));
    expect(keys('en')).toEqual(expect.arrayContaining(['à', 'è', 'é', 'ì', 'ò', 'ù']));
    expect(keys('ro')).toEqual(expect.arrayContaining(['ș', 'ț', 'ă']));
    expect(keys('es')).toContain('ñ');
    const latin = keyboardLayouts('it').find((l) => l.id === 'latin');
    expect(latin?.layout.shift?.[1]).toBe('Q W E R T Y U I O P È');
  });

  it('writes right-to-left scripts right to left', () => {
    for (const layout of keyboardLayouts('it')) {
      expect(layout.dir).toBe(['arabic', 'urdu'].includes(layout.id) ? 'rtl' : 'ltr');
      expect(layout.layout.default.join(' ')).toContain('{bksp}');
      expect(layout.layout.default.join(' ')).toContain('{space}');
    }
  });
});

describe('applyKey', () => {
  it('inserts at the caret and replaces a selection', () => {
    expect(applyKey('ciao', 4, 4, '!')).toEqual({ text: 'ciao!', caret: 5, limited: false });
    expect(applyKey('ciao', 0, 0, 'è')).toEqual({ text: 'èciao', caret: 1, limited: false });
    expect(applyKey('ciao mondo', 5, 10, 'a')).toEqual({ text: 'ciao a', caret: 6, limited: false });
    expect(applyKey('ciao', 4, 4, '{space}')).toEqual({ text: 'ciao ', caret: 5, limited: false });
  });

  it('deletes one character, a whole emoji, or the selection', () => {
    expect(applyKey('ciao', 4, 4, '{bksp}')).toEqual({ text: 'cia', caret: 3, limited: false });
    expect(applyKey('ok🙂', 4, 4, '{bksp}')).toEqual({ text: 'ok', caret: 2, limited: false });
    expect(applyKey('ciao', 1, 3, '{bksp}')).toEqual({ text: 'co', caret: 1, limited: false });
    expect(applyKey('', 0, 0, '{bksp}')).toEqual({ text: '', caret: 0, limited: false });
  });

  it('refuses to go past the limit but always lets the visitor delete', () => {
    const full = 'a'.repeat(280);
    expect(applyKey(full, 280, 280, 'b')).toEqual({ text: full, caret: 280, limited: true });
    expect(applyKey(full, 280, 280, '{bksp}').text).toHaveLength(279);
    expect(applyKey(full, 0, 1, 'b')).toEqual({ text: `b${'a'.repeat(279)}`, caret: 1, limited: false });
    expect(applyKey('ab', 2, 2, '{shift}')).toEqual({ text: 'ab', caret: 2, limited: false });
  });
});

describe('clampReflection', () => {
  it('cuts to 280 without splitting an emoji', () => {
    expect(clampReflection('x'.repeat(300))).toHaveLength(280);
    expect(clampReflection(`${'x'.repeat(279)}🙂`)).toHaveLength(279);
    expect(clampReflection('breve')).toBe('breve');
  });
});

describe('splitHelpline', () => {
  it('finds the number so it can be drawn left to right in any script', () => {
    expect(splitHelpline('Chiama il 800 290 290: è gratuito')).toEqual({
      before: 'Chiama il ',
      number: HELPLINE_NUMBER,
      after: ': è gratuito',
    });
    expect(splitHelpline('اتصل بالرقم 800 290 290 الآن').number).toBe('800 290 290');
    expect(splitHelpline('senza numero')).toEqual({ before: 'senza numero', number: '', after: '' });
  });
});

describe('the wall', () => {
  it('adds the register’s feed from other kiosks, each reflection once, newest first', () => {
    const local = [
      record({ id: 'a', at: '2025-03-01T10:00:00.000Z' }),
      record({ id: 'b', status: 'hidden' }),
    ];
    const remote = [
      {
        id: 'a',
        at: '2025-03-01T10:00:00.000Z',
        language: 'it',
        text: 'Che il cambiamento inizi da qui',
        pictograms: [],
      },
      {
        id: 'r',
        at: '2025-03-03T10:00:00.000Z',
        language: 'en',
        text: 'Everyone guilty, no one innocent',
        pictograms: [],
      },
      { id: 'x', at: '2025-03-04T10:00:00.000Z', language: 'it', text: '', pictograms: [] },
      'nonsense',
    ];
    const items = mergeWallFeed(local, remote);
    expect(items.map((i) => i.id)).toEqual(['r', 'a']);
    expect(mergeWallFeed(local, remote, 1)).toHaveLength(1);
  });

  it('shows approved reflections only, newest first, never a possible disclosure', () => {
    const items = wallItems([
      record({ id: 'a', at: '2025-03-01T10:00:00.000Z' }),
      record({ id: 'b', at: '2025-03-02T10:00:00.000Z' }),
      record({ id: 'c', status: 'pending' }),
      record({ id: 'd', status: 'hidden' }),
      record({ id: 'e', disclosure: true }),
      record({ id: 'f', text: '', pictograms: ['hopeful', 'nonsense'] }),
      record({ id: 'g', text: '   ', pictograms: [] }),
      null,
      'not a record',
    ]);
    expect(items.map((i) => i.id)).toEqual(['b', 'a', 'f']);
    expect(items[2]?.pictograms).toEqual(['hopeful']);
  });

  it('keeps at most 30 and never trusts stored text to be short or a string', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      record({ id: `r${i}`, at: `2025-03-01T10:${String(i).padStart(2, '0')}:00.000Z` }),
    );
    expect(wallItems(many)).toHaveLength(30);
    expect(toWallItem(record({ text: 'x'.repeat(400) }))?.text).toHaveLength(280);
    expect(toWallItem(record({ text: { html: '<b>' }, pictograms: [] }))).toBeNull();
  });

  it('adds an approval at the front and drops what was hidden or made private', () => {
    const items = wallItems([record({ id: 'a' })]);
    const added = moderateWall(
      items,
      { type: 'reflection-moderated', id: 'n', status: 'approved' },
      record({ id: 'n', text: 'Nuovo' }),
    );
    expect(added.map((i) => i.id)).toEqual(['n', 'a']);
    expect(
      moderateWall(added, { type: 'reflection-moderated', id: 'a', status: 'hidden' }, null).map((i) => i.id),
    ).toEqual(['n']);
    expect(
      moderateWall(added, { type: 'reflection-moderated', id: 'n', status: 'private' }, null).map(
        (i) => i.id,
      ),
    ).toEqual(['a']);
    // An "approved" message for a record that reads like a disclosure still shows nothing.
    expect(
      moderateWall(
        items,
        { type: 'reflection-moderated', id: 'x', status: 'approved' },
        record({ id: 'x', disclosure: true }),
      ).map((i) => i.id),
    ).toEqual(['a']);
    expect(moderateWall(items, { type: 'reflection-added', id: 'z' }, null)).toEqual(items);
  });

  it('turns pages only when there is more than one', () => {
    expect(wallPage(4, 6, 7)).toBe(0);
    expect(wallPage(13, 6, 0)).toBe(0);
    expect(wallPage(13, 6, 4)).toBe(1);
    expect(wallPage(0, 6, 3)).toBe(0);
  });
});
