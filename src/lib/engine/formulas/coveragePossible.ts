/** coveragePossible = min(1, capacity / N) (domain.md §4); 0 when nobody is listed. */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import type { Patients, Share } from '../types';
import { div, min, num, said, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.coveragePossible;

export function coveragePossibleOf(capacity: Patients, listed: Patients): Share {
  return listed > 0 ? Math.min(1, capacity / listed) : 0;
}

export const coveragePossible = defineFormula({
  key: 'coveragePossible',
  section: '§4',
  kind: 'share',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('capacity', 'listed'),
  compute: coveragePossibleOf,
  // "min(100 %; 10 200 ÷ 9 800)" only when the capacity is larger than the list.
  expr: (x: { capacity: Expr; listed: Expr; capacityValue: Patients; listedValue: Patients }) => {
    if (x.listedValue <= 0) return said(FORMULA_WORDS.nobodyListed, 0, 'share');
    const e = div(x.capacity, x.listed);
    return x.capacityValue > x.listedValue ? min(num(1, 'percent'), e) : e;
  },
  excel: (r) => `IF(N(${r.listed})>0,MIN(1,${r.capacity}/${r.listed}),0)`,
});
