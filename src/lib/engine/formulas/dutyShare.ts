/** dutyShare = min(1, dutyHoursPerWeek / (employment × fullTimeHours)) (domain.md §2); no working time → 1. */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import type { Hours, Share } from '../types';
import { min, one, ratio, said, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.dutyShare;

export function dutyShareOf(dutyHours: Hours, availableHours: Hours): Share {
  if (availableHours <= 0) return 1;
  return Math.min(1, dutyHours / availableHours);
}

export const dutyShare = defineFormula({
  key: 'dutyShare',
  section: '§2',
  kind: 'share',
  label: T.label,
  rule: T.rule,
  source: 'guideline',
  inputs: inputsOf('dutyHours', 'availableHours'),
  compute: dutyShareOf,
  // "4 / 32"; "min(1; 50 / 32)" only when the duties exceed the week.
  expr: (x: { dutyHours: Expr; availableHours: Expr; duty: number; available: number }) =>
    x.available <= 0 ? said(FORMULA_WORDS.noEmployment, 1, 'share') : x.duty > x.available ? min(one, ratio(x.dutyHours, x.availableHours)) : ratio(x.dutyHours, x.availableHours),
  excel: (r) => `IF(${r.availableHours}>0,MIN(1,${r.dutyHours}/${r.availableHours}),1)`,
});
