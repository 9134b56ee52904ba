/** priorityCovered = min(priorityTotal, capacity): priority patients first (domain.md §4). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Patients } from '../types';
import { min, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.priorityCovered;

export function priorityCoveredOf(priorityTotal: Patients, capacity: Patients): Patients {
  return Math.min(priorityTotal, Math.max(0, capacity));
}

export const priorityCovered = defineFormula({
  key: 'priorityCovered',
  section: '§4',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('priorityTotal', 'capacity'),
  compute: priorityCoveredOf,
  expr: (x: { priorityTotal: Expr; capacity: Expr }) => min(x.priorityTotal, x.capacity),
  excel: (r) => `MIN(${r.priorityTotal},MAX(0,${r.capacity}))`,
});
