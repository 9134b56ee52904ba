/**
 * Repository of workshop (APT) notes over DATA's `workshops` table (schema.ts v2):
 * one record per unit and meeting. Every write is checked: the shape, the three
 * areas, ISO dates, and no personal identity numbers in any free text (BRIEF.md).
 */
import { liveQuery, type Observable } from 'dexie';
import {
  WORKSHOP_AREA_IDS,
  clampTimerMinutes,
  createWorkshop,
  createWorkshopArea,
  workshopHasPersonnummer,
  type Workshop,
} from '../engine/workshop';
import type { KapacitetDb } from './schema';
import type { WorkshopRecord } from './records';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkshopRejected extends Error {
  constructor(
    readonly reason: 'personnummer' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Copy into a clean record: the three areas in order, trimmed lists, clamped timers. */
export function normalizeWorkshop(w: Workshop): Workshop {
  if (!w.id || !w.unitId) throw new WorkshopRejected('invalid', 'workshop: id och unitId krävs');
  if (!ISO_DATE.test(w.meetingDate)) throw new WorkshopRejected('invalid', `workshop.meetingDate: ogiltigt datum ”${w.meetingDate}”`);
  const areas = WORKSHOP_AREA_IDS.map((id) => {
    const a = w.areas.find((x) => x.areaId === id) ?? createWorkshopArea(id);
    const actions = a.actions.map((act, i) => {
      if (act.due !== '' && !ISO_DATE.test(act.due)) {
        throw new WorkshopRejected('invalid', `workshop.areas.${id}.actions[${i}].due: ogiltigt datum ”${act.due}”`);
      }
      return { id: String(act.id), what: String(act.what), who: String(act.who), due: act.due, done: Boolean(act.done) };
    });
    return {
      areaId: id,
      notes: String(a.notes ?? ''),
      obstacles: a.obstacles.map(String),
      opportunities: a.opportunities.map(String),
      actions,
      timerMinutes: clampTimerMinutes(Number(a.timerMinutes)) ?? 45,
    };
  });
  return {
    id: w.id,
    unitId: w.unitId,
    meetingDate: w.meetingDate,
    title: String(w.title ?? ''),
    areas,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

/** Meetings of a unit, newest meeting date first. */
export async function listWorkshops(db: KapacitetDb, unitId: string): Promise<WorkshopRecord[]> {
  const rows = await db.workshops.where('unitId').equals(unitId).toArray();
  return rows.sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.updatedAt - a.updatedAt);
}

export function liveWorkshops(db: KapacitetDb, unitId: string): Observable<WorkshopRecord[]> {
  return liveQuery(() => listWorkshops(db, unitId));
}

export async function getWorkshop(db: KapacitetDb, id: string): Promise<WorkshopRecord | undefined> {
  return db.workshops.get(id);
}

/** The unit's workshop of a meeting date, if any. */
export async function findWorkshop(db: KapacitetDb, unitId: string, meetingDate: string): Promise<WorkshopRecord | undefined> {
  const rows = await db.workshops.where('unitId').equals(unitId).filter((w) => w.meetingDate === meetingDate).toArray();
  return rows.sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** The unit's workshop of that date, created empty when there is none yet. */
export async function openWorkshop(db: KapacitetDb, unitId: string, meetingDate: string, now: number): Promise<WorkshopRecord> {
  return db.transaction('rw', db.workshops, async () => {
    const found = await findWorkshop(db, unitId, meetingDate);
    if (found) return found;
    const w = normalizeWorkshop(createWorkshop({ id: crypto.randomUUID(), unitId, meetingDate, now }));
    await db.workshops.add(w);
    return w;
  });
}

/** Validate and store; returns the stored record (updatedAt = now). Throws WorkshopRejected. */
export async function saveWorkshop(db: KapacitetDb, w: Workshop, now: number): Promise<WorkshopRecord> {
  const clean = normalizeWorkshop(w);
  if (workshopHasPersonnummer(clean)) {
    throw new WorkshopRejected('personnummer', 'Texten innehåller något som ser ut som ett personnummer.');
  }
  clean.updatedAt = now;
  await db.workshops.put(clean);
  return clean;
}

export async function deleteWorkshop(db: KapacitetDb, id: string): Promise<void> {
  await db.workshops.delete(id);
}
