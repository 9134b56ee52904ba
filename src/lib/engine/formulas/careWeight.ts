/** careWeight(d) (domain.md §2): the list's care weight if known, else the unit's (default 1.0). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { CareWeight } from '../types';
import { num as leaf } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.careWeight;

/** A care weight that can be used: a finite number above 0. */
export function usableCareWeight(x: unknown): x is number {
  return typeof x === 'number' && x > 0 && Number.isFinite(x);
}

export function careWeightOf(doctor: unknown, unit: unknown): CareWeight {
  if (usableCareWeight(doctor)) return doctor;
  if (usableCareWeight(unit)) return unit;
  return 1;
}

export type CareWeightSource = 'doctor' | 'unit' | 'default';

export function careWeightSourceOf(doctor: unknown, unit: unknown): CareWeightSource {
  return usableCareWeight(doctor) ? 'doctor' : usableCareWeight(unit) ? 'unit' : 'default';
}

export const careWeight = defineFormula({
  key: 'careWeight',
  section: '§2',
  kind: 'careWeight',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('doctorCareWeight', 'unitCareWeight'),
  compute: careWeightOf,
  /** The value used, as the input it came from (the default 1,00 has no input to jump to). */
  expr: (x: { used: CareWeight; label: string; path?: string }) => leaf(x.used, 'careWeight', x.label, x.path),
  excel: (r) =>
    `IF(AND(ISNUMBER(${r.doctorCareWeight}),N(${r.doctorCareWeight})>0),${r.doctorCareWeight},IF(AND(ISNUMBER(${r.unitCareWeight}),N(${r.unitCareWeight})>0),${r.unitCareWeight},1))`,
});
