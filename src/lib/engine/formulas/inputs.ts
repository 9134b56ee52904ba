/**
 * The inputs of the formulas by name: one Swedish label (strings/formulas.sv.ts INPUT_LABELS) and one kind
 * each, so an input reads the same in every formula that uses it. A declaration lists its inputs with
 * `inputsOf('base', 'clinicalFte', 'careWeight')`, and its `excel(refs)` takes the same names.
 */
import { INPUT_LABELS } from '../../strings/formulas.sv';
import type { QuantityKind } from '../quantity';
import type { InputDef } from './types';

export type InputName = keyof typeof INPUT_LABELS;

export const INPUT_KINDS = {
  employment: 'percent',
  fullTimeHours: 'hours',
  availableHours: 'hours',
  dutyTerm: 'hours',
  dutyHours: 'hours',
  dutyShare: 'share',
  absenceWeeks: 'weeks',
  weeksPerYear: 'weeks',
  presence: 'share',
  clinicalFte: 'fte',
  category: 'text',
  stMonthsDone: 'months',
  stMonthsTotal: 'months',
  stProgress: 'factor',
  specialist: 'patients',
  stMid: 'patients',
  rampEnabled: 'count',
  startFactor: 'factor',
  endFactor: 'factor',
  base: 'patients',
  doctorCareWeight: 'careWeight',
  unitCareWeight: 'careWeight',
  careWeight: 'careWeight',
  patientHours: 'hours',
  directHours: 'hours',
  indirectShare: 'percent',
  plannedShare: 'percent',
  plannedMinutes: 'minutes',
  acuteMinutes: 'minutes',
  visitMinutes: 'minutes',
  visitsYear: 'visits',
  ownPatientShare: 'percent',
  visitsPerPatientYear: 'factor',
  model: 'text',
  capacityGuideline: 'patients',
  capacityTime: 'patients',
  capacity: 'patients',
  capacityWithout: 'patients',
  listed: 'patients',
  perFte: 'patients',
  stFactor: 'factor',
  doctorValue: 'patients',
  withNamedDoctor: 'patients',
  targetCoverage: 'percent',
  targetPatients: 'patients',
  gapPatients: 'patients',
  priorityGroup: 'patients',
  priorityTotal: 'patients',
  sekPerListPoint: 'sek',
  listPoints: 'points',
  sekPerCareWeightPoint: 'sek',
  careWeightPoints: 'points',
} as const satisfies Record<InputName, QuantityKind | 'text'>;

/** The declarations of the named inputs, for a formula's `inputs`. */
export function inputsOf<const N extends InputName>(...names: N[]): Readonly<Record<N, InputDef>> {
  const out = {} as Record<N, InputDef>;
  for (const n of names) out[n] = { label: INPUT_LABELS[n], kind: INPUT_KINDS[n] };
  return out;
}

/** An input's label (for an explanation's leaves). */
export function inputLabel(name: InputName): string {
  return INPUT_LABELS[name];
}
