import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KapacitetDb } from '../../../src/lib/db/schema';
import {
  WorkshopRejected,
  deleteWorkshop,
  findWorkshop,
  getWorkshop,
  listWorkshops,
  openWorkshop,
  saveWorkshop,
} from '../../../src/lib/db/workshopRepo';
import { workshopToSheetRows } from '../../../src/lib/engine/workshop';

let n = 0;
const dbs: KapacitetDb[] = [];
function freshDb(): KapacitetDb {
  const db = new KapacitetDb(`workshop-test-${++n}-${Date.now()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('workshopRepo', () => {
  it('opens an empty workshop once per unit and date, and persists notes across a reopened database', async () => {
    const db = freshDb();
    const w = await openWorkshop(db, 'u1', '2026-11-24', 1000);
    expect(w.areas).toHaveLength(3);
    const again = await openWorkshop(db, 'u1', '2026-11-24', 2000);
    expect(again.id).toBe(w.id);

    w.areas[1].notes = 'Semesterplanen saknar ersättare.';
    w.areas[1].obstacles.push('Få läkare i juli');
    w.areas[1].actions.push({ id: 'a1', what: 'Plan för sommaren', who: 'Chef', due: '2027-03-01', done: false });
    const saved = await saveWorkshop(db, w, 5000);
    expect(saved.updatedAt).toBe(5000);
    expect(saved.createdAt).toBe(1000);

    const name = db.name;
    db.close();
    const reopened = new KapacitetDb(name);
    dbs.push(reopened);
    const read = await getWorkshop(reopened, w.id);
    expect(read?.areas[1].notes).toBe('Semesterplanen saknar ersättare.');
    expect(read?.areas[1].actions[0]).toEqual({ id: 'a1', what: 'Plan för sommaren', who: 'Chef', due: '2027-03-01', done: false });
    // What is stored is what is exported.
    const rows = workshopToSheetRows(read!);
    expect(rows.map((r) => r.join('|'))).toContain('|Plan för sommaren|Chef|2027-03-01|nej');
  });

  it('keeps units and dates apart and lists newest meeting first', async () => {
    const db = freshDb();
    await openWorkshop(db, 'u1', '2026-09-01', 1);
    await openWorkshop(db, 'u1', '2026-11-24', 2);
    await openWorkshop(db, 'u2', '2026-11-24', 3);
    expect((await listWorkshops(db, 'u1')).map((w) => w.meetingDate)).toEqual(['2026-11-24', '2026-09-01']);
    expect(await listWorkshops(db, 'u2')).toHaveLength(1);
    expect(await findWorkshop(db, 'u1', '2026-01-01')).toBeUndefined();
  });

  it('refuses text with a personnummer and leaves the stored record unchanged', async () => {
    const db = freshDb();
    const w = await openWorkshop(db, 'u1', '2026-11-24', 1);
    w.areas[0].notes = 'Ring 19121212-1212 om tiden';
    await expect(saveWorkshop(db, w, 2)).rejects.toBeInstanceOf(WorkshopRejected);
    expect((await getWorkshop(db, w.id))?.areas[0].notes).toBe('');
  });

  it('refuses a malformed due date and clamps the timer to 30–60 minutes', async () => {
    const db = freshDb();
    const w = await openWorkshop(db, 'u1', '2026-11-24', 1);
    w.areas[2].timerMinutes = 90;
    const saved = await saveWorkshop(db, w, 2);
    expect(saved.areas[2].timerMinutes).toBe(60);
    w.areas[0].actions.push({ id: 'a1', what: 'x', who: 'y', due: '31/1', done: false });
    await expect(saveWorkshop(db, w, 3)).rejects.toThrow(/due/);
  });

  it('deletes', async () => {
    const db = freshDb();
    const w = await openWorkshop(db, 'u1', '2026-11-24', 1);
    await deleteWorkshop(db, w.id);
    expect(await getWorkshop(db, w.id)).toBeUndefined();
  });
});
