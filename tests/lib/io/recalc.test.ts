/// <reference types="node" />
/**
 * The exported workbook in a real spreadsheet program: change input cells, let LibreOffice
 * recalculate, and compare every recomputed capacity (both models, every doctor) and the unit
 * results with computePlan on the same change. If soffice is missing the test fails under CI and
 * is skipped only on a developer machine without it.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createDemoPlan } from '../../../src/lib/engine/index';
import type { Plan } from '../../../src/lib/engine/types';
import { exportWorkbook } from '../../../src/lib/io/index';
import { DOCTOR_INPUTS, DOCTOR_RESULTS, UNIT_ROWS, ASSUMPTION_ROWS, colLetter } from '../../../src/lib/io/workbook/layout';
import { patchZip } from '../../../src/lib/io/zip';
import { convertWithLibreOffice, sofficePath } from './libreoffice';

const TODAY = '2026-11-23';
const soffice = sofficePath();
const CI = process.env.CI === 'true';
const COLS = [...DOCTOR_INPUTS, ...DOCTOR_RESULTS];
const col = (key: string) => colLetter(COLS.findIndex((c) => c.key === key));

/** Sets cell values in the sheet XML inside the zip, as a person typing in Excel would (everything else untouched). */
function setCells(bytes: Uint8Array, sheetFile: string, cells: Record<string, number | string>): Uint8Array {
  return patchZip(bytes, (path, xml) => {
    if (path !== `xl/worksheets/${sheetFile}`) return null;
    let out = xml;
    for (const [ref, value] of Object.entries(cells)) {
      const v = typeof value === 'number' ? `<v>${value}</v>` : `<is><t>${value}</t></is>`;
      const t = typeof value === 'number' ? '' : ' t="inlineStr"';
      const re = new RegExp(`<c r="${ref}"([^>]*?)(/>|>.*?</c>)`);
      const m = re.exec(out);
      if (m) {
        const attrs = m[1].replace(/\s*t="[^"]*"/, '');
        out = out.replace(re, () => `<c r="${ref}"${attrs}${t}>${v}</c>`);
      } else {
        // An empty input cell: insert it in its row, keeping column order.
        const row = Number(/\d+$/.exec(ref)![0]);
        const rowRe = new RegExp(`(<row r="${row}"[^>]*>)(.*?)(</row>)`);
        const rm = rowRe.exec(out)!;
        const cellsXml = [...rm[2].matchAll(/<c r="([A-Z]+)\d+".*?(?:\/>|<\/c>)/g)];
        const colIdx = (c: string) => XLSX.utils.decode_col(c);
        const mine = colIdx(ref.replace(/\d+$/, ''));
        const before = cellsXml.filter((c) => colIdx(c[1]) < mine).map((c) => c[0]).join('');
        const after = cellsXml.filter((c) => colIdx(c[1]) > mine).map((c) => c[0]).join('');
        // A function replacement: the formulas hold `$B$12`, which a replacement string would read as `$1`.
        out = out.replace(rowRe, (_m, open: string, _cells: string, close: string) => `${open}${before}<c r="${ref}"${t}>${v}</c>${after}${close}`);
      }
    }
    return out;
  });
}

function sheetRows(wb: XLSX.WorkBook, name: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, raw: true, defval: null });
}

function expectMatches(wb: XLSX.WorkBook, plan: Plan): void {
  const expected = computePlan(plan, { today: TODAY });
  const rows = sheetRows(wb, 'Läkare');
  const header = rows[0] as string[];
  const idx = (h: string) => header.indexOf(h);
  expected.doctors.forEach((d, i) => {
    const row = rows[i + 1];
    expect({ id: row[idx('Id')], g: row[idx('Kapacitet (riktvärde)')], t: row[idx('Kapacitet (tid)')], c: row[idx('Kapacitet (vald modell)')] }).toEqual({
      id: d.id, g: d.capacityGuideline, t: d.capacityTime, c: d.capacity,
    });
  });
  const unit = new Map(sheetRows(wb, 'Enhet').map((r) => [r[3], r[1]]));
  const u = expected.unit;
  expect(unit.get('capacity')).toBe(u.capacity);
  expect(unit.get('capacityGuideline')).toBe(u.capacityGuideline);
  expect(unit.get('capacityTime')).toBe(u.capacityTime);
  expect(unit.get('gapPatients')).toBe(u.gapPatients);
  expect(unit.get('priorityTotal')).toBe(u.priorityTotal);
  expect(unit.get('priorityCovered')).toBe(u.priorityCovered);
  expect(unit.get('listedOnDoctors')).toBe(u.listedOnDoctors);
  expect(unit.get('coverageToday') as number).toBeCloseTo(u.coverageToday, 12);
  expect(unit.get('coveragePossible') as number).toBeCloseTo(u.coveragePossible, 12);
  expect(unit.get('fteNeeded') as number).toBeCloseTo(u.fteNeeded, 9);
}

