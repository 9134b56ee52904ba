/// <reference types="node" />
// Workbooks a manager accepts (issue 13): styled, frozen and wrapped header rows, hidden key columns,
// landscape fit-to-width print setup — and the demo unit's workbook on at most 4 pages in LibreOffice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createDemoPlan, excelFormat } from '../../../src/lib/engine/index';
import { exportWorkbook } from '../../../src/lib/io/index';
import { finishWorkbook, prepareSheet, wrapLines } from '../../../src/lib/io/workbook/styling';
import { convertWithLibreOffice, sofficePath } from './libreoffice';

const TODAY = '2026-01-15';

function unzipText(b: Uint8Array, path: string): string {
  const entry = XLSX.CFB.find(XLSX.CFB.read(b, { type: 'array' }), '/' + path);
  if (!entry) throw new Error('no ' + path);
  return new TextDecoder().decode(entry.content as Uint8Array);
}
const bytes = exportWorkbook(createDemoPlan(), { today: TODAY });
const styles = unzipText(bytes, 'xl/styles.xml');
const xfs = (/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? []);
const list = (tag: string) => (new RegExp(`<${tag} count="\\d+">([\\s\\S]*?)</${tag}>`).exec(styles)![1].match(new RegExp(`<${tag.slice(0, -1)}\\b[\\s\\S]*?</${tag.slice(0, -1)}>`, 'g')) ?? []);
const fonts = list('fonts');
const fills = list('fills');
const sheetXml = (n: number) => unzipText(bytes, `xl/worksheets/sheet${n}.xml`);
const styleOf = (xml: string, ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(xml)?.[1] ?? 0);
const attr = (xf: string, a: string) => Number(new RegExp(`${a}="(\\d+)"`).exec(xf)?.[1] ?? 0);

describe('exported workbook styles', () => {
  it('header rows are bold, filled and wrapped on every visible sheet', () => {
    for (const n of [1, 2, 3, 4]) {
      const xf = xfs[styleOf(sheetXml(n), 'A1')];
      expect(fonts[attr(xf, 'fontId')], `sheet${n}`).toContain('<b/>');
      expect(fills[attr(xf, 'fillId')]).toContain('patternType="solid"');
      expect(xf).toContain('wrapText="1"');
    }
  });

  it('body cells keep their number formats', () => {
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true });
    const ws = wb.Sheets['Läkare'];
    // The engine's format for the cell's kind and value (excelFormat), untouched by the styling.
    expect(ws['D2'].z).toBe(excelFormat('percent', ws['D2'].v as number));
    expect(ws['N2'].z).toBe(excelFormat('patients', ws['N2'].v as number));
    const enhet = sheetXml(1);
    // A numeric body cell in a sheet with wrapped notes got a top-aligned copy of its own number format.
    const xf = xfs[styleOf(enhet, 'B3')];
    expect(attr(xf, 'numFmtId')).toBe(3);
    expect(xf).toContain('vertical="top"');
  });

  it('freezes the header row and the name column; hides the importer\u2019s keys', () => {
    expect(sheetXml(2)).toContain('xSplit="2" ySplit="1"');
    expect(sheetXml(1)).toMatch(/<col min="4" max="4"[^>]*hidden="1"/); // Enhet: Nyckel
    expect(sheetXml(3)).toMatch(/<col min="4" max="4"[^>]*hidden="1"/); // Antaganden: Nyckel
    expect(sheetXml(2)).toMatch(/<col min="1" max="1"[^>]*hidden="1"/); // Läkare: Id
    expect(sheetXml(4)).toMatch(/<col min="2" max="2"[^>]*hidden="1"/); // Regler: rule code
    const wb = XLSX.read(bytes, { type: 'array' });
    const hidden = (wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name);
    expect(hidden).toEqual(['Uppdrag', 'Data']);
  });

  it('the steps between inputs and capacities are a collapsed outline group in Läkare', () => {
    const x = sheetXml(2);
    expect(x).toContain('outlineLevelCol="1"');
    expect(x).toMatch(/<col min="18" max="18"[^>]*outlineLevel="1" hidden="1"/);
    expect(x).toMatch(/<col min="27" max="27"[^>]*collapsed="1"/);
  });

  it('prints landscape, one page wide, the header row repeated, page numbers in the footer', () => {
    for (const n of [1, 2, 3, 4]) {
      const x = sheetXml(n);
      expect(x).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(x).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
      expect(x).toContain('Sida &amp;P av &amp;N');
      // Schema order: pageSetup before ignoredErrors.
      if (x.includes('<ignoredErrors')) expect(x.indexOf('<pageSetup')).toBeLessThan(x.indexOf('<ignoredErrors'));
    }
    expect(unzipText(bytes, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Läkare'!$1:$1</definedName>`);
  });

  it('widths fit the headers\u2019 longest words; wrapped rows get their height', () => {
    const ws: XLSX.WorkSheet = XLSX.utils.aoa_to_sheet([['Klinisk tjänstgöring (heltider)', 'Anteckning'], [0.8, 'Ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton arton nitton tjugo tjugoett tjugotvå tjugotre tjugofyra tjugofem tjugosex tjugosju tjugoåtta']]);
    prepareSheet(ws, { name: 'x', headerRows: [1], wrapCols: [1] });
    expect(ws['!cols']![0].wch).toBeGreaterThanOrEqual('tjänstgöring'.length + 1);
    expect(ws['!rows']![1].hpt).toBeGreaterThan(20);
    expect(wrapLines('aa bb cc', 5)).toBe(2);
    expect(wrapLines('aaaaaaaaaa', 4)).toBe(3);
  });

  it('a styled cell keeps a number format of its own (finishWorkbook on a bare sheet)', () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([[1234.5]]);
    ws['A1'].z = '#,##0.0';
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const raw = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const out = finishWorkbook(raw, ['S'], [{ name: 'S', headerRows: [1] }]);
    const back = XLSX.read(out, { type: 'array', cellNF: true });
    expect(back.Sheets['S']['A1'].z).toBe('#,##0.0');
    expect(back.Sheets['S']['A1'].v).toBe(1234.5);
  });
});

