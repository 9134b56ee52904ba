import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppState } from '../../../src/lib/state/app.svelte';
import { HISTORY_LIMIT } from '../../../src/lib/state/history';
import { disposeApps, startApp, TODAY } from './helpers';

afterEach(disposeApps);

async function reopen(app: AppState): Promise<AppState> {
  const name = app.dbName;
  app.dispose();
  const again = new AppState({ dbName: name, today: TODAY, storage: null, requestPersistOnStart: false });
  await again.start();
  await new Promise((r) => setTimeout(r, 50));
  return again;
}

describe('undo history in IndexedDB (issue 11.5)', () => {
  it('a reload keeps Ångra and Gör om, with their labels', async () => {
    const app = await startApp();
    await app.updateUnit({ listed: 9901 });
    await app.updateDoctor(app.plan!.doctors[0].id, { employment: 0.5 });
    await app.undo();
    const again = await reopen(app);
    try {
      expect(again.canUndo).toBe(true);
      expect(again.canRedo).toBe(true);
      expect(again.undoLabel).toBe('Ångra: Ändra enhetsuppgifter');
      expect(again.redoLabel).toBe('Gör om: Ändra läkare');
      await again.redo();
      expect(again.plan!.doctors[0].employment).toBe(0.5);
      await again.undo();
      await again.undo();
      expect(again.plan!.unit.listed).toBe(9800);
      expect(again.canUndo).toBe(false);
    } finally {
      again.dispose();
    }
  });

  it('keeps at most the last 200 steps', async () => {
    const app = await startApp();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) void app.updateUnit({ listed: 9000 + i });
    await app.flush();
    const record = await app.db.history.get(app.planId!);
    expect(record?.undo).toHaveLength(HISTORY_LIMIT);
    expect(record?.undo.at(-1)?.redo.body['unit.listed']).toBe(9000 + HISTORY_LIMIT + 4);
  });

  it('deleting a scenario forgets its history', async () => {
    const app = await startApp();
    const id = await app.duplicatePlan(app.planId!, 'Prov');
    await app.selectPlan(id);
    await app.updateUnit({ listed: 100 });
    expect(await app.db.history.get(id)).toBeDefined();
    await app.deletePlan(id);
    await app.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(await app.db.history.get(id)).toBeUndefined();
  });
});

describe('undo in one tab never reverts what another tab wrote later (issue 11.7)', () => {
  it('refuses the step with a message and leaves the other tab’s value', async () => {
    const a = await startApp();
    const b = new AppState({ dbName: a.dbName, today: TODAY, storage: null, requestPersistOnStart: false });
    await b.start();
    try {
      await a.updateUnit({ listed: 11111 });
      // Tab b writes the same field later.
      await new Promise((r) => setTimeout(r, 50));
      await b.updateUnit({ listed: 22222 });
      await new Promise((r) => setTimeout(r, 100));
      expect(a.plan!.unit.listed).toBe(22222);
      expect(await a.undo()).toBe(false);
      expect(a.lastError?.kind).toBe('conflict');
      expect(a.lastError?.message).toMatch(/ändrats i en annan flik/);
      expect(a.plan!.unit.listed).toBe(22222);
      expect((await a.getPlanSnapshot(a.planId!)).unit.listed).toBe(22222);
      // A step of a field nobody else touched still undoes.
      await a.updateUnit({ careWeight: 1.2 });
      expect(await a.undo()).toBe(true);
      expect(a.plan!.unit.careWeight).toBe(1.05);
    } finally {
      b.dispose();
    }
  });

  it('a step that added a doctor is not undone once another tab has edited that doctor; the message names the doctor', async () => {
    const a = await startApp();
    const b = new AppState({ dbName: a.dbName, today: TODAY, storage: null, requestPersistOnStart: false });
    await b.start();
    try {
      const count = a.plan!.doctors.length;
      const id = (await a.addDoctor('specialist'))!;
      expect(id).toBeTruthy();
      await new Promise((r) => setTimeout(r, 100));
      expect(b.plan!.doctors.some((d) => d.id === id)).toBe(true);
      // Tab b names the new doctor and sets the employment.
      await b.updateDoctor(id, { name: 'Dr Från Flik B', employment: 0.5 });
      await new Promise((r) => setTimeout(r, 100));
      expect(a.plan!.doctors.find((d) => d.id === id)?.name).toBe('Dr Från Flik B');
      expect(await a.undo()).toBe(false);
      expect(a.lastError?.kind).toBe('conflict');
      expect(a.lastError?.message).toContain('Dr Från Flik B');
      expect(a.lastError?.message).toMatch(/ändrats i en annan flik/);
      // The doctor and tab b's values stay, here and in the database.
      expect(a.plan!.doctors).toHaveLength(count + 1);
      const stored = (await a.getPlanSnapshot(a.planId!)).doctors.find((d) => d.id === id);
      expect(stored).toMatchObject({ name: 'Dr Från Flik B', employment: 0.5 });
      // An added doctor nobody else touched is still taken away by Ångra.
      const other = (await a.addDoctor('st'))!;
      expect(await a.undo()).toBe(true);
      expect(a.plan!.doctors.some((d) => d.id === other)).toBe(false);
    } finally {
      b.dispose();
    }
  });
});
