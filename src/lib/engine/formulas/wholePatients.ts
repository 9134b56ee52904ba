/** Capacities are whole patients (domain.md, introduction): floor after rounding to 9 decimals. */
import { floorPatients } from '../round';
import type { Patients } from '../types';

/** Whole, finite, non-negative patients (a nonsense input never yields a negative or infinite capacity). */
export function wholePatients(x: number): Patients {
  const c = floorPatients(x);
  return Number.isFinite(c) && c > 0 ? c : 0;
}

/** The spreadsheet form: INT(ROUND(x, 9)), never below 0. */
export function wholePatientsExcel(x: string): string {
  return `MAX(0,INT(ROUND(${x},9)))`;
}
