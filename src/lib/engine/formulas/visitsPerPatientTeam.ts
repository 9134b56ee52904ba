/**
 * visitsPerPatientTeam = visitsPerPatientYear × (1 − δ) (domain.md §9): the doctor visits a named patient
 * still needs a year when the team takes over the share δ. The time model's capacity divides by it.
 */
import { PEER_FORMULA_TEXT } from '../../strings/peers.sv';
import type { Share } from '../types';
import { mul, one, sub, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.visitsPerPatientTeam;

export function visitsPerPatientTeamOf(visitsPerPatientYear: number, delegation: Share): number {
  return visitsPerPatientYear * (1 - delegation);
}

export const visitsPerPatientTeam = defineFormula({
  key: 'visitsPerPatientTeam',
  section: '§9',
  kind: 'factor',
  label: T.label,
  rule: T.rule,
  source: 'team',
  inputs: {
    visitsPerPatientYear: { label: T.inputs.visitsPerPatientYear, kind: 'factor' },
    delegation: { label: T.inputs.delegation, kind: 'percent' },
  },
  compute: visitsPerPatientTeamOf,
  expr: (x: { visitsPerPatientYear: Expr; delegation: Expr }) => mul(x.visitsPerPatientYear, sub(one, x.delegation)),
  excel: (r) => `${r.visitsPerPatientYear}*(1-${r.delegation})`,
});
