/** The year's hours of absence: working week × weeksPerYear × (1 − presence) (domain.md §3). */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import type { Hours, Share, Weeks } from '../types';
import { mul, one, said, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.absenceHoursYear;

export function absenceHoursYearOf(availableHours: Hours, weeksPerYear: Weeks, presence: Share): Hours {
  return Math.max(0, availableHours) * Math.max(0, weeksPerYear) * (1 - presence);
}

export const absenceHoursYear = defineFormula({
  key: 'absenceHoursYear',
  section: '§3',
  kind: 'hours',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('availableHours', 'weeksPerYear', 'presence'),
  compute: absenceHoursYearOf,
  expr: (x: { availableHours: Expr; weeksPerYear: Expr; presence: Expr; present: Share }) =>
    x.present === 1 ? said(FORMULA_WORDS.noAbsence, 0, 'hours') : mul(x.availableHours, x.weeksPerYear, sub(one, x.presence)),
  excel: (r) => `MAX(0,${r.availableHours})*MAX(0,${r.weeksPerYear})*(1-${r.presence})`,
});
