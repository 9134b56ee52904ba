import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NBSP, excelFormat, fmt, formatNumber, formatQuantity, formatQuantityDelta, QUANTITY_KINDS } from '../../../src/lib/engine/index';

const n = (s: string) => s.replace(/ /g, NBSP);

describe('one formatter per kind of quantity', () => {
  it('prints each kind as the issue and the workbook expect', () => {
    expect(fmt.patients(1100)).toBe(n('1 100'));
    expect(fmt.patients(310.5)).toBe('310,5');
    expect(fmt.points(310.5)).toBe('310,5');
    expect(fmt.points(410)).toBe('410');
    expect(fmt.share(0.6224)).toBe(n('62,2 %'));
    expect(fmt.share(1)).toBe(n('100,0 %'));
    expect(fmt.percent(0.8)).toBe(n('80 %'));
    expect(fmt.percent(0.625)).toBe(n('62,5 %'));
    expect(fmt.load(1.074)).toBe(n('107 %'));
    expect(fmt.load(1.075)).toBe(n('108 %'));
    expect(fmt.load(Infinity)).toBe('∞');
    expect(fmt.fte(0.5)).toBe('0,50');
    expect(fmt.fte(1.255)).toBe('1,26');
    expect(fmt.hours(2)).toBe('2');
    expect(fmt.hours(1092.04)).toBe(n('1 092'));
    expect(fmt.weeks(6)).toBe('6');
    expect(fmt.sek(12480)).toBe(n('12 480 kr'));
    expect(fmt.careWeight(1)).toBe('1,00');
    expect(fmt.careWeight(1.05)).toBe('1,05');
    expect(fmt.careWeight(1.125)).toBe('1,125');
    expect(fmt.factor(0.7)).toBe('0,7');
    expect(fmt.factor(6 / 7)).toBe('0,857');
    expect(fmt.visits(2839.44)).toBe(n('2 839'));
  });

  it('rounds half away from zero on the decimal value, as a spreadsheet displays it', () => {
    expect(formatNumber(1.005, 2)).toBe('1,01');
    expect(formatNumber(2.5)).toBe('3');
    expect(formatNumber(-2.5)).toBe('-3');
    expect(formatNumber(1100 * 0.7)).toBe('770');
    expect(formatNumber(0.1 + 0.2, 1)).toBe('0,3');
    expect(formatNumber(1e-7, 2)).toBe('0,00');
    expect(formatNumber(123456789.125, 2)).toBe(n('123 456 789,13'));
  });

  it('shows a missing value as a dash', () => {
    for (const k of QUANTITY_KINDS) {
      expect(formatQuantity(k, null)).toBe('–');
      expect(formatQuantity(k, undefined)).toBe('–');
      expect(formatQuantity(k, Number.NaN)).toBe('–');
    }
  });

  it('writes signed differences', () => {
    expect(formatQuantityDelta('patients', 330)).toBe('+330');
    expect(formatQuantityDelta('fte', -0.25)).toBe('-0,25');
    expect(formatQuantityDelta('share', 0.05)).toBe('+5,0 procentenheter');
    expect(formatQuantityDelta('patients', 0)).toBe('±0');
  });

  it('gives the workbook the same decimals as the app', () => {
    expect(excelFormat('patients', 1100)).toBe('#,##0');
    expect(excelFormat('points', 310.5)).toBe('#,##0.0');
    expect(excelFormat('points', 410)).toBe('#,##0');
    expect(excelFormat('share')).toBe('#,##0.0 %');
    expect(excelFormat('load')).toBe('#,##0 %');
    expect(excelFormat('percent', 0.8)).toBe('#,##0 %');
    expect(excelFormat('percent', 0.625)).toBe('#,##0.0 %');
    expect(excelFormat('fte')).toBe('#,##0.00');
    expect(excelFormat('careWeight', 1.125)).toBe('0.000');
    expect(excelFormat('careWeight', 1.1)).toBe('0.00');
  });

  it('the number of decimals the workbook shows equals the app for any value (property)', () => {
    const decimalsOfFormat = (z: string) => (z.includes('.') ? z.split('.')[1].replace(/[^0]/g, '').length : 0);
    const decimalsOfText = (s: string) => (s.includes(',') ? s.split(',')[1].replace(/\D/g, '').length : 0);
    fc.assert(
      fc.property(fc.constantFrom('patients', 'points', 'hours', 'weeks', 'careWeight', 'percent', 'share', 'fte') , fc.double({ min: 0, max: 1e6, noNaN: true }), (kind, v) => {
        const shown = formatQuantity(kind, v);
        expect(decimalsOfText(shown)).toBe(decimalsOfFormat(excelFormat(kind, v)));
      }),
    );
  });
});
