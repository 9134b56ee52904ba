/**
 * Places the allocation may fill (domain.md §6, issue 16.4/16.6): max(0, min(capacity, agreedListSize) − listed)
 * for a doctor who holds a named-doctor list; an agreement below capacity sets the ceiling. Σ over the doctors
 * is the unit's figure, and exactly what the allocation suggestion distributes.
 */
import { PEER_FORMULA_TEXT } from '../../strings/peers.sv';
import type { Patients } from '../types';
import { constant, max, min, sub, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.freePlacesOpen;

export function freePlacesOpenOf(capacity: Patients, agreed: Patients | null, listed: Patients | null): Patients {
  const ceiling = agreed === null ? capacity : Math.min(capacity, agreed);
  return Math.max(0, ceiling - (listed ?? 0));
}

export const freePlacesOpen = defineFormula({
  key: 'freePlacesOpen',
  section: '§9',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: {
    capacity: { label: T.inputs.capacity, kind: 'patients' },
    agreed: { label: T.inputs.agreed, kind: 'patients' },
    listed: { label: T.inputs.listed, kind: 'patients' },
  },
  compute: freePlacesOpenOf,
  /** "max(0; 838 − 790)"; with an agreement below capacity "max(0; min(838; 800) − 790)". */
  expr: (x: { capacity: Expr; agreed: Expr | null; listed: Expr }) => max(constant(0), sub(x.agreed ? min(x.capacity, x.agreed) : x.capacity, x.listed)),
  excel: (r) => `MAX(0,IF(ISNUMBER(${r.agreed}),MIN(${r.capacity},${r.agreed}),${r.capacity})-N(${r.listed}))`,
});
