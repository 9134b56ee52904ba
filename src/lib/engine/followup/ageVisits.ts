/**
 * The unit's own visits per age band from its contact log (domain.md §9, issue 16.1): the age index's
 * reference is "the unit's own from its contact log when available". Counts the contacts of the chosen
 * period and types by the patient's age at the period's end (from the log's age or birth-year column),
 * and turns them into visits per listed person a year with the listing's patients per band
 * (ageReference.ts ownAgeRates). Pure; nothing about a patient leaves the log.
 */
import { AGE_BAND_COUNT, ageBandIndex, ownAgeRates } from '../ageReference';
import type { AgeReference } from '../types';
import { CONTACT_TYPES, type ContactLog, type ContinuityOptions } from './types';

export interface AgeVisits {
  /** Contacts in the period and of the chosen types per age band. */
  visits: number[];
  /** Contacts in scope whose patient has no age in the log. */
  withoutAge: number;
  /** Days of the period (inclusive). */
  days: number;
}

/** null when the log has no age column at all. */
export function visitsByAgeBand(log: ContactLog, options: Pick<ContinuityOptions, 'fromDay' | 'toDay' | 'types'>): AgeVisits | null {
  const birth = log.birthYear;
  if (!birth) return null;
  let mask = 0;
  for (const t of options.types) {
    const i = CONTACT_TYPES.indexOf(t);
    if (i >= 0) mask |= 1 << i;
  }
  const endYear = new Date(options.toDay * 86_400_000).getUTCFullYear();
  const visits = new Array<number>(AGE_BAND_COUNT).fill(0);
  let withoutAge = 0;
  for (let i = 0; i < log.count; i++) {
    const d = log.day[i];
    if (d < options.fromDay || d > options.toDay || !(mask & (1 << log.type[i]))) continue;
    const y = birth[log.patient[i]];
    const b = y > 0 ? ageBandIndex(endYear - y) : -1;
    if (b < 0) withoutAge++;
    else visits[b]++;
  }
  return { visits, withoutAge, days: options.toDay - options.fromDay + 1 };
}

/** The unit's own reference table from its visits and its listed patients per band; null when either is missing. */
export function ownReferenceOf(v: AgeVisits | null, listedByBand: readonly number[] | undefined): AgeReference | null {
  if (!v || !listedByBand) return null;
  return ownAgeRates(v.visits, listedByBand, v.days);
}
