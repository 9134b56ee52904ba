/**
 * Capacity beyond the agreed list size (issue 16.4): capacity − agreedListSize (domain.md §8), positive and
 * negative; negative when the agreement promises more patients than the doctor has capacity for.
 */
import { PEER_FORMULA_TEXT } from '../../strings/peers.sv';
import type { Patients } from '../types';
import { sub, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.freePlacesAgreed;

export function freePlacesAgreedOf(capacity: Patients, agreed: Patients): Patients {
  return capacity - agreed;
}

/**
 * The agreed list size of a doctor, read defensively (the agreement fields are optional; domain.md §8): a
 * whole, non-negative number, else null. A plan file from a version that does not know the field keeps it in
 * the doctor's bag of unknown fields, so both places are read.
 */
export function agreedListSizeOfDoctor(d: unknown): Patients | null {
  if (typeof d !== 'object' || d === null) return null;
  const o = d as { agreedListSize?: unknown; extra?: { agreedListSize?: unknown } };
  const a = o.agreedListSize ?? o.extra?.agreedListSize;
  return typeof a === 'number' && Number.isFinite(a) && a >= 0 ? Math.floor(a) : null;
}

export const freePlacesAgreed = defineFormula({
  key: 'freePlacesAgreed',
  section: '§9',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: { capacity: { label: T.inputs.capacity, kind: 'patients' }, agreed: { label: T.inputs.agreed, kind: 'patients' } },
  compute: freePlacesAgreedOf,
  expr: (x: { capacity: Expr; agreed: Expr }) => sub(x.capacity, x.agreed),
  excel: (r) => `IF(ISNUMBER(${r.agreed}),${r.capacity}-${r.agreed},"")`,
});
