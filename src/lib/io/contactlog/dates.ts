/**
 * Contact dates read from character codes (a million rows: no substring, no Date object per row).
 * Accepted: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, each optionally followed by a time.
 */
import { daysInMonth, dayNumber } from '../../engine/followup/index';

/** Marks a cell that is not a date. */
export const BAD_DAY = -1e9;

/** Digit value of s[i], or a large negative number. */
function dg(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
}

/** Day number (days since 1970-01-01) of the date in s[a, b); BAD_DAY if it is not a date. */
export function dayFromChars(s: string, a: number, b: number): number {
  while (a < b && s.charCodeAt(a) === 32) a++;
  const n = b - a;
  if (n < 8) return BAD_DAY;
  const y = dg(s, a) * 1000 + dg(s, a + 1) * 100 + dg(s, a + 2) * 10 + dg(s, a + 3);
  let mo: number;
  let dd: number;
  let end: number;
  const sep = s.charCodeAt(a + 4);
  if (sep === 45 || sep === 47 || sep === 46) {
    if (n < 10 || s.charCodeAt(a + 7) !== sep) return BAD_DAY;
    mo = dg(s, a + 5) * 10 + dg(s, a + 6);
    dd = dg(s, a + 8) * 10 + dg(s, a + 9);
    end = 10;
  } else {
    mo = dg(s, a + 4) * 10 + dg(s, a + 5);
    dd = dg(s, a + 6) * 10 + dg(s, a + 7);
    end = 8;
  }
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || dd < 1 || dd > daysInMonth(y, mo)) return BAD_DAY;
  if (n > end) {
    const c = s.charCodeAt(a + end);
    if (c !== 32 && c !== 84 /* T */) {
      for (let i = a + end; i < b; i++) if (s.charCodeAt(i) !== 32) return BAD_DAY;
    }
  }
  return dayNumber(y, mo, dd);
}

/** Day number of an Excel date serial (1900 system), or BAD_DAY. */
export function dayFromSerial(serial: number): number {
  return Number.isFinite(serial) && serial > 0 && serial < 200000 ? Math.floor(serial) - 25569 : BAD_DAY;
}
