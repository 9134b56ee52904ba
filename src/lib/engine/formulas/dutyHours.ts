/** Σ duty hours per week (domain.md §2): every duty kind counts, meetings included; a negative entry counts as 0. */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import { num, round9 } from '../round';
import type { Hours } from '../types';
import { said, sum, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.dutyHours;

/** One duty's hours as they count. */
export function dutyTermOf(hoursPerWeek: unknown): Hours {
  return Math.max(0, num(hoursPerWeek));
}

/** The doctor's duties' hours a week; a half-edited plan may hold anything here, only a list counts. */
export function dutyHoursOf(duties: unknown): Hours {
  let s = 0;
  if (Array.isArray(duties)) for (const duty of duties) s += dutyTermOf((duty as { hoursPerWeek?: unknown } | null)?.hoursPerWeek);
  return round9(s);
}

export const dutyHours = defineFormula({
  key: 'dutyHours',
  section: '§2',
  kind: 'hours',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('dutyTerm'),
  compute: dutyHoursOf,
  /** The duties that count (hours above 0), each a labelled input. */
  expr: (x: { terms: Expr[] }) => (x.terms.length === 0 ? said(FORMULA_WORDS.noDuties, 0, 'hours') : sum(x.terms, 'hours')),
  // `hours`: the range of the duty columns of one row.
  excel: (r) => `ROUND(SUMIF(${r.dutyTerm},">0"),9)`,
});
