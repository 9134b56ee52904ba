import { describe, expect, it } from 'vitest';
import { isBlock, parseTsv, toTsv } from '../../../../src/lib/ui/grid/tsv';

describe('clipboard TSV', () => {
  it('reads an Excel block with CRLF and a trailing line break', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('keeps empty cells and reads LibreOffice LF', () => {
    expect(parseTsv('1\t\t3\n\t5\t\n')).toEqual([
      ['1', '', '3'],
      ['', '5', ''],
    ]);
  });
  it('reads quoted cells holding tabs, newlines and quotes', () => {
    expect(parseTsv('"a\tb"\t"x ""y"""\r\n"rad1\nrad2"\tz')).toEqual([
      ['a\tb', 'x "y"'],
      ['rad1\nrad2', 'z'],
    ]);
  });
  it('treats a lone quote as text', () => {
    expect(parseTsv('5" skärm\t2')).toEqual([['5" skärm', '2']]);
  });
  it('round-trips through toTsv', () => {
    const block = [['Anna', '80 %', 'a\tb'], ['', '0,5', 'x"y']];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
  it('knows a block from a single value', () => {
    expect(isBlock('0,8')).toBe(false);
    expect(isBlock('0,8\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
    expect(isBlock('1\n2')).toBe(true);
  });
});
