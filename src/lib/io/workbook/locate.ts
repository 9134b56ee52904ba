/**
 * Where a problem the engine found (a JSON path from parsePlan, "doctors[2].employment") sits in the
 * workbook a person has open: sheet, row and column (contracts.md: every message `{ sheet, row,
 * column, message }`; issue 12.7: never a JSON path, never an empty detail). Rows are the rows the
 * import actually read the values from (a hand-made sheet need not follow our layout).
 */
import { IO_STRINGS, fill } from '../../strings/io.sv';
import type { IoMessage } from '../messages';
import { DOCTOR_INPUTS, SHEET, UNIT_ROWS } from './layout';

const M = IO_STRINGS.import;
const W = IO_STRINGS.workbook;

export interface PlanPlaces {
  doctorsSheet: string;
  unitSheet: string;
  /** The assumptions sheet as found in the file (its canonical name when there is none). */
  assumptionsSheet?: string;
  /** Spreadsheet row of each doctor, by index in the plan. */
  doctorRows: readonly number[];
  /** Header as written in the file for a doctor field, if the file has that column. */
  doctorHeader?: (key: string) => string | undefined;
  /** Spreadsheet rows of the unit items (key → row) as found in the file. */
  unitRows?: ReadonlyMap<string, number>;
  /** Spreadsheet rows of the assumptions (time keys and profile values) as found in the file. */
  assumptionRows?: ReadonlyMap<string, number>;
}

/**
 * The message at its place. `warning`: the import went through, so the text is the engine's own
 * (an error that cannot be placed says the plan cannot be used; a warning never does).
 */
export function locatePlanProblem(path: string, message: string, places: PlanPlaces, warning: boolean): IoMessage {
  const m = /^doctors\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const row = places.doctorRows[Number(m[1])] ?? null;
    const key = m[2];
    const col = key ? (places.doctorHeader?.(key) ?? DOCTOR_INPUTS.find((c) => c.key === key)?.header ?? null) : null;
    return { sheet: places.doctorsSheet, row, column: col, message };
  }
  if (path === 'doctors') {
    // A check over all doctors (their lists add up to more than the unit's listed): the Listade column.
    return { sheet: places.doctorsSheet, row: null, column: places.doctorHeader?.('listed') ?? DOCTOR_INPUTS.find((c) => c.key === 'listed')!.header, message };
  }
  const u = /^unit\.(\w+(?:\.\w+)?)/.exec(path);
  if (u) {
    const key = u[1];
    const row = places.unitRows?.get(key) ?? (key in UNIT_ROWS ? UNIT_ROWS[key as keyof typeof UNIT_ROWS] : null);
    return { sheet: places.unitSheet, row, column: row === null ? null : W.headers.value, message };
  }
  const a = /^(?:time|profile)\.(.+)$/.exec(path);
  if (a) {
    const row = places.assumptionRows?.get(a[1]) ?? null;
    return { sheet: places.assumptionsSheet ?? SHEET.assumptions, row, column: row === null ? null : W.headers.value, message };
  }
  if (path === 'model' || path === 'profile') {
    const row = places.unitRows?.get(path) ?? UNIT_ROWS[path];
    return { sheet: places.unitSheet, row, column: W.headers.value, message };
  }
  return { sheet: '', row: null, column: null, message: warning ? message : fill(M.invalidPlan, { message }) };
}

/** Problems found by the engine that are not already reported at the same place by the cell checks. */
export function newAtTheirPlace(found: readonly IoMessage[], already: readonly IoMessage[]): IoMessage[] {
  const taken = new Set(already.map((e) => `${e.sheet}\u0000${e.row}\u0000${e.column}`));
  return found.filter((e) => !taken.has(`${e.sheet}\u0000${e.row}\u0000${e.column}`));
}
