/** visitMinutes = plannedShare × plannedMinutes + (1 − plannedShare) × acuteMinutes (domain.md §3). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Minutes, Share } from '../types';
import { add, mul, one, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.visitMinutes;

export function visitMinutesOf(plannedShare: Share, plannedMinutes: Minutes, acuteMinutes: Minutes): Minutes {
  return plannedShare * plannedMinutes + (1 - plannedShare) * acuteMinutes;
}

export const visitMinutes = defineFormula({
  key: 'visitMinutes',
  section: '§3',
  kind: 'minutes',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('plannedShare', 'plannedMinutes', 'acuteMinutes'),
  compute: visitMinutesOf,
  expr: (x: { plannedShare: Expr; plannedMinutes: Expr; acuteMinutes: Expr }) =>
    add(mul(x.plannedShare, x.plannedMinutes), mul(sub(one, x.plannedShare), x.acuteMinutes)),
  excel: (r) => `${r.plannedShare}*${r.plannedMinutes}+(1-${r.plannedShare})*${r.acuteMinutes}`,
});
