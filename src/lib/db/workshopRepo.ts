/**
 * Repository of workshop (APT) meetings over the `workshops` table (schema.ts v2: 'id, unitId,
 * meetingDate'; no schema change: the record's shape is the engine's `Workshop`, read through
 * `upgradeWorkshop`).
 *
 * Every change is a list of edits applied inside one read-write transaction to the record as it is
 * stored at that moment (IndexedDB runs read-write transactions on one store one after the other,
 * across tabs too). So two tabs adding notes to the same meeting at the same time both keep theirs,
 * and a change of one field touches only that field: nothing is written from a stale copy.
 * Every write is checked: ISO dates, and no personal identity numbers in any free text.
 */
import {
  applyWorkshopEdit,
  createWorkshop,
  editTexts,
  findPersonnummerIn,
  upgradeWorkshop,
  WORKSHOP_VERSION,
  type Meeting,
  type Workshop,
  type WorkshopEdit,
} from '../engine/workshop';
import type { KapacitetDb } from './schema';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkshopRejected extends Error {
  constructor(
    readonly reason: 'personnummer' | 'invalid' | 'missing',
    message: string,
  ) {
    super(message);
  }
}

/** Meetings of a unit in the current shape, newest meeting date first. */
export async function listWorkshops(db: KapacitetDb, unitId: string): Promise<Meeting[]> {
  const rows = await db.workshops.where('unitId').equals(unitId).toArray();
  return rows.map(upgradeWorkshop).sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.updatedAt - a.updatedAt);
}

export async function getWorkshop(db: KapacitetDb, id: string): Promise<Meeting | undefined> {
  const row = await db.workshops.get(id);
  return row ? upgradeWorkshop(row) : undefined;
}

/** The unit's meeting of a date, if any. */
export async function findWorkshop(db: KapacitetDb, unitId: string, meetingDate: string): Promise<Meeting | undefined> {
  return (await listWorkshops(db, unitId)).find((w) => w.meetingDate === meetingDate);
}

/** The unit's meeting of that date, created empty when there is none yet (once, even from two tabs). */
export async function openWorkshop(db: KapacitetDb, unitId: string, meetingDate: string, now: number): Promise<Meeting> {
  if (!ISO_DATE.test(meetingDate)) throw new WorkshopRejected('invalid', `workshop.meetingDate: ogiltigt datum ”${meetingDate}”`);
  return db.transaction('rw', db.workshops, async () => {
    const found = await findWorkshop(db, unitId, meetingDate);
    if (found) return found;
    const w = createWorkshop({ id: crypto.randomUUID(), unitId, meetingDate, now });
    await db.workshops.add(w);
    return w;
  });
}

function check(e: WorkshopEdit): void {
  if (editTexts(e).some((t) => findPersonnummerIn(t).length > 0)) {
    throw new WorkshopRejected('personnummer', 'Texten innehåller något som ser ut som ett personnummer.');
  }
  const due = e.op === 'add' ? e.item.due : e.op === 'set' ? e.patch.due : undefined;
  if (due !== undefined && due !== '' && !ISO_DATE.test(due)) throw new WorkshopRejected('invalid', `workshop: ogiltigt datum ”${due}”`);
}

/**
 * Applies edits to the stored meeting in one transaction and returns what is stored afterwards
 * (rev + 1, updatedAt = now). All or nothing: a refused edit (personnummer, bad date) or a meeting
 * another tab removed throws WorkshopRejected and nothing is written.
 */
export async function applyWorkshopEdits(db: KapacitetDb, id: string, edits: readonly WorkshopEdit[], now: number): Promise<Meeting> {
  edits.forEach(check);
  return db.transaction('rw', db.workshops, async () => {
    const row = await db.workshops.get(id);
    if (!row) throw new WorkshopRejected('missing', 'Mötet finns inte längre.');
    let m = upgradeWorkshop(row);
    for (const e of edits) m = applyWorkshopEdit(m, e);
    const stored: Meeting = { ...m, version: WORKSHOP_VERSION, rev: m.rev + 1, updatedAt: now };
    await db.workshops.put(stored);
    return stored;
  });
}

export async function deleteWorkshop(db: KapacitetDb, id: string): Promise<void> {
  await db.workshops.delete(id);
}

export type { Meeting, Workshop };
