/** Tjänstgöringsgrad as the formulas use it (domain.md §2: employment, share of full time, 0–1). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import { clamp, num } from '../round';
import type { Share } from '../types';
import { shareFormula } from '../vocabulary';
import { num as leaf } from './expr';
import { inputLabel, inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.employment;

/** Employment clamped to 0–1 (parsePlan refuses anything else; this keeps a half-edited plan sane). */
export function employmentOf(typed: unknown): Share {
  return clamp(num(typed), 0, 1);
}

export const employment = defineFormula({
  key: 'employment',
  section: '§2',
  kind: 'percent',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('employment'),
  compute: employmentOf,
  /** The typed input itself (an explanation notes it when the typed value was outside 0–100 %). */
  expr: (x: { used: Share; path?: string }) => leaf(x.used, 'percent', inputLabel('employment'), x.path),
  // A typed "80" in the cell is 80 % (the share rule, engine/vocabulary.ts), then clamped as the engine does.
  excel: (r) => `MIN(1,MAX(0,${shareFormula(r.employment)}))`,
});
