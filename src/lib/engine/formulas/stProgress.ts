/** ST progress = monthsDone / monthsTotal, clamped to 0–1 (domain.md §2). */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import { clamp } from '../round';
import type { Share } from '../types';
import { ST_PROGRESS_UNKNOWN } from './constants';
import { num as leaf, ratio, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.stProgress;

export { ST_PROGRESS_UNKNOWN };

/** Months done as used: a number clamped to 0 … total, or null when not given. */
export function stMonthsDoneOf(typed: unknown, total: number): number | null {
  return typeof typed === 'number' && Number.isFinite(typed) ? clamp(typed, 0, total) : null;
}

/** done / total, 0–1; ST_PROGRESS_UNKNOWN when done is not known. `total` is above 0 (stMonthsTotalOf). */
export function stProgressOf(done: number | null, total: number): Share {
  return done === null ? ST_PROGRESS_UNKNOWN : clamp(done / total, 0, 1);
}

export const stProgress = defineFormula({
  key: 'stProgress',
  section: '§2',
  kind: 'factor',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('stMonthsDone', 'stMonthsTotal'),
  compute: stProgressOf,
  expr: (x: { done: Expr | null; total: Expr }) => (x.done === null ? leaf(ST_PROGRESS_UNKNOWN, 'factor', FORMULA_WORDS.stMid) : ratio(x.done, x.total)),
  excel: (r) => `IF(ISNUMBER(${r.stMonthsDone}),MIN(1,MAX(0,${r.stMonthsDone}/${r.stMonthsTotal})),${ST_PROGRESS_UNKNOWN})`,
});
