/** loadRatio(d) = listed(d) / capacity(d) (domain.md §4); > 1 is over capacity. */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import type { Patients } from '../types';
import { div, said, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula, type Refs } from './types';

const T = FORMULA_TEXT.loadRatio;

/** null if listed unknown, 0 if nobody is listed, Infinity if there is no capacity for a list. */
export function loadRatioOf(listed: Patients | null, capacity: Patients): number | null {
  if (listed === null) return null;
  if (listed <= 0) return 0;
  if (capacity <= 0) return Infinity;
  return listed / capacity;
}

/** A doctor's known list size, or null. */
export function listedOf(listed: unknown): Patients | null {
  return typeof listed === 'number' && Number.isFinite(listed) ? Math.max(0, listed) : null;
}

export const loadRatio = defineFormula({
  key: 'loadRatio',
  section: '§4',
  kind: 'load',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('listed', 'capacity'),
  compute: loadRatioOf,
  expr: (x: { listed: Expr; capacity: Expr; listedValue: Patients }) => (x.listedValue <= 0 ? said(FORMULA_WORDS.nobodyListed, 0, 'load') : div(x.listed, x.capacity)),
  // `overCapacity`: the text the cell shows for a list without capacity (the engine's ∞).
  excel: (r: Refs<'listed' | 'capacity' | 'overCapacity'>) => `IF(ISNUMBER(${r.listed}),IF(${r.listed}<=0,0,IF(${r.capacity}>0,${r.listed}/${r.capacity},${r.overCapacity})),"")`,
});
