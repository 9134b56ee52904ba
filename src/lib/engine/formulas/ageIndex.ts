/**
 * The age-based expected-visit index (domain.md §9, issue 16.1): Σ_b n_b × rate_b / (N × rate_ref), where n_b
 * is a list's patients in age band b, rate_b the visits per person a year in band b and rate_ref the reference
 * population's mean (Norway 2023: 3,0; or the unit's own mean). Given to three decimals, as a care weight is
 * typed (1,113), so the suggestion that is adopted is exactly the figure shown.
 */
import { AGE_BAND_NAMES, PEER_FORMULA_TEXT, PEER_WORDS } from '../../strings/peers.sv';
import { round9 } from '../round';
import type { Patients } from '../types';
import { div, mul, num, said, sum, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.ageIndex;

/** x to three decimals, half away from zero on its decimal value (x ≥ 0). */
export function toThreeDecimals(x: number): number {
  return Math.round(round9(x) * 1000) / 1000;
}

/** The index, or null when nobody's age is known or the reference mean is not above 0. */
export function ageIndexOf(counts: readonly Patients[], rates: readonly number[], mean: number): number | null {
  let n = 0;
  let expected = 0;
  for (let b = 0; b < counts.length; b++) {
    n += counts[b];
    expected += counts[b] * (rates[b] ?? 0);
  }
  if (!(n > 0) || !(mean > 0)) return null;
  return toThreeDecimals(expected / (n * mean));
}

export const ageIndex = defineFormula({
  key: 'ageIndex',
  section: '§9',
  kind: 'careWeight',
  label: T.label,
  rule: T.rule,
  source: 'norway',
  inputs: {
    count: { label: T.inputs.count, kind: 'patients' },
    rate: { label: T.inputs.rate, kind: 'perPerson' },
    total: { label: T.inputs.total, kind: 'patients' },
    mean: { label: T.inputs.mean, kind: 'perPerson' },
  },
  compute: ageIndexOf,
  /** "(200 × 3,9 + 800 × 3,2) ÷ (1 000 × 3)"; bands without patients are left out. `countPath`: where the counts came from. */
  expr: (x: { counts: readonly Patients[]; rates: readonly number[]; mean: number; countPath?: string; ratePath?: (b: number) => string | undefined }) => {
    const terms: Expr[] = [];
    let n = 0;
    x.counts.forEach((c, b) => {
      if (!(c > 0)) return;
      n += c;
      terms.push(mul(num(c, 'patients', `${T.inputs.count} ${AGE_BAND_NAMES[b]}`, x.countPath), num(x.rates[b] ?? 0, 'perPerson', `${T.inputs.rate}, ${AGE_BAND_NAMES[b]}`, x.ratePath?.(b))));
    });
    if (!(n > 0) || !(x.mean > 0)) return said(PEER_WORDS.noAges, 0, 'careWeight');
    return div(sum(terms, 'patients'), mul(num(n, 'patients', T.inputs.total), num(x.mean, 'perPerson', T.inputs.mean, x.ratePath?.(-1))));
  },
  excel: (r) => `IFERROR(ROUND(SUMPRODUCT(${r.count},${r.rate})/(SUM(${r.count})*${r.mean}),3),"")`,
});
