/**
 * The demo ("Titta på exemplet", issue 11.6) as a backup file: the demo unit with its current plan,
 * two scenarios, an APT meeting with notes, an obstacle, an opportunity and actions, twelve months of
 * snapshots, a continuity baseline, a custom rule profile, a remembered listing mapping and a backup —
 * a record in every store, so a newcomer sees what each part is for and a backup of the demo exercises
 * every store. Seeding is restoreDatabase of this file (one transaction). Names are fictive.
 */
import {
  createCustomProfile,
  createDemoPlan,
  parsePlan,
  type Plan,
} from '../engine/index';
import { createWorkshop, applyWorkshopEdit, type Meeting, type WorkshopItem } from '../engine/workshop';
import { DEMO_SV as T } from '../strings/data.sv';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './backupFile';
import type { BackupRecord, DoctorRecord, EpochMs, HistoryRecord, PlanRecord, SnapshotRecord, UnitRecord } from './records';
import { clone, planBody } from './planOps';
import { doctorRows } from './planRepo';
import { planBackupDocument } from './backupRepo';
import type { KapacitetDb } from './schema';

/** Setting key of a unit's continuity baseline (the follow-up state's key, followup.svelte.ts). */
export const baselineKey = (unitId: string): string => `followup.continuityBaseline:${unitId}`;

/** The header layout of the demo listing report (io's headerSignature of Läkare | Listade | Listningspoäng). */
export const DEMO_LISTING_SIGNATURE = 'h3-98444413';

export interface DemoContext {
  now: EpochMs;
  /** ISO date of today: the meeting is last week, the snapshots are the twelve months before this one. */
  today: string;
  newId: (prefix: string) => string;
  schemaVersion: number;
}

const DAY = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2026-12" minus k months. */
function monthBefore(today: string, k: number): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - k;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 7);
}

