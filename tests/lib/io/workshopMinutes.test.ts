import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { patchZip } from '../../../src/lib/io/zip';
import { applyWorkshopEdit, createWorkshop, meetingMinutes, type WorkshopEdit, type WorkshopItem } from '../../../src/lib/engine/workshop';
import { minutesFileName, minutesSheetRows, minutesWorkbook } from '../../../src/lib/io/workshopMinutes';
import { WORKSHOP_AREAS } from '../../../src/lib/strings/workshop.sv';
import { convertWithLibreOffice, sofficePath } from './libreoffice';

const FORMULA_LIKE = ['=SUMMA(A1)', '+46 70 123', '-2 läkare', '@ALLA', '=HYPERLINK("http://x")'];

function sample() {
  let m = createWorkshop({ id: 'dec', unitId: 'u', meetingDate: '2026-12-01', now: 1 });
  const add = (id: string, kind: WorkshopItem['kind'], text: string, extra: Partial<WorkshopItem> = {}, areaId: WorkshopItem['areaId'] = 'routines') => {
    const e: WorkshopEdit = { op: 'add', item: { id, areaId, kind, text, createdAt: Number(id.slice(1)), ...(kind === 'action' ? { owner: '', due: '', done: false } : {}), ...extra } };
    m = applyWorkshopEdit(m, e);
  };
  m = applyWorkshopEdit(m, { op: 'participants', text: 'Eva Ek, verksamhetschef\nPer Berg\n\n' });
  add('n1', 'note', FORMULA_LIKE[0]);
  add('n2', 'note', 'Rutinen är okänd\nför nya läkare');
  add('o3', 'obstacle', FORMULA_LIKE[1], {}, 'staff');
  add('p4', 'opportunity', FORMULA_LIKE[2], {}, 'communication');
  add('a5', 'action', FORMULA_LIKE[3], { owner: FORMULA_LIKE[4], due: '2027-03-15' });
  add('a6', 'action', 'Klar åtgärd', { done: true, doneOn: '2026-12-01' }, 'staff');
  const carried = [{ meetingId: 's', meetingDate: '2026-09-01', item: { id: 'x', areaId: 'staff', kind: 'action', text: 'Från hösten', owner: 'Chef', due: '', done: false, createdAt: 0 } as never }];
  return meetingMinutes(m, carried, 'VC Exempel');
}

describe('minutes sheet', () => {
  const rows = minutesSheetRows(sample());
  const flat = rows.map((r) => r.join('|'));

  it('starts with the meeting: heading, unit, title, date, one row per participant', () => {
    expect(flat.slice(0, 6)).toEqual([
      'Protokoll från arbetsplatsträff – fast läkarkontakt',
      'Enhet|VC Exempel',
      'Rubrik|Fast läkarkontakt',
      'Mötesdatum|2026-12-01',
      'Deltagare|Eva Ek, verksamhetschef',
      '|Per Berg',
    ]);
  });

  it('lists the carried actions with where they come from, then every area with its items and actions', () => {
    expect(flat).toContain('|Vad|Vem|Klart senast|Status|Från mötet');
    expect(flat).toContain('|Från hösten|Chef||öppen|2026-09-01');
    for (const a of WORKSHOP_AREAS) expect(flat).toContain(`Område|${a.title}`);
    expect(flat).toContain('|=SUMMA(A1)');
    expect(flat).toContain('|Rutinen är okänd\nför nya läkare');
    expect(flat).toContain('|@ALLA|=HYPERLINK("http://x")|2027-03-15|öppen');
    expect(flat).toContain('|Klar åtgärd|||klar 2026-12-01');
    // An empty list says so.
    const staff = flat.indexOf(`Område|${WORKSHOP_AREAS[1].title}`);
    expect(flat[flat.indexOf('Anteckningar', staff) + 1]).toBe('|–');
  });

  it('has no question texts or internal keys', () => {
    const text = flat.join('\n');
    for (const q of WORKSHOP_AREAS.flatMap((a) => a.questions)) expect(text).not.toContain(q);
    expect(text).not.toMatch(/routines|staff\b|communication|opportunity|obstacle/);
  });
});

describe('minutes workbook', () => {
  const bytes = minutesWorkbook(sample());

  it('is one sheet "Protokoll" whose text cells are text, never formulas', () => {
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    expect(wb.SheetNames).toEqual(['Protokoll']);
    const ws = wb.Sheets.Protokoll;
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!'));
    const formulaLike = cells.filter(([, c]) => FORMULA_LIKE.includes(String((c as XLSX.CellObject).v)));
    expect(formulaLike).toHaveLength(FORMULA_LIKE.length);
    for (const [, c] of cells) {
      expect((c as XLSX.CellObject).f).toBeUndefined();
      expect((c as XLSX.CellObject).t).toBe('s');
    }
    // And in the file itself: no <f> element anywhere.
    let xml = '';
    patchZip(bytes, (path, text) => {
      if (path === 'xl/worksheets/sheet1.xml') xml = text;
      return null;
    });
    expect(xml).toContain('<sheetData');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('names the file after unit and date, without characters file systems refuse', () => {
    expect(minutesFileName({ ...sample(), unitName: 'VC A/B: "Norr"' })).toBe('VC A-B- -Norr- – APT-protokoll 2026-12-01.xlsx');
    expect(minutesFileName({ ...sample(), unitName: '' })).toBe('APT-protokoll 2026-12-01.xlsx');
  });

  it.runIf(sofficePath() !== null)('LibreOffice reads the formula-looking notes back as the same text', () => {
    const out = convertWithLibreOffice(bytes, 'csv:Text - txt - csv (StarCalc):44,34,76', { recalc: 'always', name: 'protokoll.xlsx' });
    const csv = out.get('protokoll.csv')!.toString('utf8');
    for (const t of FORMULA_LIKE) expect(csv).toContain(t.includes('"') ? t.replace(/"/g, '""') : t);
    expect(csv).not.toMatch(/#NAME|Err:/);
  }, 120_000);
});
