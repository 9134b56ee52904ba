/** A unit's saved continuity baseline and the progress towards the national goal line (domain.md §5). */

/** A unit's saved continuity baseline (aggregates only), for the national goal line (domain.md §5). */
export interface ContinuityBaseline {
  meanCoc: number | null;
  meanUpc: number | null;
  meanNamedShare: number | null;
  patientsIncluded: number;
  from: string;
  to: string;
  minContacts: number;
  /** ISO date the baseline was saved. */
  savedAt: string;
  /** The definition the figures follow, in words ("SKR Primärvårdskvalitet (18 månader)"); absent in older baselines. */
  definition?: string;
  /**
   * Whether the log held other professions' contacts beside the plan's doctors ('mixed'; then meanCoc is
   * over all contacts and doctorMeanCoc over the doctors' only), only doctors, or could not tell
   * (followup/goals.ts). Absent in older baselines: their meanCoc counts as doctor contacts.
   */
  split?: 'mixed' | 'doctors' | 'unknown';
  /** COC over the doctors' contacts only, when the log was mixed. */
  doctorMeanCoc?: number | null;
  /** Doctor COC of the SÄBO residents, when the log had a SÄBO column (issue 16.5). */
  nursingHomeMeanCoc?: number | null;
}

export interface GoalProgress {
  baseline: number;
  current: number;
  /** baseline × (1 + increase): the goal line (national: +20 %). */
  target: number;
  /** (current − baseline) ÷ baseline. */
  change: number;
  reached: boolean;
}

/**
 * Progress towards "doctor continuity index up 20 % on the baseline" (domain.md §5, national goals;
 * `goals.continuityIncrease`). null when either value is missing or the baseline is 0.
 */
export function goalProgress(baseline: number | null, current: number | null, increase: number): GoalProgress | null {
  if (baseline === null || current === null || !(baseline > 0) || !Number.isFinite(increase)) return null;
  const target = baseline * (1 + increase);
  return { baseline, current, target, change: (current - baseline) / baseline, reached: current >= target - 1e-12 };
}
