import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../contracts/languages.ts';
import { DISCLOSURE_PHRASES } from './disclosure-phrases.ts';
import { findDisclosure, fold, MAX_FLAGS, normalise, screenReflection } from './screening.ts';

/** Reflections visitors left after "Workers" (final report, §3.5) and others like them. */
const ORDINARY: [string, string][] = [
  ['it', 'Tutti colpevoli, nessuno innocente'],
  ['it', 'La difesa dei diritti di tutti spetta a noi tutti'],
  ['it', 'Per imparare a guardare con altri occhi, grazie!'],
  ['it', 'Bellissima esperienza. Nodo alla gola. Emozionanti postazioni'],
  [
    'it',
    'Installazione, tanti spunti di riflessione ed emozioni forti. Basta sfruttamento, basta capitalismo!',
  ],
  ['it', 'Che il cambiamento inizi da qui'],
  ['it', 'Attuale schiavitù anche nel nostro paese'],
  [
    'it',
    'Grazie di questo viaggio spiazzante e doloroso. Auguro di riuscire davvero a riscrivere la storia di queste persone e di imparare a vederci come esseri umani',
  ],
  ['it', 'Siamo per sempre coinvolti...'],
  ['it', 'Quando un uomo ti dice di essere diventato ricco grazie al duro lavoro, chiedigli: "Di chi?"'],
  ['it', 'Certi esseri umani non sanno gestire il potere, lo sfruttamento verrà cancellato'],
  ['it', 'Lo considero un mio fallimento! Nonostante acquisti prodotti verificati, fa schifo tutto questo'],
  ['it', 'Tutti siamo sfruttati e inconsapevolmente sfruttiamo'],
  ['it', 'Il lavoro deve dare dignità, non toglierla'],
  ['it', 'Più comunicazione, più informazione'],
  ['it', "C'è sempre tempo per fare la differenza, anche per lo sfruttamento lavorativo"],
  [
    'it',
    'Spesso molte cose sono ingiuste, ma per cambiare le cose ci vuole un primo passo. Questo può avvenire da te',
  ],
  ['it', 'Mi ha tolto il fiato. Non posso smettere di pensarci.'],
  ['it', 'Potrebbe succedere anche a me, a chiunque. Questa esperienza mi obbliga a riflettere.'],
  ['it', 'Ci vuole l’aiuto di tutti: chi vede deve parlare'],
  ['it', 'I lavoratori sono sfruttati e il caporale ha tolto i documenti a tutti'],
  ['en', "I can't stop thinking about it. We owe them dignity."],
  ['en', 'This helped me understand how little choice they have. I am afraid of the future.'],
  ['en', 'I was made to think about what I buy. Thank you!'],
  ['fr', "J'ai peur du monde qu'on construit. Je ne peux pas arrêter d'y penser."],
  ['fr', 'Je suis obligé de reconnaître que je ne savais rien. Merci.'],
  ['es', 'Esta experiencia me obliga a reflexionar. Gracias.'],
  ['pt-BR', 'Isso poderia acontecer comigo. Me ajuda a entender o que compro.'],
  ['ro', 'Mulțumesc, nu pot să uit ce am văzut.'],
  ['zh', '谢谢，我的手机也是这些工人做的吗？我们都应该关心。'],
  ['ar', 'شكرا على هذه التجربة، يجب أن نحترم حقوق العمال'],
  ['hi', 'धन्यवाद, हमें मजदूरों के अधिकारों के बारे में सोचना चाहिए'],
];

/** Possible disclosures: the writer (or someone close) is being exploited now. */
const DISCLOSURES: [string, string][] = [
  ['it', 'Questo sta succedendo a me.'],
  ['it', 'Il mio capo mi ha preso il passaporto'],
  ['it', 'Non posso andarmene, mi tengono i documenti'],
  ['it', 'Devo ripagare un debito per il viaggio'],
  ['it', 'Aiutatemi per favore'],
  ['it', 'non mi pagano da tre mesi'],
  ['it', 'Ho paura del mio datore di lavoro'],
  ['it', 'dormo dove lavoro e non ho più i documenti'],
  ['it', 'Mio fratello è sfruttato nei campi'],
  ['it', 'È SUCCESSO ANCHE A ME!!!'],
  ['en', 'This is happening to me'],
  ['en', 'My boss took my passport'],
  ['en', "I can't leave"],
  ['en', 'They keep my documents'],
  ['en', 'I have to pay back a debt'],
  ['en', 'help me'],
  ['en', "They don't pay me"],
  ['en', "I'm afraid of my employer"],
  ['pcm', 'Oga take my passport, i no fit comot'],
  ['pcm', 'abeg help, dem no dey pay me'],
  ['fr', "Ça m'arrive à moi aussi"],
  ['fr', 'Mon patron a pris mon passeport'],
  ['fr', 'Je ne peux pas partir'],
  ['fr', "Aidez-moi s'il vous plaît"],
  ['fr', 'Ils ne me paient pas'],
  ['wo', 'Patroŋ bi jël na sama paaspoor'],
  ['wo', 'Dimbali ma'],
  ['ar', 'أخذوا جواز سفري'],
  ['ar', 'ساعدوني من فضلكم'],
  ['ar', 'لا أستطيع المغادرة'],
  ['ary', 'عاونوني، ما كيخلصونيش'],
  ['ary', '3awnouni'],
  ['ur', 'میری مدد کریں'],
  ['ur', 'meri madad karo, tankhwah nahi dete'],
  ['pa', 'ਮੇਰੀ ਮਦਦ ਕਰੋ'],
  ['bn', 'আমাকে সাহায্য করুন, বেতন দেয় না'],
  ['hi', 'मेरी मदद करो'],
  ['hi', 'मालिक पैसे नहीं देता'],
  ['sq', 'Më ndihmoni, më morën pasaportën'],
  ['ro', 'Mi-au luat pașaportul și nu pot pleca'],
  ['ro', 'Ajutați-mă'],
  ['zh', '老板拿走了我的护照'],
  ['zh', '救救我，我不能离开'],
  ['es', 'Me quitaron mi pasaporte, ayúdenme'],
  ['es', 'No me pagan y tengo miedo de mi jefe'],
  ['pt-BR', 'Meu patrão pegou meu passaporte'],
  ['pt-BR', 'Não consigo ir embora, me ajudem'],
];

