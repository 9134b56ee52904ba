/**
 * "Lists on paper" (domain.md §6, Vårdanalys 2023): listed who have a named doctor today beyond what the
 * doctors have capacity for, max(0, withNamedDoctor − capacity).
 */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Patients } from '../types';
import { constant, max, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.paperListPatients;

export function paperListPatientsOf(withNamedDoctor: Patients, capacity: Patients): Patients {
  return Math.max(0, withNamedDoctor - Math.max(0, capacity));
}

export const paperListPatients = defineFormula({
  key: 'paperListPatients',
  section: '§6',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'vardanalys',
  inputs: inputsOf('withNamedDoctor', 'capacity'),
  compute: paperListPatientsOf,
  expr: (x: { withNamedDoctor: Expr; capacity: Expr }) => max(constant(0), sub(x.withNamedDoctor, x.capacity)),
  excel: (r) => `MAX(0,MAX(0,N(${r.withNamedDoctor}))-MAX(0,${r.capacity}))`,
});
