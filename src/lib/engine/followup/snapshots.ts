/**
 * Monthly snapshots and the coverage trend (domain.md §6: "Monthly snapshots of listed, with named
 * doctor, and per-doctor lists; trend of coverage against the profile threshold").
 */
import type { Plan, RuleProfile } from '../types';
import type { DoctorTrend, SnapshotData, Trend, TrendPoint, YearMonth } from './types';
import { FOLLOWUP_ENGINE } from '../../strings/followup.sv';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && MONTH_RE.test(value);
}

/** The month of an ISO date or Date: "2026-11-23" → "2026-11". */
export function monthOf(date: string | Date): YearMonth {
  if (typeof date === 'string') return date.slice(0, 7);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** Month arithmetic on 'YYYY-MM': addMonths("2026-01", -1) → "2025-12". */
export function addMonths(month: YearMonth, delta: number): YearMonth {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * A snapshot of the plan as it stands: the unit's listed and with-named-doctor figures and each
 * doctor's current list (doctors whose list is unknown are left out). Pure.
 */
export function snapshotFromPlan(plan: Plan, month: YearMonth): SnapshotData {
  const u = plan.unit;
  const snap: SnapshotData = {
    month,
    listed: u.listed,
    withNamedDoctor: u.withNamedDoctor,
    doctors: plan.doctors
      .filter((d) => typeof d.listed === 'number' && Number.isFinite(d.listed))
      .map((d) => {
        const row: SnapshotData['doctors'][number] = { doctorId: d.id, name: d.name, listed: d.listed as number };
        if (typeof d.listPoints === 'number' && Number.isFinite(d.listPoints)) row.listPoints = d.listPoints;
        return row;
      }),
    source: 'plan',
  };
  if (typeof u.withNamedDoctorNursingHome === 'number') snap.withNamedDoctorNursingHome = u.withNamedDoctorNursingHome;
  if (typeof u.priority?.nursingHome === 'number' && u.priority.nursingHome > 0) snap.nursingHomeTotal = u.priority.nursingHome;
  return snap;
}

export interface SnapshotProblem {
  /** Field path, e.g. "doctors[2].listed". */
  path: string;
  message: string;
}

function wholeNonNegative(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Checks a snapshot before it is saved; every problem in Swedish with its field. */
export function validateSnapshot(s: SnapshotData): SnapshotProblem[] {
  const t = FOLLOWUP_ENGINE.validate;
  const out: SnapshotProblem[] = [];
  if (!isYearMonth(s.month)) out.push({ path: 'month', message: t.month });
  if (!wholeNonNegative(s.listed)) out.push({ path: 'listed', message: t.wholeNumber(t.fields.listed) });
  if (!wholeNonNegative(s.withNamedDoctor)) out.push({ path: 'withNamedDoctor', message: t.wholeNumber(t.fields.withNamedDoctor) });
  else if (wholeNonNegative(s.listed) && s.withNamedDoctor > s.listed)
    out.push({ path: 'withNamedDoctor', message: t.namedAboveListed });
  if (s.withNamedDoctorNursingHome !== undefined && !wholeNonNegative(s.withNamedDoctorNursingHome))
    out.push({ path: 'withNamedDoctorNursingHome', message: t.wholeNumber(t.fields.withNamedDoctorNursingHome) });
  if (s.nursingHomeTotal !== undefined && !wholeNonNegative(s.nursingHomeTotal))
    out.push({ path: 'nursingHomeTotal', message: t.wholeNumber(t.fields.nursingHomeTotal) });
  if (
    wholeNonNegative(s.withNamedDoctorNursingHome) &&
    wholeNonNegative(s.nursingHomeTotal) &&
    (s.withNamedDoctorNursingHome as number) > (s.nursingHomeTotal as number)
  )
    out.push({ path: 'withNamedDoctorNursingHome', message: t.nursingAboveTotal });
  s.doctors.forEach((d, i) => {
    if (!d.name || !d.name.trim()) out.push({ path: `doctors[${i}].name`, message: t.doctorName(i + 1) });
    if (!wholeNonNegative(d.listed)) out.push({ path: `doctors[${i}].listed`, message: t.doctorListed(d.name || String(i + 1)) });
    if (d.listPoints !== undefined && !(typeof d.listPoints === 'number' && Number.isFinite(d.listPoints) && d.listPoints >= 0))
      out.push({ path: `doctors[${i}].listPoints`, message: t.doctorPoints(d.name || String(i + 1)) });
  });
  return out;
}

/** domain.md §4: coverage = withNamedDoctor / listed. */
export function coverageOf(s: Pick<SnapshotData, 'listed' | 'withNamedDoctor'>): number | null {
  return s.listed > 0 ? s.withNamedDoctor / s.listed : null;
}

function doctorKey(d: SnapshotData['doctors'][number]): string {
  return d.doctorId ? d.doctorId : 'namn:' + d.name.trim().toLowerCase();
}

/**
 * The trend over a unit's snapshots: months in order (one snapshot per month; a later entry of the
 * same month wins), coverage per month, per-doctor list series, and the profile's lines.
 */
export function snapshotTrend(snapshots: readonly SnapshotData[], profile: RuleProfile | null): Trend {
  const byMonth = new Map<YearMonth, SnapshotData>();
  for (const s of snapshots) byMonth.set(s.month, s);
  const months = [...byMonth.keys()].sort();
  const points: TrendPoint[] = months.map((m) => {
    const s = byMonth.get(m)!;
    const nh =
      typeof s.withNamedDoctorNursingHome === 'number' && typeof s.nursingHomeTotal === 'number' && s.nursingHomeTotal > 0
        ? s.withNamedDoctorNursingHome / s.nursingHomeTotal
        : null;
    return {
      month: m,
      listed: s.listed,
      withNamedDoctor: s.withNamedDoctor,
      coverage: coverageOf(s),
      nursingHomeCoverage: nh,
      source: s.source,
    };
  });
  const doctors = new Map<string, DoctorTrend>();
  months.forEach((m, i) => {
    for (const d of byMonth.get(m)!.doctors) {
      const key = doctorKey(d);
      let t = doctors.get(key);
      if (!t) {
        t = { key, name: d.name, listed: months.map(() => null) };
        doctors.set(key, t);
      }
      t.name = d.name; // the latest name
      t.listed[i] = (t.listed[i] ?? 0) + d.listed;
    }
  });
  return {
    months,
    points,
    doctors: [...doctors.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    threshold: profile?.coverageThreshold ?? null,
    goal: profile?.goals?.coverage ?? null,
    nursingHomeGoal: profile?.goals?.nursingHome ?? null,
  };
}

export type Cell = string | number | null;

/** The trend as table rows (header first), for the xlsx/CSV export and the table alternative. */
export function trendRows(trend: Trend): Cell[][] {
  const h = FOLLOWUP_ENGINE.trendHeaders;
  const header: Cell[] = [h.month, h.listed, h.withNamedDoctor, h.coverage, h.nursingHome, h.threshold, h.goal, h.source];
  for (const d of trend.doctors) header.push(h.doctorListed(d.name));
  const rows: Cell[][] = [header];
  trend.points.forEach((p, i) => {
    const row: Cell[] = [
      p.month,
      p.listed,
      p.withNamedDoctor,
      p.coverage,
      p.nursingHomeCoverage,
      trend.threshold,
      trend.goal,
      h.sources[p.source] ?? p.source,
    ];
    for (const d of trend.doctors) row.push(d.listed[i]);
    rows.push(row);
  });
  return rows;
}

/** Every month from `first` to `last` inclusive (at most `max`), so a chart's time axis has no jumps. */
export function monthRange(first: YearMonth, last: YearMonth, max = 240): YearMonth[] {
  const out: YearMonth[] = [];
  for (let m = first; m <= last && out.length < max; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Values aligned to `axis` months (null for months without a snapshot). */
export function alignToMonths<T>(months: readonly YearMonth[], values: readonly T[], axis: readonly YearMonth[]): (T | null)[] {
  const at = new Map<YearMonth, T>();
  months.forEach((m, i) => at.set(m, values[i]));
  return axis.map((m) => (at.has(m) ? (at.get(m) as T) : null));
}
