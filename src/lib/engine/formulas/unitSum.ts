/** The unit's sums over its doctors (domain.md §4: capacity = Σ capacity(d); also listed on lists, FTE, counts). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { QuantityKind } from '../quantity';
import { sum, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.unitSum;

export function unitSumOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export const unitSum = defineFormula({
  key: 'unitSum',
  section: '§4',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('doctorValue'),
  compute: unitSumOf,
  expr: (x: { terms: Expr[]; kind: QuantityKind }) => sum(x.terms, x.kind),
  // `value`: the range of one column over the doctors' rows (every summed figure is ≥ 0; a negative or text cell counts 0).
  excel: (r) => `SUMIF(${r.doctorValue},">0")`,
});
