/** capacity(d): the capacity of the model the unit chose to drive the plan (domain.md §3–§4; default: guideline). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { CapacityModel, Patients } from '../types';
import { modelWords, wordMatchFormula } from '../vocabulary';
import type { Val } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.capacity;

export function capacityOf(model: CapacityModel, capacityGuideline: Patients, capacityTime: Patients): Patients {
  return model === 'time' ? capacityTime : capacityGuideline;
}

export const capacity = defineFormula({
  key: 'capacity',
  section: '§4',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('model', 'capacityGuideline', 'capacityTime'),
  compute: capacityOf,
  /** The chosen model's own chain, written out. */
  expr: (x: { chosen: Val }) => x.chosen.e,
  // The model cell holds a word; every word the vocabulary reads as the time model counts (engine/vocabulary.ts).
  excel: (r) => `IF(${wordMatchFormula(r.model, modelWords('time'))},${r.capacityTime},${r.capacityGuideline})`,
});
