/**
 * base(d) (domain.md §2): guideline patients for a full-time doctor of the category. Specialist in
 * allmänmedicin 1 100; geriatrician and pediatrician 1 100 for their age group only; other specialist with
 * dispensation 1 100; ST 550 mid-training, with the phase ramp 550 × (0,5 + progress) (our assumption:
 * the guideline fixes only the midpoint); locum and AT/BT 0 (they hold no named list).
 */
import { FORMULA_TEXT, FORMULA_WORDS } from '../../strings/formulas.sv';
import type { DoctorCategory, DoctorResult, Patients, RuleProfile, Share } from '../types';
import { categoryWords, wordMatchFormula } from '../vocabulary';
import { add, mul, said, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.base;

/** Categories that may be a named doctor at all (base > 0). */
export function isQualifying(category: DoctorCategory): boolean {
  return category !== 'locum' && category !== 'junior';
}

/** The age group a category's list is limited to (domain.md §2, seed 001). */
export function ageGroupOf(category: DoctorCategory): DoctorResult['ageGroup'] {
  return category === 'geriatrician' ? '65+' : category === 'pediatrician' ? '0-17' : 'all';
}

const SPECIALIST_LIKE: readonly DoctorCategory[] = ['specialist', 'geriatrician', 'pediatrician', 'dispensation'];

export function baseOf(category: DoctorCategory, progress: Share, profile: RuleProfile): Patients {
  switch (category) {
    case 'specialist':
    case 'geriatrician': // only for their age group (ageGroupOf)
    case 'pediatrician':
    case 'dispensation':
      return profile.guideline.specialist;
    case 'st': {
      const { stMid } = profile.guideline;
      if (!profile.stRamp.enabled) return stMid;
      const { startFactor, endFactor } = profile.stRamp;
      return stMid * (startFactor + progress * (endFactor - startFactor));
    }
    default:
      return 0;
  }
}

export interface BaseExprInput {
  category: DoctorCategory;
  /** The category as the user reads it ("hyrläkare"). */
  categoryLabel: string;
  rampEnabled: boolean;
  specialist: Expr;
  stMid: Expr;
  startFactor: Expr;
  endFactor: Expr;
  /** The ramp's factors as numbers (to leave out "× (1,5 − 0,5)" when it is 1). */
  start: number;
  end: number;
  progress: Expr;
}

export const base = defineFormula({
  key: 'base',
  section: '§2',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'guideline',
  inputs: inputsOf('category', 'stProgress', 'specialist', 'stMid', 'rampEnabled', 'startFactor', 'endFactor'),
  compute: baseOf,
  expr: (x: BaseExprInput): Expr => {
    if (SPECIALIST_LIKE.includes(x.category)) return x.specialist;
    if (x.category !== 'st') return said(FORMULA_WORDS.notQualifying(x.categoryLabel), 0, 'patients');
    if (!x.rampEnabled) return x.stMid;
    // 550 × (0,5 + 18 / 60) with the shipped factors; the general form otherwise.
    const step = Math.abs(x.end - x.start - 1) < 1e-12 ? x.progress : mul(x.progress, sub(x.endFactor, x.startFactor));
    return mul(x.stMid, add(x.startFactor, step));
  },
  excel: (r) =>
    `IF(${wordMatchFormula(r.category, categoryWords(SPECIALIST_LIKE))},${r.specialist},` +
    `IF(${wordMatchFormula(r.category, categoryWords(['st']))},IF(${r.rampEnabled}=1,${r.stMid}*(${r.startFactor}+${r.stProgress}*(${r.endFactor}-${r.startFactor})),${r.stMid}),0))`,
});
