// The exported workbook's number formats come from the engine's one formatter per kind (excelFormat): every
// cell shows a figure as the app shows it (issue 10.1; "310,5 list points must show 310,5").
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createDemoPlan, excelFormat, FORMULAS } from '../../../src/lib/engine/index';
import { exportWorkbook } from '../../../src/lib/io/index';
import { DOCTOR_INPUTS, DOCTOR_RESULTS, UNIT_ROWS, colLetter } from '../../../src/lib/io/workbook/layout';

const TODAY = '2026-11-23';
const COLS = [...DOCTOR_INPUTS, ...DOCTOR_RESULTS];

function exported() {
  const plan = createDemoPlan();
  plan.doctors[0].listPoints = 310.5;
  plan.doctors[1].careWeight = 1.125;
  plan.doctors[2].employment = 0.625;
  plan.doctors[2].stMonthsDone = 15; // base 412,5
  const wb = XLSX.read(exportWorkbook(plan, { today: TODAY }), { type: 'array', cellFormula: true, cellNF: true });
  return { plan, wb, result: computePlan(plan, { today: TODAY }) };
}

describe('cell formats by kind', () => {
  const { wb, result } = exported();
  const ws = wb.Sheets['Läkare'];
  const cell = (key: string, row: number) => ws[`${colLetter(COLS.findIndex((c) => c.key === key))}${row}`] as XLSX.CellObject;
  it('typed values keep their decimals: 310,5 points, care weight 1,125, 62,5 %', () => {
    expect(cell('listPoints', 2).z).toBe('#,##0.0');
    expect(cell('careWeight', 3).z).toBe('0.000');
    expect(cell('employment', 4).z).toBe('#,##0.0 %');
    expect(cell('employment', 2).z).toBe('#,##0 %');
    expect(cell('base', 4)).toMatchObject({ v: 412.5, z: '#,##0.0' });
  });
  it('every result cell has the format of its declaration’s kind for its value', () => {
    result.doctors.forEach((d, i) => {
      for (const c of DOCTOR_RESULTS) {
        const x = cell(c.key, i + 2);
        if (typeof x.v !== 'number') continue;
        expect(x.z, `${c.key} row ${i + 2}`).toBe(excelFormat(c.kind, x.v));
      }
    });
    expect(cell('capacityGuideline', 2).z).toBe('#,##0');
    expect(cell('loadRatio', 2).z).toBe('#,##0 %');
    expect(cell('clinicalFte', 2).z).toBe('#,##0.00');
  });
  it('the unit sheet: coverage with one decimal, FTE with two, patients whole', () => {
    const u = wb.Sheets.Enhet;
    const at = (k: keyof typeof UNIT_ROWS) => u[`B${UNIT_ROWS[k]}`] as XLSX.CellObject;
    expect(at('coverageToday').z).toBe(excelFormat(FORMULAS.coverageToday.kind, result.unit.coverageToday));
    expect(at('coverageToday').z).toBe('#,##0.0 %');
    expect(at('fteNeeded').z).toBe('#,##0.00');
    expect(at('gapPatients').z).toBe('#,##0');
    expect(at('careWeight').z).toBe('0.00');
  });
});
