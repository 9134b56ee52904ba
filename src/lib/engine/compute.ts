/** computePlan (contracts.md): pure, synchronous, no I/O. */
import { todayIso, isIsoDate } from './dates';
import { computeDoctor, doctorContext } from './doctor';
import { computeFindings } from './findings';
import { resolveProfile } from './profiles';
import { resolveTime } from './time';
import { computeUnit } from './unit';
import { resolveAgeReference, usableListAges } from './ageReference';
import { ageIndexOf } from './formulas/index';
import type { ComputeOptions, Plan, PlanResult } from './types';

/** What computePlan uses when a half-built plan has no unit yet. */
const NO_UNIT: Plan['unit'] = {
  name: '',
  listed: 0,
  careWeight: 1,
  withNamedDoctor: 0,
  targetCoverage: 1,
  priority: { multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 },
};

/**
 * Never throws on a half-edited plan (the UI recomputes on every keystroke): missing numbers count
 * as 0, a missing unit as an empty one. parsePlan is where nonsense is refused.
 */
export function computePlan(input: Plan, options: ComputeOptions = {}): PlanResult {
  const plan: Plan = input.unit && typeof input.unit === 'object' ? input : { ...input, unit: NO_UNIT };
  const profile = resolveProfile(plan.profile);
  const time = resolveTime(plan);
  const model = plan.model === 'time' ? 'time' : 'guideline';
  const today = isIsoDate(options.today) ? options.today : todayIso();
  const doctors = Array.isArray(plan.doctors) ? plan.doctors.filter((d) => d !== null && typeof d === 'object') : [];
  // §9: the age reference (the unit's own table, else Norway 2023) and the unit's age index against it.
  const { reference, edited } = resolveAgeReference(plan.unit.ageReference);
  const unitAges = plan.unit.listAges;
  const unitAgeIndex = usableListAges(unitAges) ? ageIndexOf(unitAges.counts, reference.rates, reference.mean) : null;
  const ctx = doctorContext(profile, time, plan.unit?.careWeight, model, {
    unitDelegation: plan.unit.delegation, ageRates: reference.rates, ageMean: reference.mean, unitAgeIndex,
  });
  const doctorResults = doctors.map((d) => computeDoctor(d, ctx));
  const unit = computeUnit(plan.unit, doctors, doctorResults, profile);
  unit.ageIndex = unitAgeIndex;
  const findings = computeFindings({ plan: doctors === plan.doctors ? plan : { ...plan, doctors }, profile, time, today, doctors: doctorResults, unit });
  unit.doctorsOverCapacity = findings.reduce((n, f) => (f.rule === 'over-capacity' ? n + 1 : n), 0);
  unit.doctorsAboveSafeDay = findings.reduce((n, f) => (f.rule === 'day-above-safe' ? n + 1 : n), 0);
  return { doctors: doctorResults, unit, findings, profile, model, time, today, ageReference: { ...reference, edited } };
}
