/**
 * Repository of monthly follow-up snapshots over DATA's `snapshots` table (schema.ts v2; domain.md §6).
 * One snapshot per unit and month: saving a month that exists replaces it (same id, new content).
 * Every write is validated (engine's validateSnapshot) and refused when a text field holds something
 * that looks like a personal identity number (brief: never store them). Bulk saves are one transaction
 * (all-or-nothing).
 */
import { liveQuery, type Observable } from 'dexie';
import { containsPersonnummer } from '../engine/personnummer';
import { validateSnapshot, type SnapshotData, type SnapshotProblem } from '../engine/followup/index';
import type { KapacitetDb } from './schema';
import type { SnapshotRecord } from './records';
import { newId } from './ids';

export class SnapshotRejected extends Error {
  constructor(
    readonly problems: SnapshotProblem[],
    message: string,
  ) {
    super(message);
  }
}

function textHasPersonnummer(text: string | undefined): boolean {
  return !!text && containsPersonnummer(text);
}

/** A clean copy with only the known fields, trimmed names; throws SnapshotRejected. */
export function normalizeSnapshot(s: SnapshotData): SnapshotData {
  const clean: SnapshotData = {
    month: String(s.month),
    listed: Number(s.listed),
    withNamedDoctor: Number(s.withNamedDoctor),
    doctors: (s.doctors ?? []).map((d) => {
      const row: SnapshotData['doctors'][number] = { name: String(d.name ?? '').trim(), listed: Number(d.listed) };
      if (d.doctorId) row.doctorId = String(d.doctorId);
      if (d.listPoints !== undefined && d.listPoints !== null) row.listPoints = Number(d.listPoints);
      return row;
    }),
    source: s.source === 'plan' || s.source === 'import' ? s.source : 'manual',
  };
  if (s.withNamedDoctorNursingHome !== undefined && s.withNamedDoctorNursingHome !== null)
    clean.withNamedDoctorNursingHome = Number(s.withNamedDoctorNursingHome);
  if (s.nursingHomeTotal !== undefined && s.nursingHomeTotal !== null) clean.nursingHomeTotal = Number(s.nursingHomeTotal);
  if (s.note && s.note.trim()) clean.note = s.note.trim();
  const problems = validateSnapshot(clean);
  const pnr: SnapshotProblem[] = [];
  if (textHasPersonnummer(clean.note)) pnr.push({ path: 'note', message: 'Anteckningen innehåller något som ser ut som ett personnummer.' });
  clean.doctors.forEach((d, i) => {
    if (textHasPersonnummer(d.name))
      pnr.push({ path: `doctors[${i}].name`, message: 'Läkarens namn ser ut att innehålla ett personnummer.' });
  });
  const all = [...problems, ...pnr];
  if (all.length) throw new SnapshotRejected(all, all.map((p) => p.message).join(' '));
  return clean;
}

/** A unit's snapshots, oldest month first. */
export async function listSnapshots(db: KapacitetDb, unitId: string): Promise<SnapshotRecord[]> {
  const rows = await db.snapshots.where('unitId').equals(unitId).toArray();
  return rows.sort((a, b) => a.month.localeCompare(b.month) || a.createdAt - b.createdAt);
}

export function liveSnapshots(db: KapacitetDb, unitId: string): Observable<SnapshotRecord[]> {
  return liveQuery(() => listSnapshots(db, unitId));
}

async function putOne(db: KapacitetDb, unitId: string, clean: SnapshotData, now: number): Promise<SnapshotRecord> {
  const existing = await db.snapshots.where('[unitId+month]').equals([unitId, clean.month]).first();
  const rec: SnapshotRecord = { ...clean, id: existing?.id ?? newId('snap'), unitId, createdAt: now };
  await db.snapshots.put(rec);
  return rec;
}

/** Stores one month (replacing that month if present). Throws SnapshotRejected. */
export async function saveSnapshot(db: KapacitetDb, unitId: string, s: SnapshotData, now: number): Promise<SnapshotRecord> {
  if (!unitId) throw new SnapshotRejected([{ path: 'unitId', message: 'Ingen enhet vald.' }], 'Ingen enhet vald.');
  const clean = normalizeSnapshot(s);
  return db.transaction('rw', db.snapshots, () => putOne(db, unitId, clean, now));
}

/**
 * Stores several months at once, all-or-nothing: every snapshot is validated first; a problem in one
 * stores none (the thrown SnapshotRejected's paths are prefixed with the list index).
 */
export async function saveSnapshots(db: KapacitetDb, unitId: string, list: readonly SnapshotData[], now: number): Promise<SnapshotRecord[]> {
  const clean: SnapshotData[] = [];
  const problems: SnapshotProblem[] = [];
  list.forEach((s, i) => {
    try {
      clean.push(normalizeSnapshot(s));
    } catch (e) {
      if (e instanceof SnapshotRejected) problems.push(...e.problems.map((p) => ({ path: `[${i}].${p.path}`, message: `${s.month}: ${p.message}` })));
      else throw e;
    }
  });
  if (problems.length) throw new SnapshotRejected(problems, problems.map((p) => p.message).join(' '));
  return db.transaction('rw', db.snapshots, async () => {
    const out: SnapshotRecord[] = [];
    for (const c of clean) out.push(await putOne(db, unitId, c, now));
    return out;
  });
}

export async function deleteSnapshot(db: KapacitetDb, id: string): Promise<void> {
  await db.snapshots.delete(id);
}

/** Strips the record fields, giving the engine's SnapshotData (for trends and exports). */
export function snapshotData(r: SnapshotRecord): SnapshotData {
  const { id: _id, unitId: _u, createdAt: _c, ...data } = r;
  return data;
}
