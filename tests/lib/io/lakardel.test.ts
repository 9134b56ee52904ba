/// <reference types="node" />
// The läkardel file per doctor (issue 13): export, the same formulas as the unit workbook, read back
// with a per-field diff, all-or-nothing errors; recalculated and edited by LibreOffice headless.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createDemoPlan, createEmptyPlan, type Doctor, type Plan } from '../../../src/lib/engine/index';
import { diffLakardel, dutiesWithTotals, exportLakardel, importLakardel, planWithDiffs } from '../../../src/lib/io/index';
import { doctorFormulas } from '../../../src/lib/io/workbook/export';
import { lakardelLayout } from '../../../src/lib/io/workbook/lakardel';
import { sofficePath } from './libreoffice';
import { editWithLibreOffice, recalcManyWithLibreOffice } from './libreofficeEdit';

const TODAY = '2026-01-15';
const plan = createDemoPlan();
const erik = plan.doctors[1];

function sheetOf(bytes: Uint8Array | Buffer) {
  return XLSX.read(bytes, { type: Buffer.isBuffer(bytes) ? 'buffer' : 'array', cellFormula: true }).Sheets['Läkardel'];
}
const lay = lakardelLayout();
const B = (key: string) => `B${lay.row[key]}`;

function edit(bytes: Uint8Array, changes: Record<string, XLSX.CellObject | null>): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellStyles: true });
  const ws = wb.Sheets['Läkardel'];
  for (const [key, cell] of Object.entries(changes)) {
    if (cell) ws[B(key)] = cell;
    else delete ws[B(key)];
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('exportLakardel', () => {
  const bytes = exportLakardel(plan, erik.id, { today: TODAY, planName: 'Nuläge' });
  const ws = sheetOf(bytes);

  it('holds the doctor’s inputs by key, instructions in Swedish, and a hidden Data sheet naming the doctor', () => {
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Läkardel', 'Antaganden', 'Data']);
    expect(wb.Workbook?.Sheets?.find((s) => s.name === 'Data')?.Hidden).toBeTruthy();
    expect(ws['A1'].v).toBe('Läkardel: Erik Johansson');
    expect(String(ws['A4'].v)).toMatch(/Fyll i de gula cellerna/);
    expect(ws[B('id')].v).toBe(erik.id);
    expect(ws[B('employment')].v).toBe(1);
    expect(ws[B('duty:supervision')].v).toBe(4);
    expect(ws[B('listed')].v).toBe(1150);
    expect(ws[`D${lay.row['duty:supervision']}`].v).toBe('duty:supervision');
  });

  it('its capacities are the unit workbook’s formulas (doctorFormulas) over these cells, cached as computePlan', () => {
    const f = doctorFormulas(0, { cell: (k) => B(k), unit: (k) => B(`unit.${k}`) });
    expect(ws[B('capacityGuideline')].f).toBe(f.capacityGuideline);
    expect(ws[B('capacityTime')].f).toBe(f.capacityTime);
    const r = computePlan(plan, { today: TODAY }).doctors[1];
    expect(ws[B('capacityGuideline')].v).toBe(r.capacityGuideline);
    expect(ws[B('capacityTime')].v).toBe(r.capacityTime);
    // The unit workbook's Läkare row formula, with its own cells: the same text but for the references.
    expect(doctorFormulas(3).capacityGuideline.replace(/\b[A-Z]{1,2}3\b/g, 'X')).toBe(f.capacityGuideline.replace(/\bB\d+\b/g, 'X'));
  });
});

describe('importLakardel + diffLakardel', () => {
  const bytes = exportLakardel(plan, erik.id, { today: TODAY });

  it('an untouched file changes nothing', () => {
    const r = importLakardel(bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(diffLakardel(plan, r.values)).toEqual({ doctorId: erik.id, doctorName: erik.name, changes: [], patch: {} });
  });

  it('reports each changed field, typed as people type it, and the patch keeps duty labels', () => {
    const edited = edit(bytes, {
      'duty:supervision': { t: 's', v: '6,5' },
      employment: { t: 's', v: '80 %' },
      listPoints: null,
      plannedEnd: { t: 's', v: '2027-06-30' },
    });
    const r = importLakardel(edited);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const diff = diffLakardel(plan, r.values)!;
    expect(diff.changes).toEqual([
      { field: 'employment', before: 1, after: 0.8 },
      { field: 'listPoints', before: 420, after: undefined },
      { field: 'plannedEnd', before: undefined, after: '2027-06-30' },
      { field: 'duty.supervision', before: 4, after: 6.5 },
    ]);
    expect(diff.patch.duties).toEqual([
      { ...erik.duties[0], hoursPerWeek: 6.5 },
      erik.duties[1],
    ]);
    const applied = planWithDiffs(plan, [diff]);
    if (!applied.ok) throw new Error(applied.errors.join());
    const d = applied.plan.doctors[1];
    expect(d).toMatchObject({ employment: 0.8, plannedEnd: '2027-06-30' });
    expect(d).not.toHaveProperty('listPoints');
  });

  it('a bad value is an error at its sheet, row and column, and nothing is returned', () => {
    const r = importLakardel(edit(bytes, { employment: { t: 's', v: 'heltid' } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ sheet: 'Läkardel', row: lay.row.employment, column: 'Värde' })]);
  });

  it('a workbook that is no läkardel, a doctor not in the plan, a personnummer as name', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'Blad1');
    const other = importLakardel(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(other).toEqual({ ok: false, errors: [expect.objectContaining({ sheet: 'Läkardel', message: expect.stringMatching(/ingen läkardel/) })] });
    const r = importLakardel(bytes);
    if (!r.ok) throw new Error('');
    expect(diffLakardel(createEmptyPlan('X'), r.values)).toBeNull();
    const pnr = importLakardel(edit(bytes, { name: { t: 's', v: '19121212-1212' } }));
    expect(pnr.ok).toBe(false);
    expect(JSON.stringify(pnr)).not.toContain('19121212');
  });

  it('never throws on random bytes', () => {
    for (let i = 0; i < 30; i++) {
      const b = bytes.slice();
      for (let k = 0; k < 8; k++) b[(i * 7919 + k * 104729) % b.length] = (i * 31 + k) % 256;
      const r = importLakardel(b);
      expect(typeof r.ok).toBe('boolean');
    }
  });
});

