/**
 * Record shapes of the IndexedDB tables (schema in schema.ts). A plan is stored in two parts so two
 * open tabs never overwrite each other's work: the plan row (everything but the doctors) and one row per
 * doctor keyed by [planId+id] with an `order` field. Edits are field-level patches of those rows.
 */
import type { Doctor, Plan, RuleProfile } from '../engine/index';
import type { Workshop } from '../engine/workshop';
import type { SnapshotData } from '../engine/followup/types';
import type { PlanOps } from './planOps';

/** Milliseconds since the epoch (Date.now()). */
export type EpochMs = number;

export interface UnitRecord {
  id: string;
  name: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /** The demo unit ("Titta på exemplet"): labelled "Exempel" wherever the unit is named. */
  demo?: true;
}

export type PlanKind = 'current' | 'scenario';

/** The plan without its doctors: format, version, profile, model, unit, time and any unknown fields. */
export type PlanBody = Omit<Plan, 'doctors'>;

export interface PlanRecord {
  id: string;
  unitId: string;
  /** Name of the plan within its unit ("Nuläge", a scenario's name). */
  name: string;
  kind: PlanKind;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  body: PlanBody;
}

export interface DoctorRecord {
  planId: string;
  /** The doctor's id inside the plan (Doctor.id). */
  id: string;
  /** Position in the plan's list; ties are broken by id. */
  order: number;
  /** The doctor exactly as in the plan file (unknown fields kept). */
  data: Doctor;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A saved custom rule profile (domain.md §5 "custom"). */
export interface RuleProfileRecord {
  id: string;
  profile: RuleProfile;
  updatedAt: EpochMs;
}

export type BackupReason =
  | 'auto'
  | 'import'
  | 'restore'
  | 'file'
  | 'promote'
  | 'delete-plan'
  | 'delete-unit'
  | 'manual';

export interface BackupRecord {
  id: string;
  planId: string;
  unitId: string;
  planName: string;
  unitName: string;
  planKind: PlanKind;
  reason: BackupReason;
  createdAt: EpochMs;
  doctorCount: number;
  /**
   * The rows this backup protects as a `kapacitet/backup` version-1 document (backupRepo.ts
   * planBackupDocument: unit, plan, doctors, and for a deleted unit's current plan its APT meetings and
   * snapshots). Backups stored before that hold a `.kapacitet.json` plan text (version 0 of the same
   * chain); readStoredBackup reads both.
   */
  text: string;
  /**
   * Only on old (plan-text) backups of a deleted unit's current plan: the unit's workshop notes and
   * follow-up snapshots, so restoring the unit brings them back too. New backups hold them in `text`.
   */
  unitData?: { workshops: WorkshopRecord[]; snapshots: SnapshotRecord[] };
}

/** One step of a plan's undo history: the field-level change and its inverse (planOps.ts). */
export interface HistoryStep {
  /** Swedish label ("Ändra läkare"), for the Ångra/Gör om tooltips. */
  label: string;
  redo: PlanOps;
  undo: PlanOps;
}

/** Table `history` (v3): a plan's Ångra/Gör om stacks, oldest first, bounded (state/history.ts). */
export interface HistoryRecord {
  planId: string;
  undo: HistoryStep[];
  redo: HistoryStep[];
  updatedAt: EpochMs;
}

/** Listing import: remembered column mapping per header signature (IO owns the mapping's shape). */
export interface ListingMappingRecord {
  signature: string;
  mapping: unknown;
  updatedAt: EpochMs;
}

// --- Tables written by other owners' repositories (shapes fixed by the brief). ---

// The workshop and snapshot records are the engine's own model types plus their keys: one definition,
// so the stored shape and the pure code that reads it cannot drift apart.
export type { WorkshopAction, WorkshopArea, WorkshopAreaId } from '../engine/workshop';
export type { SnapshotDoctor } from '../engine/followup/types';

/** Table `workshops`: one record per unit and meeting date. */
export type WorkshopRecord = Workshop;

/** Table `snapshots`: one record per unit and month. */
export interface SnapshotRecord extends SnapshotData {
  id: string;
  unitId: string;
  createdAt: EpochMs;
}
