/**
 * The length of an ST doctor's training in months, as the ST ramp uses it (domain.md §2, §9).
 * HSLF-FS 2021:8 has ST at least 5 years 6 months including the opening BT (66 months); SOSFS 2015:8 had
 * 60. A new ST doctor gets 66 (createDoctor), 60 is offered for doctors under the older rules, and a plan
 * that omits the total keeps the meaning it had when it was written: 60, so no stored figure changes.
 */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import { DEFAULT_ST_MONTHS_TOTAL, ST_MONTHS_TOTAL_HSLF, ST_MONTHS_TOTAL_SOSFS } from './constants';
import { num as leaf } from './expr';
import { inputLabel, inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.stMonthsTotal;

export { DEFAULT_ST_MONTHS_TOTAL, ST_MONTHS_TOTAL_HSLF, ST_MONTHS_TOTAL_SOSFS };
/** The totals the app offers for an ST doctor, the current rules first. */
export const ST_MONTHS_TOTAL_CHOICES = [ST_MONTHS_TOTAL_HSLF, ST_MONTHS_TOTAL_SOSFS] as const;

export type StMonthsTotalSource = 'doctor' | 'default' | 'invalid';

function usable(typed: unknown): typed is number {
  return typeof typed === 'number' && Number.isFinite(typed) && typed > 0;
}

/** The typed total when it is a number above 0, else DEFAULT_ST_MONTHS_TOTAL. */
export function stMonthsTotalOf(typed: unknown): number {
  return usable(typed) ? typed : DEFAULT_ST_MONTHS_TOTAL;
}

/** Where the total came from: the doctor's own, the default for a missing one, or the default for an unusable one. */
export function stMonthsTotalSourceOf(typed: unknown): StMonthsTotalSource {
  return usable(typed) ? 'doctor' : typed === undefined || typed === null ? 'default' : 'invalid';
}

export const stMonthsTotal = defineFormula({
  key: 'stMonthsTotal',
  section: '§9',
  kind: 'months',
  label: T.label,
  rule: T.rule,
  source: 'stRules',
  inputs: inputsOf('stMonthsTotal'),
  compute: stMonthsTotalOf,
  expr: (x: { used: number; path?: string }) => leaf(x.used, 'months', inputLabel('stMonthsTotal'), x.path),
  excel: (r) => `IF(AND(ISNUMBER(${r.stMonthsTotal}),N(${r.stMonthsTotal})>0),${r.stMonthsTotal},${DEFAULT_ST_MONTHS_TOTAL})`,
});
