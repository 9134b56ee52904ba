import { describe, expect, it } from 'vitest';
import { UnsavedJournal } from '../../../src/lib/state/workshopJournal';
import { memoryStorage } from './memoryStorage';

const edit = (text: string) => ({ meetingId: 'm1', edit: { op: 'title' as const, text } });

describe('UnsavedJournal', () => {
  it('keeps one entry per tab; another tab takes them (oldest first) and they are gone', () => {
    const s = memoryStorage();
    const closedEarly = new UnsavedJournal(s, 'db', 'tab-a');
    const closedLate = new UnsavedJournal(s, 'db', 'tab-b');
    const otherDb = new UnsavedJournal(s, 'other-db', 'tab-c');
    expect(closedLate.write([edit('B')], 20)).toBe(true);
    closedEarly.write([edit('A1'), edit('A2')], 10);
    otherDb.write([edit('C')], 5);
    const next = new UnsavedJournal(s, 'db', 'tab-new');
    expect(next.takeOthers().map((e) => (e.edit as { text: string }).text)).toEqual(['A1', 'A2', 'B']);
    expect(next.takeOthers()).toEqual([]);
    expect([...s.map.keys()]).toEqual(['kapacitet:apt-unsaved:other-db:tab-c']);
  });

  it('never takes its own entry; clear and an empty write remove it', () => {
    const s = memoryStorage();
    const j = new UnsavedJournal(s, 'db', 'me');
    j.write([edit('x')], 1);
    expect(j.takeOthers()).toEqual([]);
    j.write([], 2);
    expect(s.map.size).toBe(0);
    j.write([edit('x')], 3);
    j.clear();
    expect(s.map.size).toBe(0);
  });

  it('survives a full storage and damaged entries', () => {
    const s = memoryStorage();
    s.failWrites = true;
    expect(new UnsavedJournal(s, 'db', 'a').write([edit('x')], 1)).toBe(false);
    s.failWrites = false;
    s.setItem('kapacitet:apt-unsaved:db:broken', '{not json');
    s.setItem('kapacitet:apt-unsaved:db:odd', JSON.stringify({ at: 1, entries: [null, { meetingId: 3 }, edit('ok')] }));
    expect(new UnsavedJournal(s, 'db', 'b').takeOthers()).toEqual([edit('ok')]);
    expect(s.map.size).toBe(0);
  });
});
