/**
 * What the time model gives one full-time doctor without duties or absence at care weight 1.0
 * (domain.md §3): fullTimeHours × weeksPerYear × (1 − indirectShare) × 60 / visitMinutes × ownPatientShare /
 * visitsPerPatientYear (1 176 with the defaults). Both models scale with clinical FTE and care weight in the
 * same way, so the difference between them for a doctor comes from this figure against the doctor's base.
 */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import { round9 } from '../round';
import type { Patients, TimeAssumptions } from '../types';
import { div, mul, one, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';
import { MINUTES_PER_HOUR } from './visitsYear';
import { visitMinutesOf } from './visitMinutes';

const T = FORMULA_TEXT.timePerFte;

export function timePerFteOf(t: TimeAssumptions): Patients {
  const vm = visitMinutesOf(t.plannedShare, t.plannedMinutes, t.acuteMinutes);
  if (vm <= 0 || t.visitsPerPatientYear <= 0) return 0;
  return round9(((t.fullTimeHours * Math.max(0, t.weeksPerYear) * (1 - t.indirectShare) * MINUTES_PER_HOUR) / vm) * (t.ownPatientShare / t.visitsPerPatientYear));
}

export const timePerFte = defineFormula({
  key: 'timePerFte',
  section: '§3',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('fullTimeHours', 'weeksPerYear', 'indirectShare', 'visitMinutes', 'ownPatientShare', 'visitsPerPatientYear'),
  compute: timePerFteOf,
  expr: (x: Record<'fullTimeHours' | 'weeksPerYear' | 'indirectShare' | 'visitMinutes' | 'ownPatientShare' | 'visitsPerPatientYear', Expr>) =>
    div(
      mul(x.fullTimeHours, x.weeksPerYear, sub(one, x.indirectShare), { t: 'num', v: MINUTES_PER_HOUR, k: 'factor' }, x.ownPatientShare),
      mul(x.visitMinutes, x.visitsPerPatientYear),
    ),
  excel: (r) =>
    `IF(AND(${r.visitMinutes}>0,${r.visitsPerPatientYear}>0),${r.fullTimeHours}*MAX(0,${r.weeksPerYear})*(1-${r.indirectShare})*${MINUTES_PER_HOUR}/${r.visitMinutes}*${r.ownPatientShare}/${r.visitsPerPatientYear},0)`,
});
