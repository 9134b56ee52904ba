/**
 * Read-only queries for Översikt (issue 15): the catalog of units with their current plan and latest
 * snapshot month, the current plans of many units in one read, and every unit's snapshot series for
 * the trend. Nothing here writes; the overview never changes a stored unit.
 */
import type { Plan } from '../engine/index';
import type { KapacitetDb } from './schema';
import type { DoctorRecord, EpochMs } from './records';
import { assemblePlan } from './planRepo';

export interface OverviewCatalogEntry {
  unitId: string;
  name: string;
  /** The unit's current plan (kind 'current', as the unit selector uses); null when it has none. */
  planId: string | null;
  /** The plan row's updatedAt: every write of a plan (or of its doctors) moves it. */
  planUpdatedAt: EpochMs | null;
  /** 'YYYY-MM' of the latest follow-up snapshot; null when none. */
  latestSnapshot: string | null;
}

/**
 * Units, their current plan ids and change stamps, and the latest snapshot month per unit. Cheap
 * enough to re-run on every change (a live query): plan rows without doctors and snapshot index keys.
 */
export async function readOverviewCatalog(db: KapacitetDb): Promise<OverviewCatalogEntry[]> {
  const [units, plans, snapshotKeys] = await Promise.all([
    db.units.toArray(),
    db.plans.toArray(),
    db.snapshots.orderBy('[unitId+month]').keys(),
  ]);
  const current = new Map<string, { id: string; updatedAt: number }>();
  for (const p of plans) if (p.kind === 'current') current.set(p.unitId, { id: p.id, updatedAt: p.updatedAt });
  const latest = new Map<string, string>();
  for (const k of snapshotKeys) {
    const [unitId, month] = k as unknown as [string, string];
    const had = latest.get(unitId);
    if (had === undefined || month > had) latest.set(unitId, month);
  }
  return units.map((u) => {
    const p = current.get(u.id);
    return { unitId: u.id, name: u.name, planId: p?.id ?? null, planUpdatedAt: p?.updatedAt ?? null, latestSnapshot: latest.get(u.id) ?? null };
  });
}

/**
 * Several plans with their doctors in one read: planId → Plan (missing ids are left out). Plain reads
 * (no explicit transaction), so it also runs inside a live query and is observed by it.
 */
export async function readPlans(db: KapacitetDb, planIds: readonly string[]): Promise<Map<string, Plan>> {
  const out = new Map<string, Plan>();
  if (planIds.length === 0) return out;
  const [rows, doctors] = await Promise.all([db.plans.bulkGet([...planIds]), db.doctors.where('planId').anyOf([...planIds]).toArray()]);
  const byPlan = new Map<string, DoctorRecord[]>();
  for (const d of doctors) {
    const list = byPlan.get(d.planId);
    if (list) list.push(d);
    else byPlan.set(d.planId, [d]);
  }
  for (const row of rows) if (row) out.set(row.id, assemblePlan(row, byPlan.get(row.id) ?? []));
  return out;
}

export interface SnapshotPoint {
  unitId: string;
  month: string;
  listed: number;
  withNamedDoctor: number;
}

/** Every unit's monthly figures (listed, with a named doctor), for the trend across units. */
export async function readSnapshotSeries(db: KapacitetDb): Promise<SnapshotPoint[]> {
  const rows = await db.snapshots.toArray();
  return rows
    .map((s) => ({ unitId: s.unitId, month: s.month, listed: s.listed, withNamedDoctor: s.withNamedDoctor }))
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}
