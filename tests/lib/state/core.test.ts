import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DoctorIdTakenError, PlanGoneError, ReadOnlyDatabaseError } from '../../../src/lib/db/index';
import { AppCore, stringsIn, uniqueName } from '../../../src/lib/state/core.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('AppCore: the write queue', () => {
  it('runs writes in the order they were queued, also after one failed', async () => {
    const core = new AppCore({ today: '2026-11-23' });
    const order: string[] = [];
    const slow = core.enqueue(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('a');
      throw new Error('a failed');
    });
    const fast = core.enqueue(async () => order.push('b'));
    await expect(slow).rejects.toThrow('a failed');
    await fast;
    expect(order).toEqual(['a', 'b']);
  });

  it('idle() waits for writes queued while it was waiting', async () => {
    const core = new AppCore();
    const done: number[] = [];
    void core.enqueue(async () => {
      await tick();
      done.push(1);
      void core.enqueue(async () => {
        await tick();
        done.push(2);
      });
    });
    await core.idle();
    expect(done).toEqual([1, 2]);
  });
});

describe('AppCore: errors', () => {
  it('says every kind of failed write in Swedish', () => {
    const core = new AppCore();
    expect(core.failWrite(new PlanGoneError('p'))).toBe(false);
    expect(core.lastError).toEqual({ kind: 'conflict', message: DATA_SV.errors.planGone, details: [] });
    core.failWrite(new DoctorIdTakenError('d1'));
    expect(core.lastError?.message).toBe(DATA_SV.errors.doctorIdTaken);
    core.failWrite({ name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(core.lastError?.kind).toBe('quota');
    core.failWrite(new ReadOnlyDatabaseError('plans'));
    expect(core.lastError).toEqual({ kind: 'read-only', message: DATA_SV.errors.readOnly, details: [] });
    const err = console.error;
    console.error = () => undefined;
    core.failWrite(new Error('disken är borta'));
    console.error = err;
    expect(core.lastError).toEqual({ kind: 'storage', message: DATA_SV.errors.storage, details: [] });
  });

  it('a read-only core refuses up front with its own message', () => {
    const core = new AppCore();
    expect(core.refuseIfReadOnly()).toBe(false);
    expect(core.lastError).toBeNull();
    core.readOnly = 'Skrivskyddad här.';
    expect(core.refuseIfReadOnly()).toBe(true);
    expect(core.lastError).toEqual({ kind: 'read-only', message: 'Skrivskyddad här.', details: [] });
    // Any write failure in such a tab is the read-only one (not "disk full" or a conflict).
    core.failWrite(new Error('x'));
    expect(core.lastError?.kind).toBe('read-only');
  });

  it('has no database before start and none "ready" until start-up finished', () => {
    const core = new AppCore();
    expect(() => core.db).toThrow(/start/);
    expect(core.dbIfReady).toBeNull();
  });
});

describe('AppCore: options', () => {
  it('fixes today from the clock in local time, and takes the backup rules', () => {
    const core = new AppCore({ now: () => new Date(2026, 0, 31, 23, 59).getTime(), backupsPerPlan: 3, autoBackupIntervalMs: 5 });
    expect(core.today).toBe('2026-01-31');
    expect(core.backupsPerPlan).toBe(3);
    expect(core.autoBackupIntervalMs).toBe(5);
    expect(new AppCore().dbName).toBe('kapacitet');
  });
});

describe('helpers', () => {
  it('uniqueName numbers a taken name', () => {
    expect(uniqueName('Nuläge', [])).toBe('Nuläge');
    expect(uniqueName('Nuläge', ['Nuläge', 'Nuläge (2)'])).toBe('Nuläge (3)');
  });

  it('stringsIn finds text at any depth up to its bound', () => {
    expect(stringsIn({ a: ['x', { b: 'y' }], c: 3 })).toEqual(['x', 'y']);
    let deep: unknown = 'djup';
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(stringsIn(deep)).toEqual([]);
  });
});
