/**
 * VGR stimulus (domain.md §5, seed 001): sekPerListPoint × Σ list points + sekPerCareWeightPoint × Σ care-weight
 * points, over the named-doctor lists (doctors who can be a named doctor, never a fictive list); 0 when the
 * coverage is below the profile's threshold; null when the profile has no stimulus or no list points are known.
 */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import { round9 } from '../round';
import type { Doctor, DoctorResult, RuleProfile, Sek, Share } from '../types';
import { add, mul, said, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.stimulusSek;

/** Whether a doctor's list is a fictive list (seed 000): never a named-doctor list. */
export function isFictiveList(d: Pick<Doctor, 'fictiveListName'>): boolean {
  return typeof d.fictiveListName === 'string' && d.fictiveListName.trim() !== '';
}

/** Whether a doctor's list points count for the stimulus: a named-doctor list of a doctor who can hold one. */
export function countsForStimulus(d: Doctor, r: DoctorResult): boolean {
  return r.base > 0 && !isFictiveList(d);
}

export interface StimulusPoints {
  listPoints: number;
  careWeightPoints: number;
}

/** Σ points over the lists that count; null when no counted list has list points. */
export function stimulusPointsOf(doctors: readonly Doctor[], results: readonly DoctorResult[]): StimulusPoints | null {
  let listPoints = 0;
  let careWeightPoints = 0;
  let known = false;
  for (let i = 0; i < doctors.length; i++) {
    const d = doctors[i];
    if (!countsForStimulus(d, results[i])) continue;
    if (typeof d.listPoints === 'number' && Number.isFinite(d.listPoints)) {
      known = true;
      listPoints += Math.max(0, d.listPoints);
    }
    if (typeof d.careWeightPoints === 'number' && Number.isFinite(d.careWeightPoints)) careWeightPoints += Math.max(0, d.careWeightPoints);
  }
  return known ? { listPoints, careWeightPoints } : null;
}

/** Whether the coverage is below the profile's threshold (compared after rounding to 9 decimals). */
export function belowStimulusThreshold(profile: RuleProfile, coverageToday: Share): boolean {
  return profile.coverageThreshold !== null && round9(coverageToday) < profile.coverageThreshold;
}

export function stimulusSekOf(profile: RuleProfile, points: StimulusPoints | null, coverageToday: Share): Sek | null {
  const s = profile.stimulus;
  if (!s || !points) return null;
  if (belowStimulusThreshold(profile, coverageToday)) return 0;
  return round9(s.sekPerListPoint * points.listPoints + s.sekPerCareWeightPoint * points.careWeightPoints);
}

export const stimulusSek = defineFormula({
  key: 'stimulusSek',
  section: '§5',
  kind: 'sek',
  label: T.label,
  rule: T.rule,
  source: 'profile',
  inputs: inputsOf('sekPerListPoint', 'listPoints', 'sekPerCareWeightPoint', 'careWeightPoints'),
  compute: stimulusSekOf,
  expr: (x: { sekPerListPoint: Expr; listPoints: Expr; sekPerCareWeightPoint: Expr; careWeightPoints: Expr; below: null | { coverage: string; threshold: string } }) =>
    x.below
      ? said(FORMULA_WORDS.stimulusBelow(x.below.coverage, x.below.threshold), 0, 'sek')
      : add(mul(x.sekPerListPoint, x.listPoints), mul(x.sekPerCareWeightPoint, x.careWeightPoints)),
  excel: (r) => `${r.sekPerListPoint}*${r.listPoints}+${r.sekPerCareWeightPoint}*${r.careWeightPoints}`,
});
