// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with `=`, `+`,
// `-` or `@` (and, in some locales, their full-width forms) as a formula, and a tab or a
// carriage return in front of one still counts. Visitor and staff text goes through
// `defuseCell` before any export; numbers we write ourselves do not.

/**
 * A leading run of whitespace or NULs, then a character a spreadsheet may treat as the start of
 * a formula. `\s` covers tab and CR too, so a cell that merely starts with either matches
 * (the run backtracks to nothing and the class takes it).
 */
const FORMULA_START = /^[\s\0]*[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Makes a text cell inert in Excel, LibreOffice and Numbers: a leading `'`, and no NULs. */
export function defuseCell(value: string): string {
  const clean = value.includes('\0') ? value.replaceAll('\0', '') : value;
  return FORMULA_START.test(value) ? `'${clean}` : clean;
}
