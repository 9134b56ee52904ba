/** coverageToday = withNamedDoctor / N (domain.md §4); 0 when nobody is listed. */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import type { Patients, Share } from '../types';
import { div, said, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.coverageToday;

export function coverageTodayOf(withNamedDoctor: Patients, listed: Patients): Share {
  return listed > 0 ? withNamedDoctor / listed : 0;
}

export const coverageToday = defineFormula({
  key: 'coverageToday',
  section: '§4',
  kind: 'share',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('withNamedDoctor', 'listed'),
  compute: coverageTodayOf,
  expr: (x: { withNamedDoctor: Expr; listed: Expr; listedValue: Patients }) =>
    x.listedValue > 0 ? div(x.withNamedDoctor, x.listed) : said(FORMULA_WORDS.nobodyListed, 0, 'share'),
  excel: (r) => `IF(N(${r.listed})>0,MAX(0,N(${r.withNamedDoctor}))/${r.listed},0)`,
});
