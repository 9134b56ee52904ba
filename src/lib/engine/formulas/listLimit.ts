/** A profile's list limit for one doctor (domain.md §5): per full-time doctor × employment (if scaled) × ST factor (for ST). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import { round9 } from '../round';
import type { DoctorCategory, DoctorResult, Patients, RuleProfile, Share } from '../types';
import { mul, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.listLimit;

export function listLimitOf(perFte: number, employment: Share, scaleWithEmployment: boolean, isSt: boolean, stFactor: number): number {
  return round9(perFte * (scaleWithEmployment ? employment : 1) * (isSt ? stFactor : 1));
}

/** The three limits of one doctor; null when the profile has none or the doctor holds no list. */
export function limitsOf(profile: RuleProfile, category: DoctorCategory, employment: Share, base: Patients): DoctorResult['limits'] {
  const l = profile.listLimits;
  if (!l || base <= 0) return null;
  const st = category === 'st';
  return {
    min: listLimitOf(l.minPerFte, employment, l.scaleWithEmployment, st, l.stFactor),
    max: listLimitOf(l.maxPerFte, employment, l.scaleWithEmployment, st, l.stFactor),
    maxPoints: l.maxPointsPerFte === null ? null : listLimitOf(l.maxPointsPerFte, employment, l.scaleWithEmployment, st, l.stFactor),
  };
}

export const listLimit = defineFormula({
  key: 'listLimit',
  section: '§5',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'profile',
  inputs: inputsOf('perFte', 'employment', 'stFactor'),
  compute: listLimitOf,
  expr: (x: { perFte: Expr; employment: Expr | null; stFactor: Expr | null }) => {
    const factors: Expr[] = [];
    if (x.employment) factors.push(x.employment);
    if (x.stFactor) factors.push(x.stFactor);
    return mul(x.perFte, ...factors);
  },
  excel: (r) => `${r.perFte}*${r.employment}*${r.stFactor}`,
});
