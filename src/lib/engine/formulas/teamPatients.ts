/**
 * The patients the team makes room for (domain.md §9): capacityTime with the team − capacityTime without it,
 * the way a duty is shown as the patients it costs. Never negative: the team only takes visits over.
 */
import { PEER_FORMULA_TEXT } from '../../strings/peers.sv';
import type { Patients } from '../types';
import { sub, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.teamPatients;

export function teamPatientsOf(withTeam: Patients, withoutTeam: Patients): Patients {
  return Math.max(0, withTeam - withoutTeam);
}

export const teamPatients = defineFormula({
  key: 'teamPatients',
  section: '§9',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'team',
  inputs: { with: { label: T.inputs.with, kind: 'patients' }, without: { label: T.inputs.without, kind: 'patients' } },
  compute: teamPatientsOf,
  expr: (x: { with: Expr; without: Expr }) => sub(x.with, x.without),
  excel: (r) => `MAX(0,${r.with}-${r.without})`,
});
