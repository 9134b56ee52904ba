/**
 * Översikt (issue 15): one row per unit from that unit's own computePlan result, a totals row whose
 * every figure is the sum of its units (or a ratio of sums), and each total's explanation with the
 * units' own numbers. Pure: the state layer hands in plans and results, the UI formats with fmt.
 *
 * A row's figures are the unit result's figures unchanged (domain.md §4), so a unit's overview row
 * reads exactly as its own unit view.
 */
import { COLUMNS, OVERVIEW, RULE_NAMES, TOTALS_EXPLAIN as X, type OverviewColumnKey } from '../strings/overview.sv';
import { fmt, type QuantityKind } from './quantity';
import { foldText } from './text';
import type { YearMonth } from './followup/types';
import { FINDING_RULES, type Explanation, type FindingRule, type Plan, type PlanResult, type Share } from './types';

export type OverviewSource = 'browser' | 'file';

export interface OverviewUnitInput {
  /** Stable key: "unit:<id>" for a unit in this browser, "file:<id>" for an opened file. */
  key: string;
  name: string;
  source: OverviewSource;
  /** The file's name (files only). */
  fileName?: string;
  plan: Plan;
  result: PlanResult;
  /** Month of the latest follow-up snapshot; null when none (files carry none). */
  latestSnapshot: YearMonth | null;
}

export interface OverviewThreshold {
  share: Share;
  /** 'profile': the profile's coverage threshold (VGR 70 %); 'national': the national goal line (55 %). */
  kind: 'profile' | 'national';
  profileName: string;
}

export interface OverviewRow extends OverviewUnitInput {
  listed: number;
  withNamedDoctor: number;
  capacityGuideline: number;
  capacityTime: number;
  /** The chosen model's capacity. */
  capacity: number;
  /** null when nobody is listed (a share of nobody is not 0 %, as in the unit view). */
  coverageToday: Share | null;
  coveragePossible: Share | null;
  gapPatients: number;
  /** Capacity − listed on the named-doctor lists (issue 16.4; negative: more listed than capacity). */
  freePlaces: number;
  fteNeeded: number;
  doctorsOverCapacity: number;
  doctorCount: number;
  /** Anmärkningar per rule, in the engine's rule order, only rules that occur. */
  findings: { rule: FindingRule; name: string; count: number }[];
  findingsTotal: number;
  threshold: OverviewThreshold | null;
  /** coverageToday ≥ threshold; null when there is no threshold or nobody is listed. */
  thresholdMet: boolean | null;
}

/** The threshold a unit is measured against: its profile's own, else the national goal line. */
export function thresholdOf(result: PlanResult): OverviewThreshold | null {
  const p = result.profile;
  if (typeof p.coverageThreshold === 'number') return { share: p.coverageThreshold, kind: 'profile', profileName: p.name };
  if (p.goals && typeof p.goals.coverage === 'number') return { share: p.goals.coverage, kind: 'national', profileName: p.name };
  return null;
}

