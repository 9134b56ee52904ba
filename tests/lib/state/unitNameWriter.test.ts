// The unit name as typed (issue 11.3): journalled synchronously, written one rename at a time with the
// latest text next, and a closed tab's last name written at the next start.
import { describe, expect, it } from 'vitest';
import { UnitNameWriter } from '../../../src/lib/state/unitNameWriter';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    get length() { return m.size; },
    key: (i: number) => [...m.keys()][i] ?? null,
    map: m,
  };
}

describe('UnitNameWriter', () => {
  it('fast typing: one write in flight, then only the latest text; the journal is empty after', async () => {
    const written: string[] = [];
    let release: () => void = () => {};
    const rename = (_id: string, name: string) => new Promise<boolean>((r) => { written.push(name); release = () => r(true); });
    const storage = memoryStorage();
    const w = new UnitNameWriter(rename, 'db', storage);
    for (const name of ['V', 'VC', 'VC S', 'VC St', 'VC Stängd']) w.write('u1', name);
    expect(storage.getItem('kapacitet:unit-name-unsaved:db:u1')).toBe('VC Stängd');
    expect(written).toEqual(['V']);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(written).toEqual(['V', 'VC Stängd']);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.map.size).toBe(0);
  });

  it('a tab closed before the write: the next start writes the journalled name, once', async () => {
    const storage = memoryStorage();
    new UnitNameWriter(() => new Promise<boolean>(() => {}), 'db', storage).write('u1', 'VC Stängd');
    const written: [string, string][] = [];
    const n = await new UnitNameWriter(async (id, name) => (written.push([id, name]), true), 'db', storage).recover();
    expect(n).toBe(1);
    expect(written).toEqual([['u1', 'VC Stängd']]);
    expect(storage.map.size).toBe(0);
  });

  it('never journals a name holding a personnummer, and leaves other databases alone', async () => {
    const storage = memoryStorage();
    storage.setItem('kapacitet:unit-name-unsaved:other:u9', 'Annan');
    new UnitNameWriter(async () => false, 'db', storage).write('u1', 'VC 19121212-1212');
    expect([...storage.map.keys()]).toEqual(['kapacitet:unit-name-unsaved:other:u9']);
    expect(await new UnitNameWriter(async () => true, 'db', storage).recover()).toBe(0);
  });
});
