/**
 * Side-by-side comparison of plans (scenarios). Pure: it only reads the results the
 * engine's computePlan produced, so every number it shows equals the engine's; it
 * adds differences against the first entry (the baseline), never new formulas.
 */
import type { CapacityModel, DoctorCategory, Finding, Plan, PlanResult } from './types';

export interface CompareEntry {
  name: string;
  plan: Plan;
  result: PlanResult;
}

/** Unit figures compared, in display order. */
export const COMPARED_UNIT_METRICS = [
  'capacity',
  'capacityGuideline',
  'capacityTime',
  'coverageToday',
  'coveragePossible',
  'gapPatients',
  'fteNeeded',
  'priorityCovered',
  'employmentFte',
  'clinicalFte',
  // Beyond the workbook (domain.md §9): the team in the time model, and the places still free.
  'teamPatients',
  'gapPatientsTime',
  'freePlaces',
] as const;
export type ComparedUnitMetric = (typeof COMPARED_UNIT_METRICS)[number];

/** Which way is better for a figure: more capacity is better, a smaller gap is better. */
export const METRIC_DIRECTION: Record<ComparedUnitMetric, 'higher' | 'lower' | 'neutral'> = {
  capacity: 'higher',
  capacityGuideline: 'higher',
  capacityTime: 'higher',
  coverageToday: 'higher',
  coveragePossible: 'higher',
  gapPatients: 'lower',
  fteNeeded: 'lower',
  priorityCovered: 'higher',
  employmentFte: 'neutral',
  clinicalFte: 'neutral',
  teamPatients: 'higher',
  gapPatientsTime: 'lower',
  freePlaces: 'higher',
};

/** Kind of a number, so the UI formats it correctly (patients, share, FTE). */
export const METRIC_KIND: Record<ComparedUnitMetric, 'patients' | 'share' | 'fte'> = {
  capacity: 'patients',
  capacityGuideline: 'patients',
  capacityTime: 'patients',
  coverageToday: 'share',
  coveragePossible: 'share',
  gapPatients: 'patients',
  fteNeeded: 'fte',
  priorityCovered: 'patients',
  employmentFte: 'fte',
  clinicalFte: 'fte',
  teamPatients: 'patients',
  gapPatientsTime: 'patients',
  freePlaces: 'patients',
};

/** Differences smaller than this are rounding noise of shares and FTE, not a change. */
const EPSILON = 1e-9;

export type Trend = 'same' | 'better' | 'worse' | 'changed';

export interface MetricComparison {
  metric: ComparedUnitMetric;
  kind: 'patients' | 'share' | 'fte';
  /** One value per entry, straight from `result.unit`. */
  values: number[];
  /** value − baseline value; null for the baseline itself. */
  deltas: (number | null)[];
  /** Direction of each delta judged by METRIC_DIRECTION; null for the baseline. */
  trends: (Trend | null)[];
}

/** One doctor's figures in one plan. */
export interface DoctorCell {
  id: string;
  name: string;
  category: DoctorCategory;
  employment: number;
  capacity: number;
  capacityGuideline: number;
  capacityTime: number;
  listed: number | null;
  loadRatio: number | null;
}

export interface DoctorComparison {
  /** Stable key of the row (the baseline's doctor id, or the first id seen). */
  key: string;
  name: string;
  /** One cell per entry; null where the doctor is not in that plan. */
  cells: (DoctorCell | null)[];
  /** capacity − baseline capacity; null for the baseline or when either side is missing. */
  capacityDeltas: (number | null)[];
  employmentDeltas: (number | null)[];
  /** Per entry against the baseline. 'added' = not in the baseline, 'removed' = not in this entry. */
  status: ('baseline' | 'same' | 'changed' | 'added' | 'removed' | 'absent')[];
}

export interface FindingsDiff {
  /** Findings of this entry that the baseline does not have. */
  added: Finding[];
  /** Findings of the baseline that this entry no longer has. */
  removed: Finding[];
  /** Findings present in both (this entry's wording). */
  kept: Finding[];
}

export interface PlanComparison {
  names: string[];
  models: CapacityModel[];
  profiles: string[];
  unit: MetricComparison[];
  doctors: DoctorComparison[];
  /** Per entry against the baseline; the baseline's own entry lists all its findings as kept. */
  findings: FindingsDiff[];
}

function normName(name: string): string {
  return name.trim().toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ');
}

function trendOf(metric: ComparedUnitMetric, delta: number): Trend {
  if (Math.abs(delta) < EPSILON) return 'same';
  const dir = METRIC_DIRECTION[metric];
  if (dir === 'neutral') return 'changed';
  return (delta > 0) === (dir === 'higher') ? 'better' : 'worse';
}

function cellOf(plan: Plan, result: PlanResult, doctorId: string): DoctorCell | null {
  const r = result.doctors.find((d) => d.id === doctorId);
  const d = plan.doctors.find((x) => x.id === doctorId);
  if (!r || !d) return null;
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    employment: d.employment,
    capacity: r.capacity,
    capacityGuideline: r.capacityGuideline,
    capacityTime: r.capacityTime,
    listed: r.listed,
    loadRatio: r.loadRatio,
  };
}

