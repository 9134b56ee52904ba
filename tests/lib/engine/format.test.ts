import { describe, expect, it } from 'vitest';
import { formatNumber, formatDecimal, formatPercent, parseSwedishNumber, NBSP } from '../../../src/lib/engine/format';

describe('sv-SE formatting', () => {
  it('groups thousands with a no-break space and uses a decimal comma', () => {
    expect(formatNumber(1100)).toBe(`1${NBSP}100`);
    expect(formatNumber(9800.5, 1)).toBe(`9${NBSP}800,5`);
    expect(formatNumber(-1234567)).toBe(`-1${NBSP}234${NBSP}567`);
    expect(formatDecimal(0.8)).toBe('0,8');
    expect(formatDecimal(1)).toBe('1');
    expect(formatPercent(0.723)).toBe(`72${NBSP}%`);
  });
  it('parses what a Swedish user types or pastes', () => {
    expect(parseSwedishNumber('1 100')).toBe(1100);
    expect(parseSwedishNumber(`1${NBSP}100`)).toBe(1100);
    expect(parseSwedishNumber('0,8')).toBe(0.8);
    expect(parseSwedishNumber('80 %')).toBe(0.8);
    expect(parseSwedishNumber('1.5')).toBe(1.5);
    expect(parseSwedishNumber('1.100,5')).toBe(1100.5);
    expect(parseSwedishNumber('abc')).toBeNull();
    expect(parseSwedishNumber('')).toBeNull();
    expect(parseSwedishNumber('1,2,3')).toBeNull();
  });
});

describe('half away from zero on the decimal value, by arithmetic', () => {
  /** The decimal-string method (the value's shortest decimal text shifted and rounded): the reference. */
  function reference(value: number, decimals: number): string {
    const abs = Math.abs(value);
    const r9 = abs >= 9e6 ? abs : Math.round(abs * 1e9) / 1e9;
    const s = String(r9);
    const fixed = s.includes('e') ? r9.toFixed(decimals) : Number(`${Math.round(Number(`${s}e${decimals}`))}e-${decimals}`).toFixed(decimals);
    const [i, f] = fixed.split('.');
    return (value < 0 && Number(fixed) !== 0 ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') + (f ? ',' + f : '');
  }
  it('agrees with the decimal-string method on typed and computed values', async () => {
    const fc = (await import('fast-check')).default;
    const typed = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000);
    const computed = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.oneof(typed, computed), fc.integer({ min: 0, max: 3 }), (v, d) => {
        expect(formatNumber(v, d)).toBe(reference(v, d));
      }),
      { numRuns: 20_000 },
    );
    for (const [v, d, out] of [[1.005, 2, '1,01'], [2.675, 2, '2,68'], [0.045, 2, '0,05'], [1099.995, 2, '1\u00a0100,00'], [100.5, 0, '101'], [-2.5, 0, '-3']] as const) {
      expect(formatNumber(v, d)).toBe(out);
    }
  });
});
