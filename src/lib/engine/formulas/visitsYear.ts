/** visitsYear = directHoursYear × 60 / visitMinutes (domain.md §3). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Hours, Minutes } from '../types';
import { MINUTES_PER_HOUR } from './constants';
import { constant, div, mul, said, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.visitsYear;

export { MINUTES_PER_HOUR };

export function visitsYearOf(directHours: Hours, visitMinutes: Minutes): number {
  return visitMinutes > 0 ? (directHours * MINUTES_PER_HOUR) / visitMinutes : 0;
}

export const visitsYear = defineFormula({
  key: 'visitsYear',
  section: '§3',
  kind: 'visits',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('directHours', 'visitMinutes'),
  compute: visitsYearOf,
  expr: (x: { directHours: Expr; visitMinutes: Expr; minutes: Minutes; noVisits: string }) =>
    x.minutes > 0 ? div(mul(x.directHours, constant(MINUTES_PER_HOUR)), x.visitMinutes) : said(x.noVisits, 0, 'visits'),
  excel: (r) => `IF(${r.visitMinutes}>0,${r.directHours}*${MINUTES_PER_HOUR}/${r.visitMinutes},0)`,
});