function cellsDiffer(a: DoctorCell, b: DoctorCell): boolean {
  return (
    a.category !== b.category ||
    Math.abs(a.employment - b.employment) >= EPSILON ||
    a.capacity !== b.capacity ||
    a.capacityGuideline !== b.capacityGuideline ||
    a.capacityTime !== b.capacityTime ||
    a.listed !== b.listed ||
    a.name !== b.name
  );
}

/**
 * Rows matched by doctor id; a doctor whose id is not found is matched by name
 * (the same person re-entered in a copy), otherwise a new row.
 */
function matchDoctors(entries: CompareEntry[]): DoctorComparison[] {
  interface Row {
    key: string;
    name: string;
    ids: (string | null)[];
  }
  const rows: Row[] = [];
  entries.forEach((entry, i) => {
    const claimed = new Set<Row>();
    const pending = entry.result.doctors.map((d) => ({ id: d.id, name: d.name }));
    // First pass: ids. Second pass: names. The two passes keep an id match from being
    // stolen by an earlier name match.
    const unmatched: typeof pending = [];
    for (const d of pending) {
      const row = rows.find((r) => !claimed.has(r) && r.ids.some((id) => id === d.id));
      if (row) {
        row.ids[i] = d.id;
        claimed.add(row);
      } else unmatched.push(d);
    }
    for (const d of unmatched) {
      const row = rows.find((r) => !claimed.has(r) && r.ids[i] == null && normName(r.name) === normName(d.name));
      if (row) {
        row.ids[i] = d.id;
        claimed.add(row);
      } else {
        const ids: (string | null)[] = entries.map(() => null);
        ids[i] = d.id;
        const key = rows.some((r) => r.key === d.id) ? `${d.id}#${i}` : d.id;
        const created: Row = { key, name: d.name, ids };
        rows.push(created);
        claimed.add(created);
      }
    }
  });

  return rows.map((row) => {
    const cells = entries.map((e, i) => (row.ids[i] == null ? null : cellOf(e.plan, e.result, row.ids[i] as string)));
    const base = cells[0];
    const capacityDeltas = cells.map((c, i) => (i === 0 || !c || !base ? null : c.capacity - base.capacity));
    const employmentDeltas = cells.map((c, i) => (i === 0 || !c || !base ? null : c.employment - base.employment));
    const status = cells.map((c, i): DoctorComparison['status'][number] => {
      if (i === 0) return 'baseline';
      if (!c && !base) return 'absent';
      if (!c) return 'removed';
      if (!base) return 'added';
      return cellsDiffer(base, c) ? 'changed' : 'same';
    });
    const name = cells.find((c) => c)?.name ?? row.name;
    return { key: row.key, name, cells, capacityDeltas, employmentDeltas, status };
  });
}

/** Identity of a finding across plans: its rule and the doctor it concerns (matched row). */
function findingKey(f: Finding, rowKeyOf: (doctorId: string) => string): string {
  return f.doctorId ? `${f.rule}|${rowKeyOf(f.doctorId)}` : `${f.rule}|unit`;
}

export function comparePlans(entries: CompareEntry[]): PlanComparison {
  if (entries.length === 0) {
    return { names: [], models: [], profiles: [], unit: [], doctors: [], findings: [] };
  }
  const unit: MetricComparison[] = COMPARED_UNIT_METRICS.map((metric) => {
    const values = entries.map((e) => e.result.unit[metric] ?? 0);
    const deltas = values.map((v, i) => (i === 0 ? null : v - values[0]));
    const trends = deltas.map((d) => (d == null ? null : trendOf(metric, d)));
    return { metric, kind: METRIC_KIND[metric], values, deltas, trends };
  });

  const doctors = matchDoctors(entries);

  const keysPerEntry = entries.map((e, i) => {
    const byId = new Map<string, string>();
    for (const row of doctors) {
      const c = row.cells[i];
      if (c) byId.set(c.id, row.key);
    }
    return (f: Finding) => findingKey(f, (id) => byId.get(id) ?? id);
  });
  // Two findings of one rule for one doctor stay apart by their order of occurrence.
  const keyed = (list: Finding[], keyOf: (f: Finding) => string): Map<string, Finding> => {
    const seen = new Map<string, number>();
    const out = new Map<string, Finding>();
    for (const f of list) {
      const k = keyOf(f);
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      out.set(`${k}#${n}`, f);
    }
    return out;
  };
  const baseKeys = keyed(entries[0].result.findings, keysPerEntry[0]);
  const findings: FindingsDiff[] = entries.map((e, i) => {
    const own = keyed(e.result.findings, keysPerEntry[i]);
    const added: Finding[] = [];
    const kept: Finding[] = [];
    for (const [k, f] of own) (baseKeys.has(k) ? kept : added).push(f);
    const removed = [...baseKeys].filter(([k]) => !own.has(k)).map(([, f]) => f);
    return { added, removed, kept };
  });

  return {
    names: entries.map((e) => e.name),
    models: entries.map((e) => e.result.model),
    profiles: entries.map((e) => e.result.profile.id),
    unit,
    doctors,
    findings,
  };
}