function normalized(plan: Plan): Plan {
  const p = parsePlan(plan);
  if (!p.ok) throw new Error(`demo plan invalid: ${p.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return p.plan;
}

/** The demo's two scenarios: a new ST doctor and a locum replaced by a specialist at 80 %. */
function demoScenarios(base: Plan): { name: string; plan: Plan }[] {
  const withSt = clone(base);
  withSt.doctors.push({ id: 'd11', name: 'Nora Lund', category: 'st', employment: 1, stMonthsDone: 6, stMonthsTotal: 66, duties: [], absenceWeeks: 0 });
  const noLocum = clone(base);
  noLocum.doctors = noLocum.doctors.map((d) =>
    d.category === 'locum' ? { id: d.id, name: 'Ny specialist (rekryteras)', category: 'specialist', employment: 0.8, duties: [], absenceWeeks: 0, listed: d.listed } : d,
  );
  return [
    { name: T.scenarioSt, plan: normalized(withSt) },
    { name: T.scenarioRecruit, plan: normalized(noLocum) },
  ];
}

function demoMeeting(unitId: string, ctx: DemoContext): Meeting {
  const meetingDate = isoDay(Date.parse(`${ctx.today}T00:00:00Z`) - 7 * DAY);
  let m = createWorkshop({ id: ctx.newId('workshop'), unitId, meetingDate, now: ctx.now, title: T.meetingTitle });
  m = applyWorkshopEdit(m, { op: 'participants', text: T.participants });
  const due = isoDay(Date.parse(`${ctx.today}T00:00:00Z`) + 30 * DAY);
  const items: Omit<WorkshopItem, 'id' | 'createdAt'>[] = [
    { areaId: 'routines', kind: 'note', text: T.note },
    { areaId: 'routines', kind: 'obstacle', text: T.obstacle },
    { areaId: 'staff', kind: 'opportunity', text: T.opportunity },
    { areaId: 'routines', kind: 'action', text: T.action1, owner: T.owner1, due, done: false },
    { areaId: 'communication', kind: 'action', text: T.action2, owner: T.owner2, due: '', done: false },
  ];
  items.forEach((item, i) => {
    m = applyWorkshopEdit(m, { op: 'add', item: { ...item, id: ctx.newId('item'), createdAt: ctx.now + i } });
  });
  return { ...m, rev: 1 };
}

/** Twelve months up to last month: coverage rising from 58 % towards today's figure. */
function demoSnapshots(unitId: string, plan: Plan, ctx: DemoContext): SnapshotRecord[] {
  const out: SnapshotRecord[] = [];
  for (let k = 12; k >= 1; k--) {
    const step = 12 - k; // 0 … 11
    const listed = plan.unit.listed - 20 * (k - 1);
    const withNamedDoctor = Math.round(plan.unit.withNamedDoctor - 45 * (k - 1));
    out.push({
      id: ctx.newId('snapshot'),
      unitId,
      createdAt: ctx.now + step,
      month: monthBefore(ctx.today, k),
      listed,
      withNamedDoctor,
      doctors: plan.doctors
        .filter((d) => d.listed !== undefined)
        .map((d) => ({ doctorId: d.id, name: d.name, listed: Math.max(0, (d.listed ?? 0) - 4 * (k - 1)) })),
      source: 'plan',
    });
  }
  return out;
}

/**
 * Every record of the demo, as a backup file (restoreDatabase writes it in one transaction). With
 * `into`, the demo unit already stored at first start (its unit and current plan records are left out,
 * the rest joins them).
 */
export function demoBackup(ctx: DemoContext, into?: { unitId: string; planId: string; unitName: string }): BackupFile {
  const plan = normalized(createDemoPlan());
  const unitId = into?.unitId ?? ctx.newId('unit');
  const unit: UnitRecord = { id: unitId, name: into?.unitName ?? plan.unit.name, createdAt: ctx.now, updatedAt: ctx.now, demo: true };
  const plans: PlanRecord[] = [];
  const doctors: DoctorRecord[] = [];
  const addPlan = (p: Plan, name: string, kind: PlanRecord['kind']) => {
    const id = ctx.newId('plan');
    plans.push({ id, unitId, name, kind, createdAt: ctx.now, updatedAt: ctx.now, body: clone(planBody(p)) });
    doctors.push(...doctorRows(id, p));
    return id;
  };
  const currentId = into?.planId ?? addPlan(plan, T.currentPlan, 'current');
  const scenarioIds = demoScenarios(plan).map((s) => addPlan({ ...s.plan, unit: { ...s.plan.unit, name: unit.name } }, s.name, 'scenario'));
  // The first scenario's Ångra: adding its ST doctor (the undo history store, v3).
  const added = demoScenarios(plan)[0].plan.doctors.find((d) => d.id === 'd11')!;
  const order = plan.doctors.length;
  const history: HistoryRecord = {
    planId: scenarioIds[0],
    undo: [
      {
        label: T.historyStep,
        redo: { body: {}, add: [{ doctor: clone(added), order }], remove: [], patch: [], order: [] },
        undo: { body: {}, add: [], remove: [added.id], patch: [], order: [] },
      },
    ],
    redo: [],
    updatedAt: ctx.now,
  };
  const backup: BackupRecord = {
    id: ctx.newId('backup'),
    planId: currentId,
    unitId,
    planName: T.currentPlan,
    unitName: unit.name,
    planKind: 'current',
    reason: 'manual',
    createdAt: ctx.now,
    doctorCount: plan.doctors.length,
    // A rolling backup is a kapacitet/backup document of the rows it protects (backupRepo.ts).
    text: JSON.stringify(
      planBackupDocument(
        ctx.now,
        { id: currentId, unitId, name: T.currentPlan, kind: 'current', createdAt: ctx.now, updatedAt: ctx.now, body: clone(planBody(plan)) },
        doctorRows(currentId, plan),
        unit,
      ),
    ),
  };
  const profile = { ...createCustomProfile('national'), id: 'custom-demo', name: T.profileName };
  const baseline = {
    meanCoc: 0.41,
    meanUpc: 0.58,
    meanNamedShare: 0.52,
    patientsIncluded: 3120,
    from: monthBefore(ctx.today, 18) + '-01',
    to: monthBefore(ctx.today, 1) + '-28',
    minContacts: 3,
    savedAt: ctx.today,
    definition: T.baselineDefinition,
  };
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(ctx.now).toISOString(),
    schemaVersion: ctx.schemaVersion,
    stores: {
      units: into ? [] : [unit],
      plans,
      doctors,
      workshops: [demoMeeting(unitId, ctx)],
      snapshots: demoSnapshots(unitId, plan, ctx),
      settings: [{ key: baselineKey(unitId), value: baseline }],
      ruleProfiles: [{ id: profile.id, profile, updatedAt: ctx.now }],
      listingMappings: [
        { signature: DEMO_LISTING_SIGNATURE, mapping: { kind: 'perDoctor', headerRow: 1, columns: { doctor: 0, listed: 1, listPoints: 2 } }, updatedAt: ctx.now },
      ],
      backups: [backup],
      history: [history],
    },
  };
}

/**
 * True when this browser holds nothing but the first start's demo, untouched (the first-run choice is
 * still open, one demo unit with its one plan never edited, nothing else of a unit's): a complete
 * backup restored then takes the whole place, so the browser ends exactly as the file.
 */
export async function onlyUntouchedSeed(db: KapacitetDb, firstRunPending: boolean): Promise<boolean> {
  if (!firstRunPending) return false;
  const [units, plans, workshops, snapshots] = await Promise.all([db.units.toArray(), db.plans.toArray(), db.workshops.count(), db.snapshots.count()]);
  return units.length === 1 && units[0].demo === true && plans.length === 1 && plans[0].updatedAt === plans[0].createdAt && workshops === 0 && snapshots === 0;
}
