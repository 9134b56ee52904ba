/** computePlan (contracts.md): pure, synchronous, no I/O. */
import { todayIso, isIsoDate } from './dates';
import { computeDoctor } from './doctor';
import { computeFindings } from './findings';
import { resolveProfile } from './profiles';
import { resolveTime } from './time';
import { computeUnit } from './unit';
import type { ComputeOptions, Plan, PlanResult } from './types';

export function computePlan(plan: Plan, options: ComputeOptions = {}): PlanResult {
  const profile = resolveProfile(plan.profile);
  const time = resolveTime(plan);
  const model = plan.model === 'time' ? 'time' : 'guideline';
  const today = isIsoDate(options.today) ? options.today : todayIso();
  const doctors = plan.doctors ?? [];
  const ctx = { profile, time, unitCareWeight: plan.unit?.careWeight, model } as const;
  const doctorResults = doctors.map((d) => computeDoctor(d, ctx));
  const unit = computeUnit(plan.unit, doctors, doctorResults, profile);
  const findings = computeFindings({ plan, profile, time, today, doctors: doctorResults, unit });
  return { doctors: doctorResults, unit, findings, profile, model, time, today };
}
