import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KapacitetDb } from '../../../src/lib/db/schema';
import {
  SnapshotRejected,
  deleteSnapshot,
  listSnapshots,
  saveSnapshot,
  saveSnapshots,
  snapshotData,
} from '../../../src/lib/db/snapshotsRepo';
import type { SnapshotData } from '../../../src/lib/engine/followup';

let db: KapacitetDb;
const open = () => (db = new KapacitetDb('snap-' + Math.random()));
afterEach(async () => {
  db?.close();
});

const s = (month: string, listed = 100, named = 60, extra: Partial<SnapshotData> = {}): SnapshotData => ({
  month,
  listed,
  withNamedDoctor: named,
  doctors: [{ doctorId: 'd1', name: 'Anna', listed: 60 }],
  source: 'manual',
  ...extra,
});

describe('snapshotsRepo', () => {
  it('saves, lists by month, and replaces the same month', async () => {
    open();
    await saveSnapshot(db, 'u1', s('2026-02'), 2);
    const a = await saveSnapshot(db, 'u1', s('2026-01'), 1);
    await saveSnapshot(db, 'u2', s('2026-01'), 1);
    const b = await saveSnapshot(db, 'u1', s('2026-01', 100, 70), 3);
    expect(b.id).toBe(a.id);
    const rows = await listSnapshots(db, 'u1');
    expect(rows.map((r) => [r.month, r.withNamedDoctor])).toEqual([
      ['2026-01', 70],
      ['2026-02', 60],
    ]);
    expect(snapshotData(rows[0])).toEqual(s('2026-01', 100, 70));
    await deleteSnapshot(db, rows[0].id);
    expect((await listSnapshots(db, 'u1')).length).toBe(1);
  });

  it('refuses invalid snapshots and personnummer, storing nothing', async () => {
    open();
    await expect(saveSnapshot(db, 'u1', s('2026-01', 10, 20), 1)).rejects.toBeInstanceOf(SnapshotRejected);
    await expect(saveSnapshot(db, 'u1', s('2026-01', 10, 5, { note: 'Ring 19121212-1212' }), 1)).rejects.toThrow(/personnummer/);
    await expect(saveSnapshots(db, 'u1', [s('2026-01'), s('2026-13')], 1)).rejects.toBeInstanceOf(SnapshotRejected);
    expect(await listSnapshots(db, 'u1')).toEqual([]);
  });

  it('bulk save is one transaction', async () => {
    open();
    const out = await saveSnapshots(db, 'u1', [s('2026-01'), s('2026-02'), s('2026-03')], 5);
    expect(out).toHaveLength(3);
    expect((await listSnapshots(db, 'u1')).map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});
