/**
 * The care weight suggested from a list's ages (domain.md §9, issue 16.1): the unit's care weight as used ×
 * the list's age index ÷ the unit's age index, to three decimals. The unit's level (its entered figure, a
 * region's ACG or CNI, or its own adopted age index) is kept; the ages only say how much heavier or lighter
 * each list is than the unit. For the unit itself the suggestion is its age index against the reference.
 * A suggestion is never applied silently: the user adopts it (one undo step), and a region's ACG or CNI
 * figure, when entered, takes precedence.
 */
import { PEER_FORMULA_TEXT } from '../../strings/peers.sv';
import type { CareWeight } from '../types';
import { div, mul, type Expr } from './expr';
import { toThreeDecimals } from './ageIndex';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.careWeightSuggested;

export function careWeightSuggestedOf(unitCareWeight: CareWeight, listIndex: number | null, unitIndex: number | null): CareWeight | null {
  if (listIndex === null || unitIndex === null || !(unitIndex > 0) || !(unitCareWeight > 0)) return null;
  const v = toThreeDecimals((unitCareWeight * listIndex) / unitIndex);
  return v > 0 ? v : null;
}

export const careWeightSuggested = defineFormula({
  key: 'careWeightSuggested',
  section: '§9',
  kind: 'careWeight',
  label: T.label,
  rule: T.rule,
  source: 'model',
  inputs: {
    unitCareWeight: { label: T.inputs.unitCareWeight, kind: 'careWeight' },
    listIndex: { label: T.inputs.listIndex, kind: 'careWeight' },
    unitIndex: { label: T.inputs.unitIndex, kind: 'careWeight' },
  },
  compute: careWeightSuggestedOf,
  expr: (x: { unitCareWeight: Expr; listIndex: Expr; unitIndex: Expr }) => div(mul(x.unitCareWeight, x.listIndex), x.unitIndex),
  excel: (r) => `ROUND(${r.unitCareWeight}*${r.listIndex}/${r.unitIndex},3)`,
});
