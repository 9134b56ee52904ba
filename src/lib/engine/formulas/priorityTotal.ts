/** priorityTotal = Σ of the five priority groups (domain.md §4); a negative entry counts as 0. */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import { num } from '../round';
import { PRIORITY_KEYS } from '../types';
import type { Patients, PriorityGroups } from '../types';
import { sum, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.priorityTotal;

export function priorityGroupOf(typed: unknown): Patients {
  return Math.max(0, num(typed));
}

export function priorityTotalOf(priority: Partial<PriorityGroups> | undefined): Patients {
  let s = 0;
  for (const k of PRIORITY_KEYS) s += priorityGroupOf(priority?.[k]);
  return s;
}

export const priorityTotal = defineFormula({
  key: 'priorityTotal',
  section: '§4',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('priorityGroup'),
  compute: priorityTotalOf,
  expr: (x: { groups: Expr[] }) => sum(x.groups, 'patients'),
  // `group`: the range of the five group cells.
  excel: (r) => `SUMIF(${r.priorityGroup},">0")`,
});
