/**
 * visitsPerDay = visitsYear / (weeksPerYear × 5 × employment × presence) (domain.md §9): all of the doctor's
 * visits the time model gives, own list and others, per day worked, against a safe day (the BMA's 25 contacts).
 */
import { PEER_FORMULA_TEXT, PEER_WORDS } from '../../strings/peers.sv';
import type { Share, Weeks } from '../types';
import { WORKING_DAYS_PER_WEEK } from './constants';
import { constant, div, mul, said, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.visitsPerDay;

export { WORKING_DAYS_PER_WEEK };

/** Days worked in a year: weeksPerYear × 5 × employment × presence. */
export function workingDaysOf(weeksPerYear: Weeks, employment: Share, presence: Share): number {
  return weeksPerYear * WORKING_DAYS_PER_WEEK * employment * presence;
}

/** null when the doctor works no day (no employment, absent the whole year, no weeks). */
export function visitsPerDayOf(visitsYear: number, weeksPerYear: Weeks, employment: Share, presence: Share): number | null {
  const days = workingDaysOf(weeksPerYear, employment, presence);
  return days > 0 ? visitsYear / days : null;
}

export const visitsPerDay = defineFormula({
  key: 'visitsPerDay',
  section: '§9',
  kind: 'perDay',
  label: T.label,
  rule: T.rule,
  source: 'bma',
  inputs: {
    visitsYear: { label: T.inputs.visitsYear, kind: 'visits' },
    weeksPerYear: { label: T.inputs.weeksPerYear, kind: 'weeks' },
    employment: { label: T.inputs.employment, kind: 'percent' },
    presence: { label: T.inputs.presence, kind: 'share' },
  },
  compute: visitsPerDayOf,
  // A factor that changes nothing (full time: × 100 %; no absence: × 1) is left out of the chain.
  expr: (x: { visitsYear: Expr; weeksPerYear: Expr; employment: Expr; presence: Expr; worked: boolean; employed: Share; present: Share }) => {
    if (!x.worked) return said(PEER_WORDS.noWorkingDays, 0, 'perDay');
    const factors: Expr[] = [constant(WORKING_DAYS_PER_WEEK)];
    if (x.employed !== 1) factors.push(x.employment);
    if (x.present !== 1) factors.push(x.presence);
    return div(x.visitsYear, mul(x.weeksPerYear, ...factors));
  },
  excel: (r) =>
    `IF(${r.weeksPerYear}*${WORKING_DAYS_PER_WEEK}*${r.employment}*${r.presence}>0,` +
    `${r.visitsYear}/(${r.weeksPerYear}*${WORKING_DAYS_PER_WEEK}*${r.employment}*${r.presence}),"")`,
});