export function overviewRow(input: OverviewUnitInput): OverviewRow {
  const u = input.result.unit;
  const listed = u.listed;
  const withNamed = Number(input.plan.unit?.withNamedDoctor) || 0;
  const counts = new Map<FindingRule, number>();
  for (const f of input.result.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const findings = FINDING_RULES.filter((r) => counts.has(r)).map((rule) => ({ rule, name: RULE_NAMES[rule] ?? rule, count: counts.get(rule)! }));
  const threshold = thresholdOf(input.result);
  const coverageToday = listed > 0 ? u.coverageToday : null;
  return {
    ...input,
    listed,
    withNamedDoctor: withNamed,
    capacityGuideline: u.capacityGuideline,
    capacityTime: u.capacityTime,
    capacity: u.capacity,
    coverageToday,
    coveragePossible: listed > 0 ? u.coveragePossible : null,
    gapPatients: u.gapPatients,
    freePlaces: u.freePlaces ?? 0,
    fteNeeded: u.fteNeeded,
    doctorsOverCapacity: u.doctorsOverCapacity,
    doctorCount: input.result.doctors.length,
    findings,
    findingsTotal: input.result.findings.length,
    threshold,
    // The same comparison as the coverage-below-threshold rule (a hair of float noise is not a miss).
    thresholdMet: threshold && coverageToday !== null ? coverageToday >= threshold.share - 1e-12 : null,
  };
}

export interface OverviewTotals {
  units: number;
  listed: number;
  withNamedDoctor: number;
  capacityGuideline: number;
  capacityTime: number;
  /** Σ min(capacity, listed): patients the units can give a named doctor, each within its own list. */
  possiblePatients: number;
  coverageToday: Share | null;
  coveragePossible: Share | null;
  gapPatients: number;
  freePlaces: number;
  fteNeeded: number;
  doctorsOverCapacity: number;
  findings: { rule: FindingRule; name: string; count: number }[];
  findingsTotal: number;
  /** Units whose threshold is met, and units that have a threshold and listed patients. */
  thresholdMet: number;
  thresholdUnits: number;
  /** Units with a snapshot, and the latest month among them. */
  snapshotUnits: number;
  latestSnapshot: YearMonth | null;
}

export function overviewTotals(rows: readonly OverviewRow[]): OverviewTotals {
  let listed = 0, withNamed = 0, cg = 0, ct = 0, possible = 0, gap = 0, free = 0, fte = 0, over = 0, ftotal = 0;
  let met = 0, withThreshold = 0, snaps = 0;
  let latest: YearMonth | null = null;
  const counts = new Map<FindingRule, number>();
  for (const r of rows) {
    listed += r.listed;
    withNamed += r.withNamedDoctor;
    cg += r.capacityGuideline;
    ct += r.capacityTime;
    possible += Math.min(Math.max(0, r.capacity), r.listed);
    gap += r.gapPatients;
    free += r.freePlaces;
    fte += r.fteNeeded;
    over += r.doctorsOverCapacity;
    ftotal += r.findingsTotal;
    for (const f of r.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + f.count);
    if (r.thresholdMet !== null) {
      withThreshold++;
      if (r.thresholdMet) met++;
    }
    if (r.latestSnapshot) {
      snaps++;
      if (latest === null || r.latestSnapshot > latest) latest = r.latestSnapshot;
    }
  }
  return {
    units: rows.length,
    listed,
    withNamedDoctor: withNamed,
    capacityGuideline: cg,
    capacityTime: ct,
    possiblePatients: possible,
    coverageToday: listed > 0 ? withNamed / listed : null,
    coveragePossible: listed > 0 ? possible / listed : null,
    gapPatients: gap,
    freePlaces: free,
    fteNeeded: fte,
    doctorsOverCapacity: over,
    findings: FINDING_RULES.filter((r) => counts.has(r)).map((rule) => ({ rule, name: RULE_NAMES[rule] ?? rule, count: counts.get(rule)! })),
    findingsTotal: ftotal,
    thresholdMet: met,
    thresholdUnits: withThreshold,
    snapshotUnits: snaps,
    latestSnapshot: latest,
  };
}

// -- sorting --------------------------------------------------------------------------------------

export type SortDirection = 'ascending' | 'descending';

/** The value a column sorts by; null sorts last in either direction. */
export function sortValue(row: OverviewRow, column: OverviewColumnKey): number | string | null {
  switch (column) {
    case 'name':
      return row.name;
    case 'findings':
      return row.findingsTotal;
    case 'threshold':
      // Distance to the threshold: the furthest below first when ascending.
      return row.threshold && row.coverageToday !== null ? row.coverageToday - row.threshold.share : null;
    case 'latestSnapshot':
      return row.latestSnapshot;
    default:
      return row[column] as number | null;
  }
}

/** A sorted copy; ties keep the name order (then the key), so the order is stable and predictable. */
export function sortOverview(rows: readonly OverviewRow[], column: OverviewColumnKey, direction: SortDirection): OverviewRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: OverviewRow, b: OverviewRow) => a.name.localeCompare(b.name, 'sv') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...rows].sort((a, b) => {
    const va = sortValue(a, column);
    const vb = sortValue(b, column);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const c = typeof va === 'string' ? va.localeCompare(vb as string, 'sv') : va - (vb as number);
    return c !== 0 ? sign * c : byName(a, b);
  });
}

/** Rows whose name contains `query` (case and accents ignored). */
export function filterOverview(rows: readonly OverviewRow[], query: string): OverviewRow[] {
  const q = foldText(query);
  return q ? rows.filter((r) => foldText(r.name).includes(q) || (r.fileName ? foldText(r.fileName).includes(q) : false)) : [...rows];
}

// -- explanations of the totals ---------------------------------------------------------------------

export type TotalField =
  | 'listed'
  | 'capacityGuideline'
  | 'capacityTime'
  | 'coverageToday'
  | 'coveragePossible'
  | 'gapPatients'
  | 'freePlaces'
  | 'fteNeeded'
  | 'doctorsOverCapacity'
  | 'findings'
  | 'threshold'
  | 'latestSnapshot';

const SUM_KIND: Partial<Record<TotalField, QuantityKind>> = {
  listed: 'patients',
  capacityGuideline: 'patients',
  capacityTime: 'patients',
  gapPatients: 'patients',
  freePlaces: 'patients',
  fteNeeded: 'fte',
  doctorsOverCapacity: 'count',
};

const MAX_TERMS = 12;