describe.runIf(soffice !== null || CI)('LibreOffice recalculates the exported workbook', () => {
  it('soffice is installed (required under CI)', () => {
    expect(soffice, 'soffice (libreoffice-calc-nogui) must be installed').not.toBeNull();
  });

  it('recomputes both models for every doctor and the unit after inputs change', () => {
    const plan = createDemoPlan();
    const bytes = exportWorkbook(plan, { today: TODAY });
    // Changes a person makes in Excel: employment, a duty, a care weight typed into an empty cell,
    // a category, ST months, an assumption, the unit's listed and the model.
    const st = plan.doctors.findIndex((d) => d.category === 'st');
    const junior = plan.doctors.findIndex((d) => d.category === 'junior');
    let edited = setCells(bytes, 'sheet2.xml', {
      [`${col('employment')}2`]: 0.6,
      [`${col('duty:meetings')}3`]: 10,
      [`${col('careWeight')}2`]: 1.37,
      [`${col('category')}${junior + 2}`]: 'specialist',
      [`${col('stMonthsDone')}${st + 2}`]: 55,
      [`${col('absenceWeeks')}4`]: 7,
    });
    edited = setCells(edited, 'sheet3.xml', { [`B${ASSUMPTION_ROWS.ownPatientShare}`]: 0.62, [`B${ASSUMPTION_ROWS.plannedMinutes}`]: 25 });
    edited = setCells(edited, 'sheet1.xml', { [`B${UNIT_ROWS.listed}`]: 12345, [`B${UNIT_ROWS.model}`]: 'tid' });

    const changed = structuredClone(plan);
    changed.doctors[0].employment = 0.6;
    changed.doctors[0].careWeight = 1.37;
    const d1 = changed.doctors[1];
    d1.duties = [...d1.duties.filter((d) => d.kind !== 'meetings'), { kind: 'meetings', hoursPerWeek: 10 }];
    changed.doctors[junior].category = 'specialist';
    changed.doctors[st].stMonthsDone = 55;
    changed.doctors[2].absenceWeeks = 7;
    changed.time = { ...changed.time, ownPatientShare: 0.62, plannedMinutes: 25 };
    changed.unit.listed = 12345;
    changed.model = 'time';
    // The change must matter, or the test proves nothing.
    const before = computePlan(plan, { today: TODAY });
    const after = computePlan(changed, { today: TODAY });
    expect(after.unit.capacity).not.toBe(before.unit.capacity);
    expect(after.doctors[0].capacityGuideline).not.toBe(before.doctors[0].capacityGuideline);

    const out = convertWithLibreOffice(edited, 'xlsx', { recalc: 'always' });
    const file = out.get('plan.xlsx');
    expect(file, 'LibreOffice wrote plan.xlsx').toBeDefined();
    const wb = XLSX.read(file!, { type: 'buffer' });
    expectMatches(wb, changed);
  }, 120_000);

  it('opens the unchanged export with the engine values (and LibreOffice agrees with the cached values)', () => {
    const plan = createDemoPlan();
    plan.model = 'time';
    const out = convertWithLibreOffice(exportWorkbook(plan, { today: TODAY }), 'xlsx', { recalc: 'always' });
    expectMatches(XLSX.read(out.get('plan.xlsx')!, { type: 'buffer' }), plan);
  }, 120_000);
});

describe.runIf(soffice !== null || CI)('a workbook saved again by LibreOffice', () => {
  it('imports back to the same plan (round trip through a real spreadsheet program)', async () => {
    const { importWorkbook } = await import('../../../src/lib/io/index');
    const plan = createDemoPlan();
    plan.doctors[0].extra = { room: 'B12' };
    plan.time = { weeksPerYear: 44 };
    const out = convertWithLibreOffice(exportWorkbook(plan, { today: TODAY }), 'xlsx', { recalc: 'always' });
    const r = importWorkbook(out.get('plan.xlsx')!);
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
    expect(r.ok && r.plan).toEqual(plan);
  }, 120_000);
});

describe.runIf(soffice !== null || CI)('LibreOffice reproduces the engine on many random doctors', () => {
  it('every formula path (categories, ST ramp, duties over time, absence, care weights, both models)', async () => {
    const fc = (await import('fast-check')).default;
    const { planArb } = await import('./arbitraries');
    const samples = fc.sample(planArb, { numRuns: 40, seed: 20261123 });
    const plan = structuredClone(samples[0]);
    plan.doctors = samples.flatMap((p) => p.doctors).map((d, i) => ({ ...d, id: `d${i + 1}` }));
    plan.model = 'time';
    expect(plan.doctors.length).toBeGreaterThan(60);
    const out = convertWithLibreOffice(exportWorkbook(plan, { today: TODAY }), 'xlsx', { recalc: 'always' });
    expectMatches(XLSX.read(out.get('plan.xlsx')!, { type: 'buffer' }), plan);
  }, 120_000);
});