describe('dutiesWithTotals', () => {
  const duties: Doctor['duties'] = [
    { kind: 'supervision', hoursPerWeek: 2, label: 'ST Sara' },
    { kind: 'supervision', hoursPerWeek: 1, label: 'ST Bo' },
    { kind: 'meetings', hoursPerWeek: 2 },
  ];
  const totals = (o: Partial<Record<'supervision' | 'management' | 'research' | 'side' | 'meetings' | 'other', number>>) => ({ supervision: 0, management: 0, research: 0, side: 0, meetings: 0, other: 0, ...o });
  it('keeps unchanged kinds as they are, adjusts the first of several, adds and removes kinds', () => {
    expect(dutiesWithTotals(duties, totals({ supervision: 3, meetings: 2 }))).toEqual(duties);
    expect(dutiesWithTotals(duties, totals({ supervision: 5, meetings: 2 }))).toEqual([{ kind: 'supervision', hoursPerWeek: 4, label: 'ST Sara' }, duties[1], duties[2]]);
    expect(dutiesWithTotals(duties, totals({ supervision: 3, research: 4 }))).toEqual([duties[0], duties[1], { kind: 'research', hoursPerWeek: 4 }]);
  });
});

const soffice = sofficePath();
const CI = process.env.CI === 'true';

/** Doctors whose capacities reach whole numbers through repeating decimals, and every category. */
function recalcPlan(): Plan {
  const p = createDemoPlan();
  p.model = 'time';
  const extra: Doctor[] = [
    { id: 'x1', name: 'ST 47/60', category: 'st', employment: 0.2, stMonthsDone: 47, stMonthsTotal: 60, duties: [], absenceWeeks: 6, listed: 121 },
    { id: 'x2', name: 'Deltid', category: 'specialist', employment: 0.7, duties: [{ kind: 'other', hoursPerWeek: 1.5 }], absenceWeeks: 6, careWeight: 1.2 },
    { id: 'x3', name: 'ST utan månader', category: 'st', employment: 0.9, duties: [{ kind: 'side', hoursPerWeek: 3 }, { kind: 'side', hoursPerWeek: 2 }], absenceWeeks: 2.5 },
  ];
  p.doctors.push(...extra);
  p.time = { weeksPerYear: 43, plannedMinutes: 25, indirectShare: 0.33 };
  return p;
}

describe.skipIf(!soffice && !CI)('läkardel files in LibreOffice', () => {
  it('recalculated on open, every doctor’s capacities equal computePlan (both models)', () => {
    for (const model of ['guideline', 'time'] as const) {
      const p = { ...recalcPlan(), model };
      const expected = computePlan(p, { today: TODAY });
      const out = recalcManyWithLibreOffice(p.doctors.map((d) => exportLakardel(p, d.id, { today: TODAY })));
      const got = out.map((b) => {
        const ws = sheetOf(b);
        return [ws[B('capacityGuideline')].v, ws[B('capacityTime')].v, ws[B('capacity')].v];
      });
      expect(got).toEqual(expected.doctors.map((d) => [d.capacityGuideline, d.capacityTime, d.capacity]));
    }
  }, 240_000);

  it('edited by LibreOffice headless (supervision hours changed): the capacities follow, the diff shows the change', () => {
    const bytes = exportLakardel(plan, erik.id, { today: TODAY });
    const edited = editWithLibreOffice(bytes, 'Läkardel', 'duty:supervision', 7.5);
    const ws = sheetOf(edited);
    const expected = computePlan({ ...plan, doctors: plan.doctors.map((d) => (d.id === erik.id ? { ...d, duties: [{ ...d.duties[0], hoursPerWeek: 7.5 }, d.duties[1]] } : d)) }, { today: TODAY });
    expect(ws[B('capacityGuideline')].v).toBe(expected.doctors[1].capacityGuideline);
    const r = importLakardel(new Uint8Array(edited));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const diff = diffLakardel(plan, r.values)!;
    expect(diff.changes).toEqual([{ field: 'duty.supervision', before: 4, after: 7.5 }]);
  }, 180_000);
});
