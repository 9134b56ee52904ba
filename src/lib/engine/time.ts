/** Time-model assumptions (domain.md §3). */
import type { Plan, TimeAssumptions } from './types';

/**
 * Defaults (assumption, domain.md §3), calibrated so that a standard full-time specialist with
 * 2 h/week of meetings lands within ±5 % of 1 100 (he lands at 1 117).
 */
export const DEFAULT_TIME: Readonly<TimeAssumptions> = Object.freeze({
  fullTimeHours: 40,
  weeksPerYear: 42,
  indirectShare: 0.35,
  plannedMinutes: 30,
  acuteMinutes: 20,
  plannedShare: 0.6,
  ownPatientShare: 0.7,
  visitsPerPatientYear: 1.5,
});

export const TIME_KEYS = [
  'fullTimeHours',
  'weeksPerYear',
  'indirectShare',
  'plannedMinutes',
  'acuteMinutes',
  'plannedShare',
  'ownPatientShare',
  'visitsPerPatientYear',
] as const;
export type TimeKey = (typeof TIME_KEYS)[number];

/** The plan's time assumptions with defaults filling the gaps (non-numbers are ignored). */
export function resolveTime(plan: Pick<Plan, 'time'>): TimeAssumptions {
  const out: TimeAssumptions = { ...DEFAULT_TIME };
  const t = plan.time;
  if (t) {
    for (const k of TIME_KEYS) {
      const v = t[k];
      if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    }
  }
  return out;
}

/** Whether a time value is the default (explanations mark the defaults as local assumptions). */
export function isDefaultTime(plan: Pick<Plan, 'time'>, key: TimeKey): boolean {
  const v = plan.time?.[key];
  return !(typeof v === 'number' && Number.isFinite(v)) || v === DEFAULT_TIME[key];
}
