/**
 * The one detector of Swedish personal identity numbers (personnummer and samordningsnummer) inside
 * any text (issue 12.1). Kapacitet never stores one (DEVELOPERS.md: data is sensitive): the database's
 * write layer (db/personnummerGuard.ts) refuses every value that holds one, imports and edits refuse
 * them earlier with their own words, and every preview and error message masks them.
 *
 * What counts, anywhere in a text (letters around it do not hide it):
 * - 10 digits YYMMDD·NNNN or 12 digits CCYYMMDD·NNNN (century 18, 19 or 20);
 * - between the date and the last four digits: nothing, a hyphen, plus, en or em dash, minus sign,
 *   dot, slash or a space, with up to two spaces either side ("121212 - 1212");
 * - ASCII or full-width digits (０-９);
 * - a date part that is a real date — samordningsnummer: day + 60; 29 February only in a leap year
 *   (10 digits: a year that is a leap year in some century).
 * The check digit is NOT required: a mistyped number is still someone's number, and one false alarm
 * is better than one stored number. Generated ids (UUIDs) are not read as text, so a random id never
 * looks like a number.
 */

const D = '[0-9\\uff10-\\uff19]';
const SEP = '[ \\u00a0]{0,2}(?:[-+.\\/\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212][ \\u00a0]{0,2})?';
/** Groups: 1 century (optional), 2 yy, 3 mm, 4 dd, 5 serial. */
const PNR_SOURCE = `(?<!${D})(${D}{2})?(${D}{2})(${D}{2})(${D}{2})${SEP}(${D}{4})(?!${D})`;
const PNR_RE = new RegExp(PNR_SOURCE, 'g');
const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MIN_LENGTH = 10;

const asciiDigits = (s: string): string =>
  s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date; `century` null for a 10-digit number (any century 18–20 would do). */
function realDate(century: number | null, yy: number, mm: number, ddRaw: number): boolean {
  if (century !== null && (century < 18 || century > 20)) return false;
  const dd = ddRaw > 60 ? ddRaw - 60 : ddRaw; // samordningsnummer
  if (mm < 1 || mm > 12 || dd < 1 || dd > DAYS[mm - 1]) return false;
  if (mm === 2 && dd === 29) {
    const years = century === null ? [1800 + yy, 1900 + yy, 2000 + yy] : [century * 100 + yy];
    return years.some(isLeap);
  }
  return true;
}

export interface PersonnummerMatch {
  /** Where the match starts and ends in the text (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The digits only (ASCII), 10 or 12 of them. */
  readonly digits: string;
}

/** UUIDs hidden (same length, no digits), so the positions of the rest stay where they were. */
function withoutIds(text: string): string {
  return text.includes('-') ? text.replace(UUID_RE, (id) => 'x'.repeat(id.length)) : text;
}

/** Every personnummer or samordningsnummer in the text, in order. */
export function findPersonnummer(text: string): PersonnummerMatch[] {
  if (typeof text !== 'string' || text.length < MIN_LENGTH) return [];
  const re = PNR_RE;
  re.lastIndex = 0;
  const scanned = withoutIds(text);
  const out: PersonnummerMatch[] = [];
  for (let m = re.exec(scanned); m !== null; m = re.exec(scanned)) {
    const [whole, cc, yy, mm, dd, serial] = m;
    const century = cc === undefined ? null : Number(asciiDigits(cc));
    if (realDate(century, Number(asciiDigits(yy)), Number(asciiDigits(mm)), Number(asciiDigits(dd)))) {
      out.push({ start: m.index, end: m.index + whole.length, digits: asciiDigits((cc ?? '') + yy + mm + dd + serial) });
    } else if (cc !== undefined) {
      // "55121212-1212": not a 12-digit number, and its last ten digits are glued to digits before.
      re.lastIndex = m.index + 1;
    }
  }
  return out;
}

