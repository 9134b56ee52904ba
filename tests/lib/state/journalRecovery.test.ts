import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkshop, getWorkshop } from '../../../src/lib/db/workshopRepo';
import { recoverAptJournal } from '../../../src/lib/state/journalRecovery';
import { UnsavedJournal, type JournalStorage } from '../../../src/lib/state/workshopJournal';
import { disposeApps, startApp } from './helpers';

afterEach(disposeApps);

function memory(): JournalStorage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

describe('the APT journal is replayed at app start, before any backup', () => {
  it('a closed tab’s last note is in the database and in the backup file', async () => {
    const app = await startApp();
    const meeting = await openWorkshop(app.db, app.unitId!, '2026-11-20', 1);
    const storage = memory();
    new UnsavedJournal(storage, app.dbName, 'closed-tab').write(
      [{ meetingId: meeting.id, edit: { op: 'add', item: { id: 'n1', areaId: 'routines', kind: 'note', text: 'Sista anteckningen', createdAt: 2 } } }],
      2,
    );
    expect(await recoverAptJournal(app.db, app.dbName, 3, storage)).toBe(1);
    expect((await getWorkshop(app.db, meeting.id))?.items.n1.text).toBe('Sista anteckningen');
    expect(storage.length).toBe(0);
    const { file } = await app.backupFile();
    expect(JSON.stringify(file.stores.workshops)).toContain('Sista anteckningen');
  });
});
