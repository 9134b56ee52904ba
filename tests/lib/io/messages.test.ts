/// <reference types="node" />
/**
 * Messages that are right (issue 12.7, io part): every problem of a workbook import named by sheet,
 * row and column, in Swedish, all of them at once, personnummer never echoed, and a warning of an
 * accepted import that does not call the plan invalid.
 */
import { describe, expect, it } from 'vitest';
import { createDemoPlan } from '../../../src/lib/engine/index';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { maskedValue } from '../../../src/lib/io/messages';
import { maskPersonnummer } from '../../../src/lib/engine/personnummer';
import { scanZip } from '../../../src/lib/io/zip';
import { workbookFrom, type Aoa } from './helpers';

const unitSheet = (listed: number | string = 1000): Aoa => [
  ['Uppgift', 'Värde'],
  ['Enhetens namn', 'VC Test'],
  ['Listade', listed],
  ['Listade med fast läkarkontakt i dag', 500],
];

function handMade(doctors: Aoa, listed: number | string = 1000): Uint8Array {
  return workbookFrom({ Enhet: unitSheet(listed), Läkare: [['Namn', 'Kategori', 'Tjänstgöringsgrad', 'Listade'], ...doctors] });
}

describe('workbook import messages', () => {
  it('an accepted import warns at the place, never beginning "Planen är ogiltig"', () => {
    // The doctors' lists add up to more than the unit's listed: a warning over the Listade column.
    const r = importWorkbook(handMade([['Anna Berg', 'specialist', 1, 700], ['Bo Ek', 'specialist', 1, 600]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const w = r.warnings.find((x) => /summa|lägger ihop|mer än|fler än/i.test(x.message));
    expect(w).toMatchObject({ sheet: 'Läkare', column: 'Listade' });
    for (const x of r.warnings) {
      expect(x.message).not.toMatch(/^Planen är ogiltig/);
      expect(x.sheet).not.toBe('');
    }
  });

  it('reports the cell problems and the plan-file problems together', () => {
    // A word where the employment goes, and a listed count beyond what a plan holds (10 000 000).
    const r = importWorkbook(handMade([['Anna Berg', 'specialist', 'heltid', 700]], 1e15));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Läkare', row: 2, column: 'Tjänstgöringsgrad', message: expect.stringMatching(/inte ett tal/) }),
        expect.objectContaining({ sheet: 'Enhet', row: 3, column: 'Värde', message: expect.stringMatching(/10\u00a0000\u00a0000/) }),
      ]),
    );
    for (const e of r.errors) expect(e.message.trim()).not.toBe('');
  });

  it('a unit row moved by hand is named at the row where the value is', () => {
    const bytes = workbookFrom({
      Enhet: [['Enhetens namn', 'VC Test'], [], [], ['Listade', 1e15], ['Listade med fast läkarkontakt i dag', 500]],
      Läkare: [['Namn', 'Kategori', 'Tjänstgöringsgrad'], ['Anna Berg', 'specialist', 1]],
    });
    const r = importWorkbook(bytes);
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ sheet: 'Enhet', row: 4, column: 'Värde' })]);
  });

  it('never echoes a personnummer (masked ÅÅMMDD-XXXX)', () => {
    const r = importWorkbook(handMade([['Anna Berg', 'läkare 19121212-1212', 1, 700], ['Bo Ek', 'specialist', 'ca 811228-9874', 10]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = JSON.stringify(r.errors);
    expect(text).not.toMatch(/1212-?1212|811228/);
    expect(text).toContain('ÅÅMMDD-XXXX');
  });

  it('a line break inside a name becomes a space (LibreOffice shows a CR as _x000d_)', () => {
    const r = importWorkbook(handMade([['Anna\r\nBerg', 'specialist', 1, 700]]));
    expect(r.ok && r.plan.doctors[0].name).toBe('Anna Berg');
    // Our own export keeps the text exactly as the plan had it (the round trip).
    const plan = createDemoPlan();
    plan.doctors[0].name = 'Anna  Lindqvist';
    const back = importWorkbook(exportWorkbook(plan, { today: '2026-11-23' }));
    expect(back.ok && back.plan.doctors[0].name).toBe('Anna  Lindqvist');
  });

  it('a damaged workbook is refused in Swedish, without the spreadsheet library\'s English words', () => {
    const good = exportWorkbook(createDemoPlan(), { today: '2026-11-23' });
    const bad = good.slice();
    // Damage the compressed data of every sheet (local headers and the directory stay intact).
    const scan = scanZip(bad);
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    const dv = new DataView(bad.buffer);
    for (const e of scan.entries.filter((x) => x.name.startsWith('xl/'))) {
      const start = e.localOffset + 30 + dv.getUint16(e.localOffset + 26, true) + dv.getUint16(e.localOffset + 28, true);
      for (let i = start + 2; i < start + Math.min(e.compressedSize - 2, 64); i += 3) bad[i] ^= 0x5a;
    }
    const r = importWorkbook(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const e of r.errors) expect(e.message).not.toMatch(/\b(error|invalid|unsupported|undefined|bad|header|compressed)\b/i);
  });
});

describe('masking personnummer', () => {
  const M = 'ÅÅMMDD-XXXX';
  it.each([
    ['19121212-1212', M],
    ['191212121212', M],
    ['121212-1212', M],
    ['1212121212', M],
    ['121212+1212', M],
    ['121212 – 1212'.replace(' – ', '\u2013'), M],
    ['121212 - 1212', M],
    ['121212.1212', M],
    ['\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12', M],
    ['Anna 811228-9874 Berg', `Anna ${M} Berg`],
    ['samordning 701063-2391', M.padStart(M.length + 'samordning '.length, 'x').replace(/^x+/, 'samordning ')],
    ['1212121213', M], // a wrong check digit is masked too
  ])('%s', (input, out) => {
    expect(maskPersonnummer(input, M)).toBe(out);
  });
  it.each([['1 100'], ['2026-11-23'], ['12345678901234'], ['HSA-123456'], ['131313-1313'], ['SE2321000016-1234']])('leaves %s alone', (input) => {
    expect(maskPersonnummer(input, M)).toBe(input);
  });
  it('maskedValue cuts long text after masking (never half a number)', () => {
    expect(maskedValue('x'.repeat(35) + '19121212-1212', 40)).not.toMatch(/\d{4}/);
  });
});
