/**
 * Free places (domain.md §8, issue 16.4): capacity − listed, positive and negative, for a doctor who holds a
 * named-doctor list (base > 0, not a fictive list). An unknown list counts as 0, as in the allocation.
 */
import { PEER_FORMULA_TEXT } from '../../strings/peers.sv';
import type { Patients } from '../types';
import { sub, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.freePlaces;

export function freePlacesOf(capacity: Patients, listed: Patients | null): Patients {
  return capacity - (listed ?? 0);
}

export const freePlaces = defineFormula({
  key: 'freePlaces',
  section: '§9',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: { capacity: { label: T.inputs.capacity, kind: 'patients' }, listed: { label: T.inputs.listed, kind: 'patients' } },
  compute: freePlacesOf,
  expr: (x: { capacity: Expr; listed: Expr }) => sub(x.capacity, x.listed),
  excel: (r) => `${r.capacity}-N(${r.listed})`,
});
