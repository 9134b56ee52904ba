/**
 * Formatting of compared values and their differences: sv-SE numbers (format.ts), a sign
 * and an arrow plus a word, so a change is never shown by colour alone (WCAG 1.4.1).
 */
import { formatDecimal, formatNumber, formatPercent } from '../../engine/index';
import type { Trend } from '../../engine/compare';
import { SCENARIOS as S } from '../../strings/workshop.sv';

export type ValueKind = 'patients' | 'share' | 'fte';

export function formatValue(kind: ValueKind, v: number | null | undefined): string {
  if (v == null) return '–';
  if (kind === 'share') return formatPercent(v, 1);
  if (kind === 'fte') return formatDecimal(v, 2);
  return formatNumber(v);
}

/** "+330", "-0,25", "+5,0 procentenheter"; "±0" when unchanged. */
export function formatDelta(kind: ValueKind, d: number | null | undefined): string {
  if (d == null) return '';
  if (Math.abs(d) < 1e-9) return '±0';
  const sign = d > 0 ? '+' : '';
  if (kind === 'share') return `${sign}${formatNumber(d * 100, 1)} procentenheter`;
  if (kind === 'fte') return `${sign}${formatDecimal(d, 2)}`;
  return `${sign}${formatNumber(d)}`;
}

export function arrowOf(d: number | null | undefined): string {
  if (d == null) return '';
  if (Math.abs(d) < 1e-9) return S.arrowSame;
  return d > 0 ? S.arrowUp : S.arrowDown;
}

export function trendWord(t: Trend | null | undefined): string {
  switch (t) {
    case 'better':
      return S.better;
    case 'worse':
      return S.worse;
    case 'changed':
      return S.changed;
    case 'same':
      return S.same;
    default:
      return '';
  }
}
