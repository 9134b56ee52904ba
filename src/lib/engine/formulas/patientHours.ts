/** patientHoursYear = max(0, employment × fullTimeHours − dutyHoursPerWeek) × weeksPerYear × presence (domain.md §3). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Hours, Share, Weeks } from '../types';
import { constant, max, mul, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.patientHoursYear;

export function patientHoursYearOf(availableHours: Hours, dutyHours: Hours, weeksPerYear: Weeks, presence: Share): Hours {
  return Math.max(0, availableHours - dutyHours) * Math.max(0, weeksPerYear) * presence;
}

export const patientHoursYear = defineFormula({
  key: 'patientHoursYear',
  section: '§3',
  kind: 'hours',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('availableHours', 'dutyHours', 'weeksPerYear', 'presence'),
  compute: patientHoursYearOf,
  // "(32 − 4) × 42 × (1 − 6 / 42)"; no duties: "32 × 42"; duties over the week: "max(0; 32 − 50) × 42".
  expr: (x: { availableHours: Expr; dutyHours: Expr; weeksPerYear: Expr; presence: Expr; available: Hours; duty: Hours; present: Share }) => {
    const week = x.duty === 0 ? x.availableHours : x.duty > x.available ? max(constant(0), sub(x.availableHours, x.dutyHours)) : sub(x.availableHours, x.dutyHours);
    return x.present === 1 ? mul(week, x.weeksPerYear) : mul(week, x.weeksPerYear, x.presence);
  },
  excel: (r) => `MAX(0,${r.availableHours}-${r.dutyHours})*MAX(0,${r.weeksPerYear})*${r.presence}`,
});
