/**
 * Formatting of compared values and their differences: sv-SE numbers (format.ts), a sign
 * and an arrow plus a word, so a change is never shown by colour alone (WCAG 1.4.1).
 */
import { fmt, formatQuantityDelta } from '../../engine/index';
import type { Trend } from '../../engine/compare';
import { SCENARIOS as S } from '../../strings/workshop.sv';

export type ValueKind = 'patients' | 'share' | 'fte';

export function formatValue(kind: ValueKind, v: number | null | undefined): string {
  if (v == null) return '–';
  return fmt[kind](v);
}

/** "+330", "-0,25", "+5,0 procentenheter"; "±0" when unchanged (the engine's one delta formatter). */
export function formatDelta(kind: ValueKind, d: number | null | undefined): string {
  if (d == null) return '';
  return formatQuantityDelta(kind, d);
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
