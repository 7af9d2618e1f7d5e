// Numbers a visitor must act on (the helpline 800 290 290) are spoken digit by digit in fixed
// groups in every language: text-to-speech reads "800" as "eight hundred" (field notes). Written
// captions keep the Latin digits; only the text handed to a voice is rewritten.

/** Phone-like numbers: three or more groups of digits, e.g. "800 290 290" or "800290290". */
const PHONE = /\b\d{3}(?:[ .\u00a0\u202f]?\d{3}){2,3}\b/g;

export function speakableDigits(text: string): string {
  return text.replace(PHONE, (number) => {
    const digits = number.replace(/\D/g, '');
    const groups = number.match(/\d+/g);
    const parts = groups && groups.length > 1 ? groups : (digits.match(/\d{1,3}/g) ?? []);
    return parts.map((group) => [...group].join(' ')).join(', ');
  });
}

/** Digits other than 0–9: numbers must be shown as Latin digits in every language. */
export const NON_LATIN_DIGITS =
  /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\uff10-\uff19]/;
