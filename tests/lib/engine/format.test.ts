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
