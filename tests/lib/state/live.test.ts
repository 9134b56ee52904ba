import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveValue } from '../../../src/lib/state/live.svelte';
import { HISTORY_LIMIT, PlanHistory } from '../../../src/lib/state/history';
import { emptyOps } from '../../../src/lib/db/index';
import { drop, openDb } from '../db/helpers';
import type { KapacitetDb } from '../../../src/lib/db/index';

const dbs: KapacitetDb[] = [];
afterEach(async () => drop(...dbs.splice(0)));

describe('LiveValue', () => {
  it('follows the database until disposed', async () => {
    const db = await openDb('live');
    dbs.push(db);
    const seen: number[] = [];
    const live = new LiveValue(() => db.settings.count(), (n) => seen.push(n));
    await live.firstValue;
    expect(live.current).toBe(0);
    expect(live.loaded).toBe(true);
    await db.settings.put({ key: 'a', value: 1 });
    await vi.waitFor(() => expect(live.current).toBe(1));
    live.dispose();
    await db.settings.put({ key: 'b', value: 2 });
    await new Promise((r) => setTimeout(r, 50));
    expect(live.current).toBe(1);
    expect(seen).toEqual([0, 1]);
  });

  it('reports a query error instead of hanging', async () => {
    const db = await openDb('live-error');
    dbs.push(db);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // `name` is not an index of settings: Dexie throws a SchemaError inside the query.
    const live = new LiveValue(() => db.settings.where('name').equals('x').toArray());
    await live.firstValue;
    expect(live.error).toBeTruthy();
    expect(live.current).toBeUndefined();
    spy.mockRestore();
    live.dispose();
  });
});

describe('PlanHistory', () => {
  it('keeps at most HISTORY_LIMIT steps and a new step clears redo', () => {
    const h = new PlanHistory();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h.push({ label: String(i), redo: emptyOps(), undo: emptyOps() });
    expect(h.undoStack).toHaveLength(HISTORY_LIMIT);
    expect(h.undoStack[0].label).toBe('5');
    h.redoStack.push(h.undoStack.pop()!);
    h.push({ label: 'new', redo: emptyOps(), undo: emptyOps() });
    expect(h.redoStack).toHaveLength(0);
  });
});
