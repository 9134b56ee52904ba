/// <reference types="node" />
/**
 * Shared by the two ST-default recalculation tests: ST doctors without an ST length in an exported workbook,
 * months done retyped by hand, recalculated by LibreOffice, and compared with computePlan.
 */
import { expect } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createEmptyPlan } from '../../../src/lib/engine/index';
import type { Doctor, Plan } from '../../../src/lib/engine/types';
import { exportWorkbook } from '../../../src/lib/io/index';
import { DOCTOR_INPUTS, DOCTOR_RESULTS, colLetter } from '../../../src/lib/io/workbook/layout';
import { convertWithLibreOffice } from './libreoffice';

const COLS = [...DOCTOR_INPUTS, ...DOCTOR_RESULTS];
const col = (key: string) => colLetter(COLS.findIndex((c) => c.key === key));

/** Months done as typed in Excel for each ST doctor (none of them has a total). */
const RETYPED = [0, 12, 33, 59, 61, 80];

export function stWithoutTotalPlan(): Plan {
  const p = createEmptyPlan('Enheten');
  p.unit.listed = 20_000;
  p.doctors = RETYPED.map((_, i): Doctor => ({ id: `st${i + 1}`, name: `ST ${i + 1}`, category: 'st', employment: 1, duties: [], absenceWeeks: 0, stMonthsDone: 6 }));
  // One without months done either: mid-training in both.
  p.doctors.push({ id: 'mid', name: 'ST mitt', category: 'st', employment: 0.8, duties: [], absenceWeeks: 0 });
  return p;
}

/** Exports, retypes the months done, lets LibreOffice recalculate, and expects every base and capacity to be the engine's. */
export function expectWorkbookAgreesOnStDefault(): void {
  const plan = stWithoutTotalPlan();
  const wb = XLSX.read(exportWorkbook(plan), { type: 'array', cellFormula: true });
  const ws = wb.Sheets['Läkare'];
  RETYPED.forEach((m, i) => (ws[`${col('stMonthsDone')}${i + 2}`] = { t: 'n', v: m }));
  const edited = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const changed = structuredClone(plan);
  RETYPED.forEach((m, i) => (changed.doctors[i].stMonthsDone = m));
  const expected = computePlan(changed);
  const out = convertWithLibreOffice(edited, 'xlsx', { recalc: 'always' });
  const back = XLSX.read(out.get('plan.xlsx')!, { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(back.Sheets['Läkare'], { header: 1, raw: true, defval: null });
  const header = rows[0] as string[];
  const at = (h: string) => header.indexOf(h);
  expected.doctors.forEach((d, i) => {
    const row = rows[i + 1];
    expect({ id: row[at('Id')], base: row[at('Bas (patienter/heltid)')] as number, g: row[at('Kapacitet (riktvärde)')], t: row[at('Kapacitet (tid)')] }).toEqual({
      id: d.id,
      base: expect.closeTo(d.base, 9),
      g: d.capacityGuideline,
      t: d.capacityTime,
    });
  });
}
