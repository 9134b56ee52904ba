/** The target in whole patients, ceil(targetCoverage × N) (domain.md §4, inside gapPatients): rounded up. */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import { ceilPatients } from '../round';
import type { Patients, Share } from '../types';
import { shareFormula } from '../vocabulary';
import { mul, roundUp, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.targetPatients;

export function targetPatientsRaw(targetCoverage: Share, listed: Patients): number {
  return targetCoverage * listed;
}

export function targetPatientsOf(targetCoverage: Share, listed: Patients): Patients {
  return ceilPatients(targetPatientsRaw(targetCoverage, listed));
}

export const targetPatients = defineFormula({
  key: 'targetPatients',
  section: '§4',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('targetCoverage', 'listed'),
  compute: targetPatientsOf,
  expr: (x: { targetCoverage: Expr; listed: Expr; target: Share; listedValue: Patients }) =>
    roundUp(mul(x.targetCoverage, x.listed), targetPatientsRaw(x.target, x.listedValue)),
  // A target cell left empty means 100 %, as in the engine (parsePlan's default); a typed "95" is 95 % (the share rule).
  excel: (r) => `ROUNDUP(ROUND(IF(ISNUMBER(${r.targetCoverage}),MAX(0,${shareFormula(r.targetCoverage)}),1)*MAX(0,N(${r.listed})),9),0)`,
});
