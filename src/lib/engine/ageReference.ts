/**
 * The age index's reference table and age bands (domain.md §9, issue 16.1). Sweden publishes no doctor
 * visits per person by age, so the shipped reference is Norway's: fastlege consultations per person by age,
 * 2023 (SSB; research/peers.md §2), mean 3,0. A unit may edit the table (saved with the plan, `ageReference`);
 * with a contact log the unit's own visits per age band can replace it (ownAgeRates).
 */
import type { AgeReference, ListAges, Patients } from './types';

/** Lower age of each band (0–5, 6–15, 16–19, 20–29, 30–49, 50–66, 67–79, 80–89, 90+): the SSB table's bands. */
export const AGE_REFERENCE_BANDS: readonly number[] = [0, 6, 16, 20, 30, 50, 67, 80, 90];
export const AGE_BAND_COUNT = AGE_REFERENCE_BANDS.length;

/** Norway, fastlege consultations per person and year by age band, 2023 (SSB), and the mean over all ages. */
export const NORWAY_2023: Readonly<AgeReference> = Object.freeze({
  rates: Object.freeze([1.9, 1.4, 2.4, 2.6, 3.2, 3.5, 3.9, 4.8, 3.5]) as unknown as number[],
  mean: 3.0,
});

/** The reference a plan uses: its own edited table when complete and usable, else Norway 2023. */
export function resolveAgeReference(ref: unknown): { reference: AgeReference; edited: boolean } {
  if (isUsableReference(ref)) return { reference: ref, edited: true };
  return { reference: NORWAY_2023, edited: false };
}

export function isUsableReference(ref: unknown): ref is AgeReference {
  if (typeof ref !== 'object' || ref === null) return false;
  const r = ref as Partial<AgeReference>;
  return (
    Array.isArray(r.rates) &&
    r.rates.length === AGE_BAND_COUNT &&
    r.rates.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) &&
    typeof r.mean === 'number' &&
    Number.isFinite(r.mean) &&
    r.mean > 0
  );
}

/** The band of an age in whole years (0-based index into AGE_REFERENCE_BANDS); -1 for an unknown age. */
export function ageBandIndex(age: number): number {
  if (!Number.isFinite(age) || age < 0) return -1;
  for (let b = AGE_BAND_COUNT - 1; b >= 0; b--) if (age >= AGE_REFERENCE_BANDS[b]) return b;
  return -1;
}

/** Patients per band from counts per whole year of age (index = age; the last entry holds every older age). */
export function bandCountsOfYears(years: readonly number[]): Patients[] {
  const out = new Array<number>(AGE_BAND_COUNT).fill(0);
  for (let age = 0; age < years.length; age++) {
    const n = years[age];
    if (n > 0) out[ageBandIndex(age)] += n;
  }
  return out;
}

/** A list's ages when they can be used: one whole, non-negative count per band. */
export function usableListAges(x: unknown): x is ListAges {
  if (typeof x !== 'object' || x === null) return false;
  const c = (x as ListAges).counts;
  return Array.isArray(c) && c.length === AGE_BAND_COUNT && c.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);
}

/**
 * The unit's own visits per person a year by age band (domain.md §9: "the unit's own from its contact log"):
 * visits in the period by patients of each band ÷ listed in the band, per 365 days. Bands with nobody listed
 * get the unit's mean (they carry no weight in any index of this unit). `mean` is the unit's own mean, so the
 * unit's index against its own rates is 1 by construction.
 */
export function ownAgeRates(visitsByBand: readonly number[], listedByBand: readonly number[], days: number): AgeReference | null {
  if (visitsByBand.length !== AGE_BAND_COUNT || listedByBand.length !== AGE_BAND_COUNT || !(days > 0)) return null;
  const perYear = 365 / days;
  let visits = 0;
  let listed = 0;
  for (let b = 0; b < AGE_BAND_COUNT; b++) {
    visits += visitsByBand[b];
    listed += listedByBand[b];
  }
  if (listed <= 0 || visits <= 0) return null;
  const mean = (visits / listed) * perYear;
  const rates = listedByBand.map((n, b) => (n > 0 ? (visitsByBand[b] / n) * perYear : mean));
  return { rates, mean };
}