describe('normalise', () => {
  it('folds case, accents, Arabic letter variants and punctuation', () => {
    expect(normalise('È SUCCESSO, già!')).toBe('e successo gia');
    expect(normalise('Ça m’arrive')).toBe('ca m arrive');
    expect(normalise('أخذوا جواز سفري')).toBe('اخذوا جواز سفري');
    expect(fold('ﬁ')).toBe('fi');
    expect(fold('٣')).toBe('3');
  });
});

describe('screenReflection', () => {
  it('flags words from the public lists of every language, whatever the chosen one', () => {
    expect(screenReflection('Che schifo, stronzo', 'en').flags).toContain('stronzo');
    expect(screenReflection('What a shitty world', 'it').flags).toContain('shitty');
    expect(screenReflection('quel connard', 'it').flags).toContain('connard');
    expect(screenReflection('他妈的', 'it').flags).toContain('他妈的');
  });

  it('catches English profanity in disguise through obscenity', () => {
    expect(screenReflection('what the fuuuck', 'en').flags).toContain('fuck');
    expect(screenReflection('sh1t', 'en').flags).toContain('shit');
    expect(screenReflection('oh fuck!', 'it').flags).toContain('fuck');
  });

  it('does not flag innocent words that merely contain a listed one (Scunthorpe)', () => {
    for (const text of [
      'Scunthorpe',
      'La classe ha fatto un’analisi della competizione',
      'Un assoluto capolavoro sulla penisola',
      'Analfabeta non è chi non sa leggere',
      'Passaporto, documenti, costituzione',
      'Per imparare a guardare con altri occhi, grazie!',
      'La vacca nella stalla, il pesce al mercato',
    ]) {
      expect(screenReflection(text, 'it').flags, text).toEqual([]);
    }
  });

  it('keeps at most the number of flags a record can hold', () => {
    const text = 'cazzo merda stronzo puttana troia culo minchia coglione vaffanculo fottere '.repeat(3);
    expect(screenReflection(`${text} fuck shit bitch cunt dick`, 'it').flags.length).toBeLessThanOrEqual(
      MAX_FLAGS,
    );
  });

  it('returns nothing for pictogram-only reflections', () => {
    expect(screenReflection('', 'it')).toEqual({ flags: [], disclosure: false });
  });

  it('leaves the visitors’ own reflections unflagged', () => {
    for (const [lang, text] of ORDINARY.filter(([l]) => l === 'it')) {
      expect(screenReflection(text, lang).flags, text).toEqual([]);
    }
  });
});

describe('possible disclosures', () => {
  it(`are recognised in many languages (${DISCLOSURES.length} examples)`, () => {
    expect(DISCLOSURES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DISCLOSURES.map(([lang]) => lang)).size).toBeGreaterThanOrEqual(8);
    for (const [lang, text] of DISCLOSURES) {
      expect(screenReflection(text, lang).disclosure, `${lang}: ${text}`).toBe(true);
    }
  });

  it('are recognised whichever language the visitor chose on screen', () => {
    expect(screenReflection('My boss took my passport', 'it').disclosure).toBe(true);
    expect(screenReflection('Non mi pagano', 'zh').disclosure).toBe(true);
  });

  it(`are not read into ordinary reflections (${ORDINARY.length} examples)`, () => {
    expect(ORDINARY.length).toBeGreaterThanOrEqual(20);
    for (const [lang, text] of ORDINARY) {
      expect(findDisclosure(text), `${lang}: ${text}`).toBeNull();
    }
  });

  it('has phrases for every offered language, written so that folding leaves them valid', () => {
    expect(Object.keys(DISCLOSURE_PHRASES).sort()).toEqual([...LANGUAGE_CODES].sort());
    for (const [lang, phrases] of Object.entries(DISCLOSURE_PHRASES)) {
      expect(phrases.length, lang).toBeGreaterThan(0);
      for (const phrase of phrases) {
        // fold() lower-cases: an upper-case escape (\S, \W, \P) would change meaning.
        expect(phrase, `${lang}: ${phrase}`).not.toMatch(/[A-Z]/);
        // Punctuation becomes a space in the text, so a phrase with an apostrophe never matches.
        expect(phrase.replace(/\{\d*,\d*\}/g, ''), `${lang}: ${phrase}`).not.toMatch(/['’,;:!"«»]/);
        expect(() => new RegExp(fold(phrase), 'u')).not.toThrow();
      }
    }
  });
});
