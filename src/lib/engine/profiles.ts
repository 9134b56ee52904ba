/**
 * Rule profiles (domain.md §5) as data, not code. A plan names one of these by id, or carries a
 * full custom RuleProfile object (validated by parsePlan).
 */
import { PROFILE_TEXT } from '../strings/engine.sv';
import { copyJson } from './migrate';
import type { RuleProfile } from './types';

/** The national goal lines of the God och nära vård agreements (domain.md §5); they bind every region. */
const NATIONAL_GOALS = { coverage: 0.55, nursingHome: 0.8, continuityIncrease: 0.2 } as const;

/** ST ramp (domain.md §2): 550 × (0.5 + progress): 275 at the start, 550 mid, 825 at the end (our assumption). */
const ST_RAMP = { enabled: true, startFactor: 0.5, endFactor: 1.5 } as const;

const NO_LOCUM_RULE = { cannotHoldList: false, fictiveListMustStartWithUnit: false } as const;

const national: RuleProfile = {
  id: 'national',
  name: PROFILE_TEXT.national.name,
  source: PROFILE_TEXT.national.source,
  guideline: { specialist: 1100, stMid: 550 }, // seed 004
  stRamp: { ...ST_RAMP },
  listLimits: null,
  coverageThreshold: null,
  goals: { ...NATIONAL_GOALS },
  stimulus: null,
  minEmploymentMonths: null,
  locumRule: { ...NO_LOCUM_RULE },
};

const vgr: RuleProfile = {
  id: 'vgr',
  name: PROFILE_TEXT.vgr.name,
  source: PROFILE_TEXT.vgr.source,
  guideline: { specialist: 1100, stMid: 550 },
  stRamp: { ...ST_RAMP },
  // seed 001: 600–2 400 listed and ≤ 800 list points per full-time doctor; ST halved; scaled by employment.
  listLimits: { minPerFte: 600, maxPerFte: 2400, maxPointsPerFte: 800, stFactor: 0.5, scaleWithEmployment: true },
  coverageThreshold: 0.7,
  goals: { ...NATIONAL_GOALS },
  stimulus: { sekPerListPoint: 12, sekPerCareWeightPoint: 12, period: PROFILE_TEXT.stimulusPeriod },
  minEmploymentMonths: 12,
  locumRule: { ...NO_LOCUM_RULE },
};

const vastmanland: RuleProfile = {
  id: 'vastmanland',
  name: PROFILE_TEXT.vastmanland.name,
  source: PROFILE_TEXT.vastmanland.source,
  guideline: { specialist: 1100, stMid: 550 },
  stRamp: { ...ST_RAMP },
  listLimits: null,
  coverageThreshold: null,
  goals: { ...NATIONAL_GOALS },
  stimulus: null,
  minEmploymentMonths: null,
  // seed 000: locums cannot be named doctors; fictive lists "<unit> Dr <name>".
  locumRule: { cannotHoldList: true, fictiveListMustStartWithUnit: true },
};

const varmland: RuleProfile = {
  id: 'varmland',
  name: PROFILE_TEXT.varmland.name,
  source: PROFILE_TEXT.varmland.source,
  // seed 004: 1 500 as a step towards 1 100. The ST value is our assumption: half the specialist value,
  // the same ratio as the national 550 / 1 100.
  guideline: { specialist: 1500, stMid: 750 },
  stRamp: { ...ST_RAMP },
  listLimits: null,
  coverageThreshold: null,
  goals: { ...NATIONAL_GOALS },
  stimulus: null,
  minEmploymentMonths: null,
  locumRule: { ...NO_LOCUM_RULE },
};

export const PROFILES: Record<string, RuleProfile> = { national, vgr, vastmanland, varmland };

export const PROFILE_IDS = Object.keys(PROFILES);

/** Default months of planned employment ahead when a profile sets none (domain.md §5 short-employment). */
export const DEFAULT_MIN_EMPLOYMENT_MONTHS = 12;

/**
 * The profile a plan refers to: a shipped id, or a custom object (returned as is).
 * An unknown id falls back to the national profile (parsePlan reports unknown ids as errors).
 */
export function resolveProfile(ref: string | RuleProfile): RuleProfile {
  if (typeof ref === 'string') return Object.hasOwn(PROFILES, ref) ? PROFILES[ref] : PROFILES.national;
  if (ref === null || typeof ref !== 'object') return PROFILES.national;
  return isComplete(ref) ? ref : completeProfile(ref);
}

function isComplete(p: RuleProfile): boolean {
  return (
    typeof p.guideline?.specialist === 'number' &&
    typeof p.guideline?.stMid === 'number' &&
    typeof p.stRamp?.enabled === 'boolean' &&
    typeof p.locumRule?.cannotHoldList === 'boolean' &&
    p.listLimits !== undefined &&
    p.coverageThreshold !== undefined &&
    p.goals !== undefined &&
    p.stimulus !== undefined &&
    p.minEmploymentMonths !== undefined
  );
}

/**
 * A custom profile held by the UI may be half-edited; computePlan must not fail on it. Missing guideline,
 * ramp and locum values come from the national profile; missing optional rules are "none" (null).
 * parsePlan reports such gaps in a file; this only keeps the calculation running.
 */
function completeProfile(p: Partial<RuleProfile>): RuleProfile {
  const n = PROFILES.national;
  return {
    ...p,
    id: p.id ?? 'custom',
    name: p.name ?? PROFILE_TEXT.custom.name,
    source: p.source ?? PROFILE_TEXT.custom.source,
    guideline: { ...n.guideline, ...p.guideline },
    stRamp: { ...n.stRamp, ...p.stRamp },
    listLimits: p.listLimits ?? null,
    coverageThreshold: p.coverageThreshold ?? null,
    goals: p.goals ?? null,
    stimulus: p.stimulus ?? null,
    minEmploymentMonths: p.minEmploymentMonths ?? null,
    locumRule: { ...n.locumRule, ...p.locumRule },
  };
}

/** A full custom profile to start editing from: a copy of a shipped one with id "custom". */
export function createCustomProfile(from: string | RuleProfile = 'national'): RuleProfile {
  const base = copyJson(resolveProfile(from));
  return { ...base, id: 'custom', name: PROFILE_TEXT.custom.name, source: PROFILE_TEXT.custom.source };
}
