import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KapacitetDb } from '../../../src/lib/db/schema';
import {
  WorkshopRejected,
  applyWorkshopEdits,
  deleteWorkshop,
  findWorkshop,
  getWorkshop,
  listWorkshops,
  openWorkshop,
} from '../../../src/lib/db/workshopRepo';
import { itemsOf, type Workshop, type WorkshopItem } from '../../../src/lib/engine/workshop';
import { drop, uniqueDbName } from './helpers';

const dbs: KapacitetDb[] = [];
function connect(name = uniqueDbName('workshop')): KapacitetDb {
  const db = new KapacitetDb(name);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  await drop(...dbs.splice(0));
});

const note = (id: string, text: string, createdAt = 1): WorkshopItem => ({ id, areaId: 'staff', kind: 'note', text, createdAt });

describe('workshopRepo', () => {
  it('opens one meeting per unit and date (twice the same), and keeps the notes across a reopened database', async () => {
    const db = connect();
    const w = await openWorkshop(db, 'u1', '2026-11-24', 1000);
    expect((await openWorkshop(db, 'u1', '2026-11-24', 2000)).id).toBe(w.id);
    await applyWorkshopEdits(db, w.id, [{ op: 'add', item: note('n1', 'Semesterplanen saknar ersättare.') }], 5000);
    db.close();
    const again = connect(db.name);
    const stored = await getWorkshop(again, w.id);
    expect(itemsOf(stored!, 'staff', 'note').map((n) => n.text)).toEqual(['Semesterplanen saknar ersättare.']);
    expect(stored).toMatchObject({ rev: 1, updatedAt: 5000, version: 2 });
    expect((await findWorkshop(again, 'u1', '2026-11-24'))?.id).toBe(w.id);
    expect(await findWorkshop(again, 'u2', '2026-11-24')).toBeUndefined();
  });

  it('two connections (two tabs) adding notes to one meeting at the same moment both keep theirs', async () => {
    const name = uniqueDbName('workshop-tabs');
    const a = connect(name);
    const b = connect(name);
    const w = await openWorkshop(a, 'u1', '2026-11-24', 1);
    // Both tabs hold the same (now stale) copy and write at once.
    await Promise.all([
      applyWorkshopEdits(a, w.id, [{ op: 'add', item: note('from-a', 'Anteckning från flik A') }, { op: 'title', text: 'Titel från A' }], 10),
      applyWorkshopEdits(b, w.id, [{ op: 'add', item: note('from-b', 'Anteckning från flik B') }, { op: 'participants', text: 'Eva' }], 11),
    ]);
    const stored = (await getWorkshop(a, w.id))!;
    expect(itemsOf(stored, 'staff', 'note').map((n) => n.text).sort()).toEqual(['Anteckning från flik A', 'Anteckning från flik B']);
    expect(stored).toMatchObject({ title: 'Titel från A', participants: 'Eva', rev: 2 });
  });

  it('upgrades a version 1 record on its first write, keeping every text', async () => {
    const db = connect();
    const v1: Workshop = {
      id: 'old',
      unitId: 'u1',
      meetingDate: '2026-09-01',
      title: 'Höst',
      areas: [{ areaId: 'routines', timerMinutes: 45, notes: 'Gammal anteckning', obstacles: ['Hinder'], opportunities: [], actions: [] }],
      createdAt: 1,
      updatedAt: 1,
    };
    await db.workshops.add(v1);
    expect(itemsOf((await getWorkshop(db, 'old'))!, 'routines', 'note')[0].text).toBe('Gammal anteckning');
    await applyWorkshopEdits(db, 'old', [{ op: 'add', item: { ...note('n', 'Ny'), areaId: 'routines', createdAt: 99 } }], 2);
    const raw = await db.workshops.get('old');
    expect(raw?.areas[0].notes).toBeUndefined();
    expect(Object.values(raw!.items!).map((i) => i.text).sort()).toEqual(['Gammal anteckning', 'Hinder', 'Ny']);
  });

  it('refuses a personnummer or a bad date and writes nothing of that batch', async () => {
    const db = connect();
    const w = await openWorkshop(db, 'u1', '2026-11-24', 1);
    const bad = applyWorkshopEdits(db, w.id, [{ op: 'add', item: note('ok', 'Bra samtal') }, { op: 'add', item: note('pnr', 'Patient 19121212-1212') }], 2);
    await expect(bad).rejects.toMatchObject({ reason: 'personnummer' });
    await expect(applyWorkshopEdits(db, w.id, [{ op: 'participants', text: 'Per 121212-1212' }], 2)).rejects.toBeInstanceOf(WorkshopRejected);
    const act: WorkshopItem = { id: 'a', areaId: 'staff', kind: 'action', text: 'x', owner: '', due: '31/1' as never, createdAt: 1 };
    await expect(applyWorkshopEdits(db, w.id, [{ op: 'add', item: act }], 2)).rejects.toMatchObject({ reason: 'invalid' });
    const stored = (await getWorkshop(db, w.id))!;
    expect(stored.items).toEqual({});
    expect(stored.rev).toBe(0);
  });

  it('an edit of a meeting another tab removed is refused, not resurrected', async () => {
    const db = connect();
    const w = await openWorkshop(db, 'u1', '2026-11-24', 1);
    await deleteWorkshop(db, w.id);
    await expect(applyWorkshopEdits(db, w.id, [{ op: 'title', text: 'x' }], 2)).rejects.toMatchObject({ reason: 'missing' });
    expect(await db.workshops.count()).toBe(0);
  });

  it('lists a unit\'s meetings newest first and refuses a bad date', async () => {
    const db = connect();
    await openWorkshop(db, 'u1', '2026-09-01', 1);
    await openWorkshop(db, 'u1', '2026-12-01', 2);
    await openWorkshop(db, 'u2', '2027-01-01', 3);
    expect((await listWorkshops(db, 'u1')).map((m) => m.meetingDate)).toEqual(['2026-12-01', '2026-09-01']);
    await expect(openWorkshop(db, 'u1', '1 december', 4)).rejects.toMatchObject({ reason: 'invalid' });
  });
});
