/// <reference types="node" />
// One vocabulary (issue 17.2): every spelling a person types reads the same in the doctor grid, the plan
// file, the workbook import and the workbook's own formulas. One table, four consumers.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  categoryFromText, categoryWords, computePlan, createDemoPlan, createEmptyPlan, dutyKindFromText, formulaFold, modelFromText,
  modelWords, parsePlan, readShare, serializePlan,
} from '../../../src/lib/engine/index';
import type { Doctor, DoctorCategory, Plan } from '../../../src/lib/engine/types';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { DOCTOR_INPUTS, DOCTOR_RESULTS, colLetter } from '../../../src/lib/io/workbook/layout';
import { parseInput } from '../../../src/lib/ui/doctors/columns';
import { convertWithLibreOffice, sofficePath } from '../io/libreoffice';

/** What people type for a category, and what it means (null: not a doctor category). */
const SPELLINGS: [string, DoctorCategory | null][] = [
  ['specialist', 'specialist'],
  ['Specialist i allmänmedicin', 'specialist'],
  ['allmänläkare', 'specialist'],
  ['distriktsläkare', 'specialist'],
  [' Distriktsläkare ', 'specialist'],
  ['DISTRIKTSLÄKARE', 'specialist'],
  ['distriktslakare', 'specialist'],
  ['GP', 'specialist'],
  ['ST', 'st'],
  ['st-läkare', 'st'],
  ['ST läkare', 'st'],
  ['ST-läkare i allmänmedicin', 'st'],
  ['geriatriker', 'geriatrician'],
  ['Geriatrician', 'geriatrician'],
  ['barnläkare', 'pediatrician'],
  ['Barn- och ungdomsläkare', 'pediatrician'],
  ['dispens', 'dispensation'],
  ['hyrläkare', 'locum'],
  ['Stafettläkare', 'locum'],
  ['stafett', 'locum'],
  ['konsult', 'locum'],
  ['konsultläkare', 'locum'],
  ['Hyr-, stafett- eller konsultläkare', 'locum'],
  ['locum', 'locum'],
  ['AT', 'junior'],
  ['BT', 'junior'],
  ['AT/BT', 'junior'],
  ['at / bt', 'junior'],
  ['AT-läkare', 'junior'],
  ['junior', 'junior'],
  ['kirurg', null],
  ['sjuksköterska', null],
];

const doctorOf = (category: DoctorCategory): Doctor => ({ id: 'd1', name: 'Anna A', category, employment: 1, duties: [], absenceWeeks: 0 });

/** The grid: a typed category cell → the patch (or its refusal). */
function grid(text: string): DoctorCategory | null {
  const out = parseInput(doctorOf('specialist'), 'category', text);
  return out.ok ? (out.patch.category ?? null) : null;
}

/** The plan file: the category word as the file has it. */
function planFile(text: string): DoctorCategory | null {
  const file = JSON.parse(serializePlan(createEmptyPlan('VC')));
  file.doctors = [{ ...doctorOf('specialist'), category: text }];
  const r = parsePlan(JSON.stringify(file));
  return r.ok ? r.plan.doctors[0].category : null;
}

const COLS = [...DOCTOR_INPUTS, ...DOCTOR_RESULTS];
const col = (key: string) => colLetter(COLS.findIndex((c) => c.key === key));

