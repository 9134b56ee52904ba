/** The units of a contact log: a unit's own log taken as listed at the unit, and contacts per unit value. */
import type { ContactLog } from './types';

/**
 * A unit's own contact log as the app reads it (not a region's): every patient in the log is taken
 * as listed at the unit `homeUnit` (a value of the log's unit column). A log without a unit column is
 * the unit's own extract: every contact took place at the unit. With this, "own-unit visits only"
 * (SKR) means the contacts whose unit column names the unit.
 */
export function withHomeUnit(log: ContactLog, homeUnit: string): ContactLog {
  const P = log.patientKeys.length;
  if (!log.unit || !log.unitKeys) {
    return { ...log, unitKeys: [homeUnit], unit: new Int32Array(log.count), listedUnit: new Int32Array(P) };
  }
  let home = log.unitKeys.indexOf(homeUnit);
  const unitKeys = log.unitKeys.slice();
  if (home < 0) {
    home = unitKeys.length;
    unitKeys.push(homeUnit);
  }
  return { ...log, unitKeys, listedUnit: new Int32Array(P).fill(home) };
}

/** Contacts per value of the log's unit column, most first (for choosing which value is the unit). */
export function unitCounts(log: ContactLog): { unit: string; contacts: number }[] {
  if (!log.unit || !log.unitKeys) return [];
  const counts = new Array<number>(log.unitKeys.length).fill(0);
  for (let i = 0; i < log.count; i++) if (log.unit[i] >= 0) counts[log.unit[i]]++;
  return log.unitKeys.map((unit, i) => ({ unit, contacts: counts[i] })).filter((u) => u.contacts > 0).sort((a, b) => b.contacts - a.contacts || (a.unit < b.unit ? -1 : 1));
}
