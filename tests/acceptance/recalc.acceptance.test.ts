/// <reference types="node" />
/**
 * The workbook's live formulas against the engine after a real spreadsheet program recalculates
 * (contracts.md: results are live formulas; cached values equal computePlan's). Cases whose exact
 * capacity is a whole number reached through repeating decimals (6/7 presence, ST 47/60 months):
 * the formulas must floor after rounding the *final* value to 9 decimals (domain.md, introduction),
 * not round intermediates — ROUND(clinicalFte, 9) turns an exact 121 into 120.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createEmptyPlan, type Doctor, type Plan } from '../../src/lib/engine/index';
import { exportWorkbook, importWorkbook } from '../../src/lib/io/index';
import { convertWithLibreOffice, sofficePath } from '../lib/io/libreoffice';

const TODAY = '2026-01-15';
const soffice = sofficePath();
const CI = process.env.CI === 'true';

function doctor(over: Partial<Doctor> & { id: string }): Doctor {
  return { name: `Dr ${over.id}`, category: 'specialist', employment: 1, duties: [], absenceWeeks: 0, ...over };
}

function repeatingDecimalPlan(model: Plan['model']): Plan {
  const p = createEmptyPlan('Enheten');
  p.model = model;
  p.unit.listed = 5000;
  p.doctors = [
    // 550 × (0,5 + 47/60) × 0,2 × 36/42 = 121 exactly (guideline)
    doctor({ id: 'a', category: 'st', stMonthsDone: 47, stMonthsTotal: 60, employment: 0.2, absenceWeeks: 6, listed: 121 }),
    // … / 1,1 = 110 exactly
    doctor({ id: 'b', category: 'st', stMonthsDone: 47, stMonthsTotal: 60, employment: 0.2, absenceWeeks: 6, careWeight: 1.1 }),
    // 0,25 × (1 − 1/10) × (1 − 10/42) = 0,25 × 0,9 × 32/42 → 705,833… × 0,171428… = 121
    doctor({ id: 'c', category: 'st', stMonthsDone: 47, stMonthsTotal: 60, employment: 0.25, duties: [{ kind: 'other', hoursPerWeek: 1 }], absenceWeeks: 10 }),
    // 1 100 × 0,7 × 36/42 / 1,2 = 550 exactly
    doctor({ id: 'd', employment: 0.7, absenceWeeks: 6, careWeight: 1.2 }),
    doctor({ id: 'e', employment: 0.8, careWeight: 1.1 }), // 800
  ];
  return p;
}

/** A deterministic unit of many doctors with the values people type: 5 % steps, half hours, two-decimal care weights. */
function manyDoctorsPlan(seed: number, model: Plan['model'], time?: Plan['time']): Plan {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const cats = ['specialist', 'st', 'st', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior'] as const;
  const kinds = ['supervision', 'management', 'research', 'side', 'meetings', 'other'] as const;
  const p = createEmptyPlan('Stora enheten');
  p.model = model;
  if (time) p.time = time;
  p.unit.listed = 90000;
  p.unit.careWeight = 1.05;
  p.doctors = Array.from({ length: 240 }, (_, i) => {
    const category = cats[rnd(cats.length)];
    const d = doctor({
      id: `d${i + 1}`,
      category,
      employment: (1 + rnd(20)) / 20,
      absenceWeeks: rnd(25) / 2,
      duties: rnd(3) === 0 ? [] : [{ kind: kinds[rnd(kinds.length)], hoursPerWeek: rnd(17) / 2 }],
      listed: rnd(1500),
    });
    if (rnd(2) === 0) d.careWeight = (70 + rnd(100)) / 100;
    if (category === 'st' && rnd(5) > 0) {
      d.stMonthsDone = rnd(66);
      d.stMonthsTotal = rnd(4) === 0 ? 48 : 60;
    }
    return d;
  });
  return p;
}

describe.skipIf(!soffice && !CI)('formulas recalculated by LibreOffice equal computePlan', () => {
  it.each([
    ['guideline', 11, undefined],
    ['time', 12, undefined],
    ['time', 13, { fullTimeHours: 38.25, weeksPerYear: 43, indirectShare: 0.33, plannedMinutes: 25, acuteMinutes: 17, plannedShare: 0.55, ownPatientShare: 0.65, visitsPerPatientYear: 1.7 }],
  ] as const)('240 doctors, %s model (seed %s)', (model, seed, time) => {
    const plan = manyDoctorsPlan(seed, model, time ? { ...time } : undefined);
    const expected = computePlan(plan, { today: TODAY });
    const out = convertWithLibreOffice(exportWorkbook(plan, { today: TODAY }), 'xlsx', { recalc: 'always' });
    const wb = XLSX.read([...out.values()][0], { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Läkare'], { header: 1, raw: true, defval: null });
    const h = rows[0] as string[];
    const got = rows.slice(1, 1 + plan.doctors.length);
    const mismatches = expected.doctors.filter((d, i) =>
      got[i][h.indexOf('Kapacitet (riktvärde)')] !== d.capacityGuideline || got[i][h.indexOf('Kapacitet (tid)')] !== d.capacityTime);
    expect(mismatches.map((d) => d.id)).toEqual([]);
    const unit = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Enhet'], { header: 1, raw: true, defval: null });
    const value = (label: string) => unit.find((r) => r[0] === label)?.[1];
    expect(value('Kapacitet (vald modell)')).toBe(expected.unit.capacity);
    expect(value('Glapp (patienter utan plats)')).toBe(expected.unit.gapPatients);
    expect(value('Behov av fler heltidsspecialister') as number).toBeCloseTo(expected.unit.fteNeeded, 9);
  }, 120_000);

  it.each(['guideline', 'time'] as const)('%s model, repeating-decimal inputs', (model) => {
    const plan = repeatingDecimalPlan(model);
    const expected = computePlan(plan, { today: TODAY });
    expect(expected.doctors.map((d) => d.capacityGuideline)).toEqual([121, 110, 121, 550, 800]);
    const out = convertWithLibreOffice(exportWorkbook(plan, { today: TODAY }), 'xlsx', { recalc: 'always' });
    const wb = XLSX.read([...out.values()][0], { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Läkare'], { header: 1, raw: true, defval: null });
    const h = rows[0] as string[];
    const col = (name: string) => h.indexOf(name);
    const got = rows.slice(1, 1 + plan.doctors.length);
    expect(got.map((r) => r[col('Kapacitet (riktvärde)')])).toEqual(expected.doctors.map((d) => d.capacityGuideline));
    expect(got.map((r) => r[col('Kapacitet (tid)')])).toEqual(expected.doctors.map((d) => d.capacityTime));
    const unit = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Enhet'], { header: 1, raw: true, defval: null });
    const value = (label: string) => unit.find((r) => r[0] === label)?.[1];
    expect(value('Kapacitet (vald modell)')).toBe(expected.unit.capacity);
    expect(value('Glapp (patienter utan plats)')).toBe(expected.unit.gapPatients);
  }, 120_000);

  it('words a person types in Excel (category spellings, "time") give the same capacities there as after import', () => {
    const plan = repeatingDecimalPlan('guideline');
    plan.doctors.push(doctor({ id: 'f', listed: 900 }), doctor({ id: 'g', category: 'st', stMonthsDone: 12, stMonthsTotal: 60 }), doctor({ id: 'h' }));
    const wb = XLSX.read(exportWorkbook(plan, { today: TODAY }), { type: 'array', cellFormula: true, cellStyles: true });
    const ws = wb.Sheets['Läkare'];
    const header = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true })[0] as string[];
    const catCol = header.indexOf('Kategori');
    const typed = ['ST-läkare', 'st', ' ST ', 'distriktsläkare', 'Specialist i allmänmedicin', 'Allmänläkare', 'st läkare', 'Stafettläkare'];
    typed.forEach((w, i) => { ws[XLSX.utils.encode_cell({ r: i + 1, c: catCol })] = { t: 's', v: w }; });
    const enhet = wb.Sheets['Enhet'];
    const modelRow = XLSX.utils.sheet_to_json<unknown[]>(enhet, { header: 1, raw: true }).findIndex((r) => r[0] === 'Modell som styr planen');
    enhet[XLSX.utils.encode_cell({ r: modelRow, c: 1 })] = { t: 's', v: 'Time' };
    const edited = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);

    const imported = importWorkbook(edited);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.plan.model).toBe('time');
    expect(imported.plan.doctors.map((d) => d.category)).toEqual(['st', 'st', 'st', 'specialist', 'specialist', 'specialist', 'st', 'locum']);
    const expected = computePlan(imported.plan, { today: TODAY });

    const out = convertWithLibreOffice(edited, 'xlsx', { recalc: 'always' });
    const re = XLSX.read([...out.values()][0], { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(re.Sheets['Läkare'], { header: 1, raw: true, defval: null });
    const h = rows[0] as string[];
    const got = rows.slice(1, 1 + plan.doctors.length);
    expect(got.map((r) => r[h.indexOf('Kapacitet (riktvärde)')])).toEqual(expected.doctors.map((d) => d.capacityGuideline));
    expect(got.map((r) => r[h.indexOf('Kapacitet (tid)')])).toEqual(expected.doctors.map((d) => d.capacityTime));
    expect(got.map((r) => r[h.indexOf('Kapacitet (vald modell)')])).toEqual(expected.doctors.map((d) => d.capacity));
    const unit = XLSX.utils.sheet_to_json<unknown[]>(re.Sheets['Enhet'], { header: 1, raw: true, defval: null });
    expect(unit.find((r) => r[0] === 'Kapacitet (vald modell)')?.[1]).toBe(expected.unit.capacity);
  }, 120_000);
});