const soffice = sofficePath();
const CI = process.env.CI === 'true';

describe.skipIf(!soffice && !CI)('printed by LibreOffice', () => {
  it('the demo unit\u2019s workbook is at most 4 A4 pages', () => {
    const files = convertWithLibreOffice(bytes, 'pdf', { recalc: 'always', name: 'demo.xlsx' });
    const pdf = [...files.values()][0];
    const dir = mkdtempSync(join(tmpdir(), 'kap-pdf-'));
    try {
      const path = join(dir, 'demo.pdf');
      writeFileSync(path, pdf);
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(4); // one page per visible sheet at least: Enhet, Läkare, Antaganden, Regler
      expect(pages).toBeLessThanOrEqual(4);
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      expect(text).toContain('Belastning');
      expect(text).toContain('Anna Lindqvist');
      expect(text).toContain('Sida 1 av 4');
      // No internal key on paper: doctor ids and rule codes stay in hidden columns.
      expect(text).not.toMatch(/\bd1\b/);
      expect(text).not.toContain('over-capacity');
      expect(text).not.toContain('Nyckel');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('every XML part is well formed', () => {
  // Two layers hid the same key column (SheetJS's hidden="true" and the styling's hidden="1"): an element
  // with a repeated attribute is not XML, and LibreOffice then read the Läkare sheet as empty.
  it('no element of any exported workbook repeats an attribute', () => {
    const bytes = exportWorkbook(createDemoPlan(), { today: TODAY });
    const cfb = XLSX.CFB.read(bytes, { type: 'array' });
    const dec = new TextDecoder();
    const repeated: string[] = [];
    cfb.FullPaths.forEach((path: string, i: number) => {
      if (!path.endsWith('.xml') && !path.endsWith('.rels')) return;
      const xml = dec.decode(cfb.FileIndex[i].content as Uint8Array);
      for (const tag of xml.matchAll(/<[A-Za-z][^>]*>/g)) {
        const names = [...tag[0].matchAll(/\s([A-Za-z_:][\w:.-]*)=/g)].map((m) => m[1]);
        if (new Set(names).size !== names.length) repeated.push(`${path}: ${tag[0].slice(0, 120)}`);
      }
    });
    expect(repeated).toEqual([]);
  });
});
