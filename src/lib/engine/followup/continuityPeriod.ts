/** Days and periods of the contact log (domain.md §6: the period is 12 months by default): day numbers, ISO dates, calendar months. */
import type { ContactLog } from './types';

/** Days since 1970-01-01 for a proleptic Gregorian date (Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO "YYYY-MM-DD" of a day number. */
export function isoOfDay(dayNum: number): string {
  const d = new Date(dayNum * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Day number of an ISO date "YYYY-MM-DD"; null when malformed. */
export function dayOfIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The `months` months ending on `toDay` (inclusive): from the same calendar day `months` earlier
 * + 1 (a day that month lacks is its last day). 12 months to 2025-12-31 start 2025-01-01.
 */
export function periodEnding(toDay: number, months: number): { fromDay: number; toDay: number } {
  const iso = isoOfDay(toDay);
  const total = Number(iso.slice(0, 4)) * 12 + (Number(iso.slice(5, 7)) - 1) - Math.max(0, Math.floor(months));
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return { fromDay: dayNumber(y, m, d) + 1, toDay };
}

/**
 * Default period (domain.md §6: 12 months): the `months` months ending on the last contact's day
 * (inclusive), i.e. from the same calendar day a year earlier + 1.
 */
export function defaultPeriod(log: ContactLog, months = 12): { fromDay: number; toDay: number } | null {
  if (log.count === 0) return null;
  let max = -Infinity;
  const day = log.day;
  for (let i = 0; i < log.count; i++) if (day[i] > max) max = day[i];
  return periodEnding(max, months);
}

/** Earliest and latest day in the log. */
export function logSpan(log: ContactLog): { first: number; last: number } | null {
  if (log.count === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < log.count; i++) {
    const v = log.day[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { first: lo, last: hi };
}
