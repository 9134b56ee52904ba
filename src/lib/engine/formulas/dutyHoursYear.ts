/**
 * The year's hours for other duties: min(dutyHours, working week) × weeksPerYear × presence (domain.md §3).
 * With absenceHoursYear the rest of the contracted year: patient + duty + absence = employment × fullTime × weeks.
 */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Hours, Share, Weeks } from '../types';
import { min, mul, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.dutyHoursYear;

export function dutyHoursYearOf(dutyHours: Hours, availableHours: Hours, weeksPerYear: Weeks, presence: Share): Hours {
  return Math.min(dutyHours, Math.max(0, availableHours)) * Math.max(0, weeksPerYear) * presence;
}

export const dutyHoursYear = defineFormula({
  key: 'dutyHoursYear',
  section: '§3',
  kind: 'hours',
  label: T.label,
  rule: T.rule,
  source: 'assumption',
  inputs: inputsOf('dutyHours', 'availableHours', 'weeksPerYear', 'presence'),
  compute: dutyHoursYearOf,
  expr: (x: { dutyHours: Expr; availableHours: Expr; weeksPerYear: Expr; presence: Expr; duty: Hours; available: Hours; present: Share }) => {
    const week = x.duty > x.available ? min(x.dutyHours, x.availableHours) : x.dutyHours;
    return x.present === 1 ? mul(week, x.weeksPerYear) : mul(week, x.weeksPerYear, x.presence);
  },
  excel: (r) => `MIN(${r.dutyHours},MAX(0,${r.availableHours}))*MAX(0,${r.weeksPerYear})*${r.presence}`,
});
