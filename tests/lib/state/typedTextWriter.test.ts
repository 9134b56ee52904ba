// Text saved as typed (issue 11.3), one mechanism: the unit name journalled synchronously and written one
// rename at a time with the latest text next; a doctor's name and duties journalled while edited and
// removed on cancel or once the commit is durable; a closed tab's texts written at the next start.
import { describe, expect, it } from 'vitest';
import { TypedTextWriter, type TypedTarget, type TypedValue } from '../../../src/lib/state/typedTextWriter';
import { memoryStorage } from './memoryStorage';


const unit = (unitId: string): TypedTarget => ({ kind: 'unitName', unitId });
const doctorName: TypedTarget = { kind: 'doctorName', planId: 'p1', doctorId: 'd1' };
const duties: TypedTarget = { kind: 'duties', planId: 'p1', doctorId: 'd1' };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('TypedTextWriter', () => {
  it('unit name, fast typing: one write in flight, then only the latest text; the journal is empty after', async () => {
    const written: string[] = [];
    let release: () => void = () => {};
    const apply = (_t: TypedTarget, name: TypedValue) => new Promise<boolean>((r) => { written.push(name as string); release = () => r(true); });
    const storage = memoryStorage();
    const w = new TypedTextWriter(apply, 'db', storage);
    for (const name of ['V', 'VC', 'VC S', 'VC St', 'VC Stängd']) w.write(unit('u1'), name);
    expect(JSON.parse(storage.getItem('kapacitet:typed-unsaved:db:unitName:u1')!)).toEqual({ target: unit('u1'), value: 'VC Stängd' });
    expect(written).toEqual(['V']);
    release();
    await tick();
    expect(written).toEqual(['V', 'VC Stängd']);
    release();
    await tick();
    expect(storage.map.size).toBe(0);
  });

  it('a tab closed before the write: the next start writes every journalled text, once', async () => {
    const storage = memoryStorage();
    const closed = new TypedTextWriter(() => new Promise<boolean>(() => {}), 'db', storage);
    closed.write(unit('u1'), 'VC Stängd');
    closed.note(doctorName, 'Dr Skrivit Nyss');
    closed.note(duties, [{ kind: 'other', hoursPerWeek: 2, label: 'Handledning' }]);
    // The release before kept the unit name under its own key, as plain text.
    storage.setItem('kapacitet:unit-name-unsaved:db:u2', 'VC Gammal');
    const written: [TypedTarget, TypedValue][] = [];
    const n = await new TypedTextWriter(async (t, v) => (written.push([t, v]), true), 'db', storage).recover();
    expect(n).toBe(4);
    expect(written).toEqual(
      expect.arrayContaining([
        [unit('u1'), 'VC Stängd'],
        [doctorName, 'Dr Skrivit Nyss'],
        [duties, [{ kind: 'other', hoursPerWeek: 2, label: 'Handledning' }]],
        [unit('u2'), 'VC Gammal'],
      ]),
    );
    expect(storage.map.size).toBe(0);
  });

  it('a grid edit: journalled as typed, gone on Escape, gone once the commit is durable (not before)', async () => {
    const storage = memoryStorage();
    const w = new TypedTextWriter(async () => true, 'db', storage);
    w.note(doctorName, 'Dr A');
    expect(storage.map.size).toBe(1);
    w.forget(doctorName);
    expect(storage.map.size).toBe(0);
    w.note(doctorName, 'Dr B');
    let durable: () => void = () => {};
    w.committed(doctorName, new Promise<void>((r) => (durable = r)));
    await tick();
    expect(storage.map.size).toBe(1); // the write is still on its way: a close now keeps the text
    durable();
    await tick();
    expect(storage.map.size).toBe(0);
    // A newer edit typed while the older commit was on its way keeps its own entry.
    w.note(doctorName, 'Dr C');
    let second: () => void = () => {};
    w.committed(doctorName, new Promise<void>((r) => (second = r)));
    w.note(doctorName, 'Dr CD');
    second();
    await tick();
    expect(JSON.parse(storage.getItem('kapacitet:typed-unsaved:db:doctorName:p1:d1')!).value).toBe('Dr CD');
  });

  it('never journals a text holding a personnummer, and leaves other databases alone', async () => {
    const storage = memoryStorage();
    storage.setItem('kapacitet:typed-unsaved:other:unitName:u9', JSON.stringify({ target: unit('u9'), value: 'Annan' }));
    const applied: TypedValue[] = [];
    const named = new TypedTextWriter(async (_t, v) => (applied.push(v), true), 'db', storage);
    for (const t of ['VC 1912', 'VC 191212', 'VC 19121212-1212']) named.write(unit('u1'), t);
    await tick();
    expect(applied).toEqual(['VC 1912']); // a date of birth under way waits for the commit
    const w = new TypedTextWriter(async () => false, 'db', storage);
    w.note(doctorName, 'Dr 19121212-1212');
    w.note(duties, [{ kind: 'other', hoursPerWeek: 1, label: '19121212-1212' }]);
    expect([...storage.map.keys()]).toEqual(['kapacitet:typed-unsaved:other:unitName:u9']);
    expect(await new TypedTextWriter(async () => true, 'db', storage).recover()).toBe(0);
  });
});
