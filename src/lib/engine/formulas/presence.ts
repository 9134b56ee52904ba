/** presence = 1 − absenceWeeks / weeksPerYear, clamped to 0–1 (domain.md §2: side rotation, long leave). */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import { clamp } from '../round';
import type { Share, Weeks } from '../types';
import { constant, max, one, ratio, said, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.presence;

/** Absence as it counts: never below 0. */
export function absenceWeeksOf(typed: number): Weeks {
  return Math.max(0, typed);
}

export function presenceOf(absenceWeeks: Weeks, weeksPerYear: Weeks): Share {
  const absence = Math.max(0, absenceWeeks);
  if (weeksPerYear <= 0) return absence > 0 ? 0 : 1;
  return clamp(1 - absence / weeksPerYear, 0, 1);
}

export const presence = defineFormula({
  key: 'presence',
  section: '§2',
  kind: 'share',
  label: T.label,
  rule: T.rule,
  source: 'guideline',
  inputs: inputsOf('absenceWeeks', 'weeksPerYear'),
  compute: presenceOf,
  // "(1 − 6 / 42)"; "max(0; 1 − 50 / 42)" when the absence is longer than the year.
  expr: (x: { absenceWeeks: Expr; weeksPerYear: Expr; absence: number; weeks: number }) => {
    if (x.weeks <= 0) return said(FORMULA_WORDS.noWeeks, x.absence > 0 ? 0 : 1, 'share');
    const e = sub(one, ratio(x.absenceWeeks, x.weeksPerYear));
    return x.absence > x.weeks ? max(constant(0), e) : e;
  },
  excel: (r) => `IF(${r.weeksPerYear}>0,MAX(0,MIN(1,1-${r.absenceWeeks}/${r.weeksPerYear})),IF(${r.absenceWeeks}>0,0,1))`,
});
