/**
 * Pure helpers of the printable report (ReportView.svelte): dates, assumption and profile rows.
 * Kept out of the component so they are unit-tested without a DOM.
 */
import {
  fmt,
  TIME_KEYS,
  DEFAULT_MIN_EMPLOYMENT_MONTHS,
  type TimeKey,
  type IsoDate,
  type Plan,
  type RuleProfile,
  type TimeAssumptions,
} from '../../engine/index';
import { SETTINGS } from '../../strings/settings.sv';
import { REPORT_SV as T } from '../../strings/report.sv';

/** "2026-11-23" → "23 november 2026" (Swedish long date; the ISO date stays in <time datetime>). */
export function reportDate(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = T.months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * A doctor's load (domain.md §4: listed / capacity) as text plus a word flag, so "over capacity" never
 * relies on colour: { value: "135 %", flag: "över kapacitet" }.
 */
export function loadText(loadRatio: number | null): { value: string; flag: string | null } {
  if (loadRatio === null) return { value: T.unknown, flag: null };
  if (!Number.isFinite(loadRatio)) return { value: '∞', flag: T.noCapacity };
  return { value: fmt.load(loadRatio), flag: loadRatio > 1 ? T.overCapacity : null };
}

function timeValue(key: TimeKey, v: number): string {
  switch (key) {
    case 'indirectShare':
    case 'plannedShare':
    case 'ownPatientShare':
      return fmt.percent(v);
    case 'visitsPerPatientYear':
      return fmt.factor(v);
    case 'plannedMinutes':
    case 'acuteMinutes':
      return fmt.minutes(v);
    case 'weeksPerYear':
      return fmt.weeks(v);
    default:
      return fmt.hours(v);
  }
}

export interface TimeRow {
  key: TimeKey;
  label: string;
  value: string;
  defaultValue: string;
  /** The unit has set its own value (plan.time) that differs from the tool's default. */
  changed: boolean;
}

/**
 * The time model's assumptions (domain.md §3), all of them local assumptions: the tool's defaults,
 * or the unit's own values where the plan sets them.
 */
export function timeRows(plan: Plan, resolved: TimeAssumptions, defaults: TimeAssumptions): TimeRow[] {
  return TIME_KEYS.map((key) => {
    const value = resolved[key];
    const own = plan.time?.[key];
    return {
      key,
      label: SETTINGS.time[key],
      value: timeValue(key, value),
      defaultValue: timeValue(key, defaults[key]),
      changed: typeof own === 'number' && own !== defaults[key],
    };
  });
}

export interface ProfileRow {
  label: string;
  value: string;
  /** A value that is the tool's own assumption, not from the guideline/region (e.g. the ST ramp ends). */
  local: boolean;
}

/**
 * The resolved rule profile (domain.md §5) as label/value rows, in plain Swedish. With `custom` (the
 * plan carries its own profile object) every value is the unit's own, so every row is a local assumption.
 */
export function profileRows(p: RuleProfile, custom = false): ProfileRow[] {
  const rows: ProfileRow[] = [
    { label: SETTINGS.specialist, value: `${fmt.patients(p.guideline.specialist)} ${T.perFte}`, local: false },
    { label: SETTINGS.stMid, value: `${fmt.patients(p.guideline.stMid)} ${T.perFte}`, local: false },
    p.stRamp.enabled
      ? {
          label: SETTINGS.stRamp,
          value: T.stRampNote(
            fmt.patients(Math.floor(p.guideline.stMid * p.stRamp.startFactor)),
            fmt.patients(Math.floor(p.guideline.stMid * p.stRamp.endFactor)),
          ),
          local: true,
        }
      : { label: SETTINGS.stRamp, value: T.stRampOff, local: false },
  ];
  if (p.listLimits) {
    const l = p.listLimits;
    rows.push({
      label: SETTINGS.listLimits,
      value: T.limits(
        fmt.patients(l.minPerFte),
        fmt.patients(l.maxPerFte),
        l.maxPointsPerFte === null ? null : fmt.patients(l.maxPointsPerFte),
        fmt.factor(l.stFactor),
        l.scaleWithEmployment,
      ),
      local: false,
    });
  } else {
    rows.push({ label: SETTINGS.listLimits, value: T.none, local: false });
  }
  rows.push({
    label: T.coverageThreshold,
    value: p.coverageThreshold === null ? T.none : fmt.percent(p.coverageThreshold),
    local: false,
  });
  if (p.goals) {
    rows.push({
      label: T.goals,
      value: T.goalsText(fmt.percent(p.goals.coverage), fmt.percent(p.goals.nursingHome), fmt.percent(p.goals.continuityIncrease)),
      local: false,
    });
  }
  if (p.stimulus) {
    rows.push({
      label: T.stimulusRule,
      value: T.stimulusText(fmt.count(p.stimulus.sekPerListPoint), fmt.count(p.stimulus.sekPerCareWeightPoint), p.stimulus.period),
      local: false,
    });
  }
  // The engine warns below DEFAULT_MIN_EMPLOYMENT_MONTHS when the profile sets none (findings.ts):
  // that default is the tool's own assumption and is shown as one.
  rows.push(
    p.minEmploymentMonths === null
      ? { label: T.minEmployment, value: T.monthsDefault(fmt.months(DEFAULT_MIN_EMPLOYMENT_MONTHS)), local: true }
      : { label: T.minEmployment, value: T.monthsCount(fmt.months(p.minEmploymentMonths)), local: false },
  );
  rows.push({
    label: T.locumRule,
    value: [
      p.locumRule.cannotHoldList ? T.locumCannot : T.locumCan,
      ...(p.locumRule.fictiveListMustStartWithUnit ? [T.fictiveStart] : []),
    ].join(' '),
    local: false,
  });
  return custom ? rows.map((r) => ({ ...r, local: true })) : rows;
}