/** An exported workbook whose category cells a person has retyped, row by row. */
function workbookWithCategories(texts: string[]): Uint8Array {
  const plan = createEmptyPlan('VC');
  plan.unit.listed = 50_000;
  plan.doctors = texts.map((_, i) => ({ ...doctorOf('specialist'), id: `d${i + 1}`, name: `Läkare ${i + 1}` }));
  const wb = XLSX.read(exportWorkbook(plan), { type: 'array', cellFormula: true });
  const ws = wb.Sheets['Läkare'];
  texts.forEach((t, i) => (ws[`${col('category')}${i + 2}`] = { t: 's', v: t }));
  // Without the Data sheet (the whole plan as JSON), the import reads the cells only.
  wb.SheetNames = wb.SheetNames.filter((n) => n !== 'Data');
  delete wb.Sheets.Data;
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The workbook import: a retyped category cell. */
function workbookImport(text: string): DoctorCategory | null {
  const r = importWorkbook(workbookWithCategories([text]));
  return r.ok ? r.plan.doctors[0].category : null;
}

/** The workbook's own formula, as a spreadsheet evaluates it: the folded cell looked up, ignoring case. */
function workbookFormula(text: string): DoctorCategory | null {
  const cell = formulaFold(text).toLowerCase();
  const cats: DoctorCategory[] = ['specialist', 'st', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior'];
  return cats.find((c) => categoryWords([c]).map((w) => w.toLowerCase()).includes(cell)) ?? null;
}

describe('one table of category spellings, four consumers', () => {
  it('has at least 19 spellings', () => expect(SPELLINGS.length).toBeGreaterThanOrEqual(19));
  it.each(SPELLINGS)('"%s" → %s in the vocabulary, the grid, the plan file, the workbook import and its formulas', (text, expected) => {
    expect(categoryFromText(text)).toBe(expected);
    expect({ grid: grid(text), planFile: planFile(text), workbookImport: workbookImport(text), workbookFormula: workbookFormula(text) }).toEqual({
      grid: expected,
      planFile: expected,
      workbookImport: expected,
      workbookFormula: expected,
    });
  });
});

describe('duty kinds, model words', () => {
  it.each([
    ['Handledning', 'supervision'], ['handledare', 'supervision'], ['MLA', 'management'], ['Ledning', 'management'],
    ['FoU', 'research'], ['Sidouppdrag', 'side'], ['möten', 'meetings'], ['APT', 'meetings'], ['Övrigt', 'other'], ['golf', null],
  ] as const)('duty "%s" → %s (plan file as well)', (text, kind) => {
    expect(dutyKindFromText(text)).toBe(kind);
    const file = JSON.parse(serializePlan(createEmptyPlan('VC')));
    file.doctors = [{ ...doctorOf('specialist'), duties: [{ kind: text, hoursPerWeek: 1 }] }];
    const r = parsePlan(file);
    expect(r.ok ? r.plan.doctors[0].duties[0].kind : null).toBe(kind);
  });
  it.each([
    ['riktvärde', 'guideline'], ['Riktvärdet', 'guideline'], ['guideline', 'guideline'], ['tid', 'time'], ['Tidsmodellen', 'time'],
    ['tidsmodellen (nerifrån)', 'time'], ['time', 'time'], ['gissning', null],
  ] as const)('model "%s" → %s (the workbook formula’s word list agrees)', (text, model) => {
    expect(modelFromText(text)).toBe(model);
    expect(modelWords('time').includes(formulaFold(text).toLowerCase())).toBe(model === 'time');
  });
});

describe('the share rule, decided once', () => {
  it.each([
    ['80', 0.8, true], ['80 %', 0.8, false], ['80%', 0.8, false], ['0,8', 0.8, false], ['1', 1, false], ['100 %', 1, false],
    ['3', 0.03, true], ['1,5', 0.015, true], ['62,5 %', 0.625, false], ['0', 0, false],
  ] as const)('"%s" is a share of %s', (text, share, readAsPercent) => {
    expect(readShare(text)).toEqual({ ok: true, share, readAsPercent });
    const g = parseInput(doctorOf('specialist'), 'employment', text);
    expect(g.ok && g.patch.employment).toBe(share);
  });
  it.each(['150', '-5', '101 %', 'åtta'])('"%s" is refused', (text) => {
    expect(readShare(text).ok).toBe(false);
    expect(parseInput(doctorOf('specialist'), 'employment', text).ok).toBe(false);
  });
});

const soffice = sofficePath();
describe.runIf(soffice !== null || process.env.CI === 'true')('the table in a real spreadsheet program', () => {
  it('LibreOffice gives every retyped category the base the engine gives the imported plan', () => {
    const texts = SPELLINGS.map(([t]) => t);
    const out = convertWithLibreOffice(workbookWithCategories(texts), 'xlsx', { recalc: 'always' });
    const wb = XLSX.read(out.get('plan.xlsx')!, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Läkare'], { header: 1, raw: true, defval: null });
    const baseAt = (rows[0] as string[]).indexOf('Bas (patienter/heltid)');
    const plan: Plan = createDemoPlan();
    SPELLINGS.forEach(([text, expected], i) => {
      const engineBase = expected === null ? 0 : computePlan({ ...plan, doctors: [doctorOf(expected)] }).doctors[0].base;
      expect({ text, base: rows[i + 1][baseAt] }).toEqual({ text, base: engineBase });
    });
  }, 120_000);
});
