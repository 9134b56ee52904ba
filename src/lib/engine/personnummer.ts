/**
 * Detection of Swedish personal identity numbers (personnummer and samordningsnummer), with or
 * without century and separator: 19121212-1212, 191212121212, 121212-1212, 1212121212, 121212+1212.
 * Used by every import so that such numbers are never stored (DEVELOPERS.md: data is sensitive).
 * A match needs a plausible date (samordningsnummer: day + 60) and a valid Luhn check digit, so that
 * ordinary ten-digit keys rarely trigger; `looksLikePersonnummer` is the strict test.
 */
const PNR_RE = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

function luhnOk(nineDigits: string, check: number): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === check;
}

export function looksLikePersonnummer(value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  // At least ten characters: most keys are shorter (a contact log checks every new patient key).
  if (typeof value === 'string' && value.length < 10) return false;
  const s = String(value).trim().replace(/\s/g, '');
  const m = PNR_RE.exec(s);
  if (!m) return false;
  const [, , yy, mm, ddRaw, , serial, check] = m;
  const month = Number(mm);
  let day = Number(ddRaw);
  if (day > 60) day -= 60; // samordningsnummer
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return luhnOk(yy + mm + ddRaw + serial, Number(check));
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

/**
 * Ten or twelve digits that could be a personnummer or samordningsnummer inside any text: an optional
 * century, a plausible date (day + 60 for samordningsnummer), an optional separator (hyphen, plus,
 * en dash, dot, a spaced hyphen) and four digits; full-width digits count too. No check-digit test:
 * this is for masking, where one false alarm is better than one number shown.
 */
const PNR_IN_TEXT = /(?<![0-9\uff10-\uff19])((?:[0-9\uff10-\uff19]{2})?)([0-9\uff10-\uff19]{2})([0-9\uff10-\uff19]{2})([0-9\uff10-\uff19]{2})(?:\s?[-+\u2013.]\s?|\s)?([0-9\uff10-\uff19]{4})(?![0-9\uff10-\uff19])/g;

const asciiDigits = (s: string) => s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));

/**
 * The text with every possible personnummer replaced by `mask` (the caller passes the Swedish
 * "ÅÅMMDD-XXXX" from strings/privacy.sv.ts): for error messages and previews, which must never
 * echo one (issue 12.7).
 */
export function maskPersonnummer(text: string, mask: string): string {
  if (text.length < 10) return text;
  return text.replace(PNR_IN_TEXT, (whole: string, _cc: string, _yy: string, mm: string, dd: string) => {
    const month = Number(asciiDigits(mm));
    let day = Number(asciiDigits(dd));
    if (day > 60) day -= 60;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? mask : whole;
  });
}

/** True when the text holds something `maskPersonnummer` would mask. */
export function containsPersonnummer(text: string): boolean {
  return maskPersonnummer(text, '\u0000') !== text;
}
