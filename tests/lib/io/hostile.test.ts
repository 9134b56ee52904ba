/// <reference types="node" />
/**
 * Hostile and broken files: the importers never throw, refuse clearly (Swedish, no stack traces)
 * and bound time and memory. Every file is generated here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDemoPlan } from '../../../src/lib/engine/index';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { importListing, previewListing } from '../../../src/lib/io/index';
import { preflight } from '../../../src/lib/io/preflight';
import { rawZip, xlsxParts } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);

function millionRowSheet(rows = 1_000_001): string {
  const parts: string[] = [];
  for (let i = 1; i <= rows; i++) parts.push(`<row r="${i}"><c r="A${i}"><v>${i}</v></c></row>`);
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A${rows}"/><sheetData>${parts.join('')}</sheetData></worksheet>`;
}

describe('hostile files', () => {
  it('never throws on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), (bytes, pk) => {
        const b = pk ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        const r = importWorkbook(b);
        expect(r.ok).toBe(false);
        const l = previewListing(b);
        expect(typeof l.ok).toBe('boolean');
        const i = importListing(b);
        expect(typeof i.ok).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });

  it('refuses an empty file and a truncated workbook', () => {
    const e = importWorkbook(new Uint8Array(0));
    expect(!e.ok && e.errors[0].message).toBe('Filen är tom.');
    const full = exportWorkbook(createDemoPlan(), { today: '2026-11-23' });
    const r = importWorkbook(full.slice(0, Math.floor(full.length / 2)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/skadad|inte en Excel/);
  });

  it('refuses a 200 MB file by its size, at once', () => {
    const big = new Uint8Array(200 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const t = performance.now();
    const r = importWorkbook(big);
    const l = importListing(big);
    expect(performance.now() - t).toBeLessThan(500);
    expect(!r.ok && r.errors[0].message).toMatch(/200 MB stor\. Högst 10 MB/);
    expect(!l.ok && l.errors[0].message).toMatch(/200 MB stor/);
  });

  it('refuses a zip bomb by the sizes in its central directory before inflating', () => {
    // 60 MB of zeros deflate to ~60 kB (ratio > 1000).
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const bomb = rawZip(xlsxParts(zeros));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const t = performance.now();
    const r = importWorkbook(bomb);
    const l = previewListing(bomb);
    expect(performance.now() - t).toBeLessThan(500);
    expect(!r.ok && r.errors[0].message).toMatch(/packas upp/);
    expect(!l.ok && l.errors[0].message).toMatch(/packas upp/);
  });

  it('refuses a zip bomb that declares a huge size (over 4 GB / zip64 marker)', () => {
    const parts = xlsxParts('<worksheet/>').map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, declaredSize: 0xffffffff } : p));
    const r = importWorkbook(rawZip(parts));
    expect(!r.ok && r.errors[0].message).toMatch(/packas upp till mer än 4 GB|högst/);
  });

  it('a zip bomb that lies about its size: memory stays bounded, and the worker preflight refuses it fast', async () => {
    const zeros = new Uint8Array(100 * 1024 * 1024);
    const liar = rawZip(xlsxParts(zeros).map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, declaredSize: 100_000 } : p)));
    let t = performance.now();
    const pre = await preflight(liar, 'workbook');
    expect(performance.now() - t).toBeLessThan(3000);
    expect(pre?.[0].message).toMatch(/packas upp/);
    const rss0 = process.memoryUsage().rss;
    t = performance.now();
    const r = importWorkbook(liar);
    expect(r.ok).toBe(false);
    expect(performance.now() - t).toBeLessThan(10_000);
    // SheetJS never stores more than the declared size (100 kB), so memory does not grow by 100 MB.
    expect(process.memoryUsage().rss - rss0).toBeLessThan(80 * 1024 * 1024);
  }, 30_000);

  it('refuses a sheet with a million rows within seconds (preflight: at once, by its dimension)', async () => {
    const bytes = rawZip(xlsxParts(millionRowSheet()));
    expect(importWorkbook(bytes).ok).toBe(false);
    let t = performance.now();
    const pre = await preflight(bytes, 'listing');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(pre?.[0].message).toMatch(/rader: 1\u00a0000\u00a0001; högst 500\u00a0000/);
    t = performance.now();
    const l = previewListing(bytes);
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(!l.ok && l.errors[0].message).toMatch(/rader: .*; högst/);
  }, 60_000);

  it('a sheet declaring A1:XFD1048576 is refused the same way in the app (worker preflight) and from Node, naming the sheet', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Läkare</t></is></c><c r="B1" t="inlineStr"><is><t>Listade</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Anna</t></is></c><c r="B2"><v>5</v></c></row></sheetData></worksheet>';
    const bytes = rawZip(xlsxParts(xml));
    const app = await preflight(bytes, 'listing');
    const node = importListing(bytes);
    const preview = previewListing(bytes);
    expect(app).toEqual([{ sheet: 'Läkare', row: null, column: null, message: expect.stringMatching(/1\u00a0048\u00a0576; högst 500\u00a0000/) }]);
    expect(node.ok ? [] : node.errors).toEqual(app);
    expect(preview.ok ? [] : preview.errors).toEqual(app);
    // A plan workbook: the same in both (the sheet is the doctors' sheet here).
    const wbApp = await preflight(bytes, 'workbook');
    const wbNode = importWorkbook(bytes);
    expect(wbNode.ok ? [] : wbNode.errors).toEqual(wbApp);
  });

  it('a million-row sheet without a dimension tag is still refused by the row cap', () => {
    const xml = millionRowSheet().replace(/<dimension[^>]*>/, '');
    const t = performance.now();
    const l = previewListing(rawZip(xlsxParts(xml)));
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(!l.ok && l.errors[0].message).toMatch(/rader: fler än 500\u00a0000; högst/);
  }, 60_000);

  it('does not let a crafted file pollute Object.prototype', () => {
    const parts = xlsxParts('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>');
    parts.push({ name: 'xl/comments1.xml', data: enc('<comments><authors><author>a</author></authors><commentList><comment ref="__proto__" authorId="0"><text><t>polluted</t></text></comment></commentList></comments>') });
    importWorkbook(rawZip(parts));
    previewListing(rawZip(parts));
    expect(({} as Record<string, unknown>).c).toBeUndefined();
  });
});