/** True when the text holds a personnummer or samordningsnummer anywhere. */
export function containsPersonnummer(text: string): boolean {
  return findPersonnummer(text).length > 0;
}

/**
 * True when the value is, or contains, a personnummer: a string anywhere in it, or a whole number of
 * 10 or 12 digits (a number read from a spreadsheet cell). Other numbers never are.
 */
export function looksLikePersonnummer(value: unknown): boolean {
  if (typeof value === 'string') return containsPersonnummer(value);
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return containsPersonnummer(String(value));
  return false;
}

/**
 * The text with every personnummer replaced by `mask` (the Swedish "ÅÅMMDD-XXXX",
 * strings/privacy.sv.ts PERSONNUMMER_MASK): for previews and error messages, which never show one.
 */
export function maskPersonnummer(text: string, mask: string): string {
  const hits = findPersonnummer(text);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.start) + mask;
    at = h.end;
  }
  return out + text.slice(at);
}

/** True when at least `minShare` of the non-empty values look like personal identity numbers. */
export function columnHasPersonnummer(values: readonly unknown[], minShare = 0.5): boolean {
  let seen = 0;
  let hits = 0;
  for (const v of values) {
    if (v === null || v === undefined || String(v).trim() === '') continue;
    seen++;
    if (looksLikePersonnummer(v)) hits++;
  }
  return seen > 0 && hits / seen >= minShare;
}

/** Where in a value a personnummer was found: the property names from the top (keys count too). */
export interface PersonnummerLocation {
  readonly path: readonly (string | number)[];
  /** True when the number is in a property name, not in a value. */
  readonly inKey: boolean;
}

/** Binary data (typed arrays, buffers, Blobs) is not text. The engine has no DOM types: Blob is looked up. */
const BlobClass = (globalThis as { Blob?: abstract new (...args: never[]) => object }).Blob;
const isBinary = (v: object): boolean => ArrayBuffer.isView(v) || v instanceof ArrayBuffer || (BlobClass !== undefined && v instanceof BlobClass);

/**
 * The first personnummer anywhere in a value that may be written to storage: any depth (no recursion
 * limit, cycles visited once), every string, every property name, Map and Set entries; binary data and
 * dates are not text. Null when there is none.
 */
export function findPersonnummerDeep(value: unknown): PersonnummerLocation | null {
  const seen = new Set<object>();
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string' || typeof v === 'number') {
      if (looksLikePersonnummer(v)) return { path, inKey: false };
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v) || v instanceof Date || isBinary(v)) continue;
    seen.add(v);
    if (v instanceof Map) {
      for (const [k, x] of v) {
        if (looksLikePersonnummer(k)) return { path: [...path, String(k)], inKey: true };
        stack.push({ v: k, path: [...path, String(k)] }, { v: x, path: [...path, String(k)] });
      }
      continue;
    }
    if (v instanceof Set) {
      let i = 0;
      for (const x of v) stack.push({ v: x, path: [...path, i++] });
      continue;
    }
    const isArray = Array.isArray(v);
    for (const k of Object.keys(v)) {
      if (!isArray && looksLikePersonnummer(k)) return { path: [...path, k], inKey: true };
      stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, isArray ? Number(k) : k] });
    }
  }
  return null;
}

/**
 * A copy of a value with every personnummer masked, in values and property names (where the user
 * chose to keep the text without the numbers). Cycles are cut; binary data and dates are kept as they are.
 */
export function maskPersonnummerDeep<T>(value: T, mask: string): T {
  const seen = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskPersonnummer(v, mask);
    if (typeof v === 'number') return looksLikePersonnummer(v) ? mask : v;
    if (v === null || typeof v !== 'object' || v instanceof Date || isBinary(v)) return v;
    if (seen.has(v)) return seen.get(v);
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const x of v) out.push(walk(x));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const k of Object.keys(v)) out[maskPersonnummer(k, mask)] = walk((v as Record<string, unknown>)[k]);
    return out;
  };
  return walk(value) as T;
}
