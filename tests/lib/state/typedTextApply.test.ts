// Where a closed tab's journalled text goes at the next start: a doctor's name and duties into that
// plan's stored rows (field-level, checked, after the automatic backup); nothing for a doctor gone since.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readPlan } from '../../../src/lib/db/index';
import { typedTextApply } from '../../../src/lib/state/typedTextApply';
import { TypedTextWriter } from '../../../src/lib/state/typedTextWriter';
import { coreWithPlan, dropParts } from './parts';
import { memoryStorage } from './memoryStorage';

afterEach(dropParts);


describe('typedTextApply (recovery of text typed in a closed tab)', () => {
  it('writes a doctor name and duties left in the journal into the stored plan; skips a doctor gone since', async () => {
    const { core, db, planId } = await coreWithPlan();
    const before = (await readPlan(db, planId))!;
    const [d0, d1] = before.doctors;
    const storage = memoryStorage();
    const closedTab = new TypedTextWriter(async () => false, core.dbName, storage);
    closedTab.note({ kind: 'doctorName', planId, doctorId: d0.id }, '  Dr Skriven Nyss ');
    closedTab.note({ kind: 'duties', planId, doctorId: d1.id }, [{ kind: 'other', hoursPerWeek: 3, label: 'Handledning' }]);
    closedTab.note({ kind: 'doctorName', planId, doctorId: 'doc-borta' }, 'Finns inte');
    const renamed: string[] = [];
    const writer = new TypedTextWriter(typedTextApply(core, async (_id, name) => (renamed.push(name), true)), core.dbName, storage);
    expect(await writer.recover()).toBe(3);
    const after = (await readPlan(db, planId))!;
    expect(after.doctors.find((d) => d.id === d0.id)!.name).toBe('Dr Skriven Nyss');
    expect(after.doctors.find((d) => d.id === d1.id)!.duties).toEqual([{ kind: 'other', hoursPerWeek: 3, label: 'Handledning' }]);
    expect(after.doctors).toHaveLength(before.doctors.length);
    // Every other field as it was.
    expect({ ...after, doctors: [] }).toEqual({ ...before, doctors: [] });
    expect(await db.backups.where('planId').equals(planId).count()).toBe(1); // the state before, kept
    expect(storage.length).toBe(0);
    expect(renamed).toEqual([]);
  });

  it("writes an agreement's note left in the journal (Läkarsamtal); an emptied note removes it", async () => {
    const { core, db, planId } = await coreWithPlan();
    const d0 = (await readPlan(db, planId))!.doctors[0];
    const apply = typedTextApply(core, async () => true);
    expect(await apply({ kind: 'agreementNote', planId, doctorId: d0.id }, 'Ses igen efter sommaren.')).toBe(true);
    expect((await readPlan(db, planId))!.doctors[0].agreementNote).toBe('Ses igen efter sommaren.');
    expect(await apply({ kind: 'agreementNote', planId, doctorId: d0.id }, '')).toBe(true);
    expect((await readPlan(db, planId))!.doctors[0].agreementNote).toBeUndefined();
  });

  it('refuses duties that would make the plan invalid (nothing written)', async () => {
    const { core, db, planId } = await coreWithPlan();
    const before = (await readPlan(db, planId))!;
    const apply = typedTextApply(core, async () => true);
    const ok = await apply({ kind: 'duties', planId, doctorId: before.doctors[0].id }, [{ kind: 'other', hoursPerWeek: -5 }]);
    expect(ok).toBe(false);
    expect(await readPlan(db, planId)).toEqual(before);
  });
});
