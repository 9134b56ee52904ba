/** gapPatients = max(0, ceil(targetCoverage × N) − capacity) (domain.md §4). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Patients } from '../types';
import { constant, max, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.gapPatients;

export function gapPatientsOf(targetPatients: Patients, capacity: Patients): Patients {
  return Math.max(0, targetPatients - capacity);
}

export const gapPatients = defineFormula({
  key: 'gapPatients',
  section: '§4',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('targetPatients', 'capacity'),
  compute: gapPatientsOf,
  expr: (x: { target: Expr; capacity: Expr }) => max(constant(0), sub(x.target, x.capacity)),
  excel: (r) => `MAX(0,${r.targetPatients}-${r.capacity})`,
});
