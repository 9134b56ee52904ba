/**
 * The one set of text normalisers (issue "One home for each rule"): every comparison of what a person
 * typed — header names, category and duty words, contact types, doctor names across imports — goes
 * through these, so a name that matches in one import matches in every other.
 */

/** Every kind of white space a spreadsheet or a Windows export writes (NBSP, thin, narrow NBSP, tabs, CR/LF). */
const SPACES = /[\s\u00a0\u2007\u2009\u200a\u202f\u205f\u3000]+/g;
/** Zero-width characters and the byte-order mark, invisible in a cell. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** NFC, invisible characters removed, any run of white space one space, trimmed. Keeps case and letters. */
export function normalizeSpace(text: unknown): string {
  if (typeof text !== 'string') return text === null || text === undefined ? '' : normalizeSpace(String(text));
  return text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/**
 * For matching words: normalizeSpace, lower case, diacritics removed (å → a, é → e), every run of
 * characters other than letters, digits, "+" and "%" one space. "ST-läkare" → "st lakare",
 * "Handledning (tim/v)" → "handledning tim v", "Läkarbesök, mottagning" → "lakarbesok mottagning".
 */
export function foldText(text: unknown): string {
  return normalizeSpace(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}+%]+/gu, ' ')
    .trim();
}

/**
 * Key for matching a doctor's name between a plan and an import: foldText, "Efternamn, Förnamn"
 * read as "Förnamn Efternamn", a leading "Dr", "Dr." or "Doktor" dropped.
 * "Berg, Anna" = "anna berg" = "Dr. Anna Berg" = "ANNA  BERG".
 */
export function nameKey(name: unknown): string {
  let s = normalizeSpace(name);
  const comma = /^([^,]+),\s*(.+)$/.exec(s);
  if (comma) s = `${comma[2]} ${comma[1]}`;
  return foldText(s).replace(/^(dr|doktor) /, '');
}