function sumFormula(terms: string[], total: string): string {
  const shown = terms.length > MAX_TERMS ? [...terms.slice(0, MAX_TERMS), X.terms(fmt.count(terms.length - MAX_TERMS))] : terms;
  return `${shown.length ? shown.join(' + ') : '0'} = ${total}`;
}

/**
 * How a total of the overview is made, with every unit's own number (the shared explain dialog shows
 * it): sums are sums of the units' figures, shares are sums of numerators over sums of denominators.
 */
export function explainTotal(rows: readonly OverviewRow[], field: TotalField): Explanation {
  const t = overviewTotals(rows);
  const n = fmt.count(t.units);
  const label = (what: string) => X.label(what, n);
  const kind = SUM_KIND[field];
  if (kind) {
    const value = t[field as keyof OverviewTotals] as number;
    const f = fmt[kind];
    return {
      label: label(columnLabel(field)),
      value,
      unit: kind === 'fte' ? X.fte : kind === 'count' ? X.doctors : X.patients,
      formula: sumFormula(rows.map((r) => `${r.name} ${f(r[field as keyof OverviewRow] as number)}`), f(value)),
      rule: X.sumRule(X.words[field] ?? field),
      inputs: rows.map((r) => ({ label: r.name, value: f(r[field as keyof OverviewRow] as number) })),
      notes: field === 'gapPatients' ? [X.gapNote] : field === 'fteNeeded' ? [X.fteNote] : [],
    };
  }
  switch (field) {
    case 'coverageToday':
      return {
        label: label(columnLabel(field)),
        value: t.coverageToday ?? 0,
        unit: '%',
        formula: `${fmt.patients(t.withNamedDoctor)} ${X.sumWithNamed} ÷ ${fmt.patients(t.listed)} ${X.sumListed} = ${fmt.share(t.coverageToday)}`,
        rule: X.shareRule,
        inputs: rows.map((r) => ({ label: r.name, value: X.ofListed(fmt.patients(r.withNamedDoctor), fmt.patients(r.listed)) })),
        notes: [],
      };
    case 'coveragePossible':
      return {
        label: label(columnLabel(field)),
        value: t.coveragePossible ?? 0,
        unit: '%',
        formula: `${fmt.patients(t.possiblePatients)} ${X.sumPossible} ÷ ${fmt.patients(t.listed)} ${X.sumListed} = ${fmt.share(t.coveragePossible)}`,
        rule: X.possibleRule,
        inputs: rows.map((r) => ({ label: r.name, value: X.possibleOf(fmt.patients(Math.min(Math.max(0, r.capacity), r.listed)), fmt.patients(r.listed)) })),
        notes: [],
      };
    case 'findings':
      return {
        label: label(columnLabel(field)),
        value: t.findingsTotal,
        unit: X.findings,
        formula: sumFormula(t.findings.map((f) => `${f.name} ${fmt.count(f.count)}`), fmt.count(t.findingsTotal)),
        rule: X.findingsRule,
        inputs: rows.map((r) => ({ label: r.name, value: r.findings.length ? r.findings.map((f) => `${f.name} ${fmt.count(f.count)}`).join(', ') : OVERVIEW.findingsNone })),
        notes: [],
      };
    case 'threshold':
      return {
        label: label(columnLabel(field)),
        value: t.thresholdMet,
        unit: X.units,
        formula: `${OVERVIEW.thresholdTotal(fmt.count(t.thresholdMet), fmt.count(t.thresholdUnits))}`,
        rule: X.thresholdRule,
        inputs: rows.map((r) => ({ label: r.name, value: thresholdText(r) })),
        notes: [],
      };
    case 'latestSnapshot':
    default:
      return {
        label: label(columnLabel('latestSnapshot')),
        value: t.snapshotUnits,
        unit: X.units,
        formula: `${OVERVIEW.latestTotal(fmt.count(t.snapshotUnits))}`,
        rule: X.snapshotRule,
        inputs: rows.map((r) => ({ label: r.name, value: r.latestSnapshot ?? OVERVIEW.noSnapshot })),
        notes: t.latestSnapshot ? [X.latest(t.latestSnapshot)] : [],
      };
  }
}


function columnLabel(field: TotalField): string {
  return COLUMNS[field];
}

/** A row's threshold cell: "Ja (70 %)", "Nej (55 %)" or "–". */
export function thresholdText(r: OverviewRow): string {
  if (!r.threshold || r.thresholdMet === null) return OVERVIEW.none;
  return OVERVIEW.thresholdCell(r.thresholdMet, fmt.percent(r.threshold.share));
}

/** Where the threshold comes from: "VGR …: minst 70 %" or "Nationella målet: minst 55 %". */
export function thresholdSourceText(t: OverviewThreshold): string {
  return t.kind === 'profile' ? OVERVIEW.thresholdProfile(t.profileName, fmt.percent(t.share)) : OVERVIEW.thresholdNational(fmt.percent(t.share));
}
