import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AREA_FIGURES,
  WORKSHOP_AREA_IDS,
  applyWorkshopEdit,
  carriedActions,
  clampTimerMinutes,
  createWorkshop,
  editTexts,
  endsInPossiblePersonnummer,
  findPersonnummerIn,
  itemsOf,
  meetingMinutes,
  openActions,
  parseDueDate,
  presenterSteps,
  upgradeWorkshop,
  workshopHasPersonnummer,
  type Meeting,
  type Workshop,
  type WorkshopEdit,
  type WorkshopItem,
} from '../../../src/lib/engine/workshop';
import { WORKSHOP_AREAS } from '../../../src/lib/strings/workshop.sv';

const T0 = Date.UTC(2026, 10, 23, 8);

function meeting(id = 'w1', date = '2026-11-24', unitId = 'u1'): Meeting {
  return createWorkshop({ id, unitId, meetingDate: date, now: T0 });
}
function item(id: string, kind: WorkshopItem['kind'], text: string, extra: Partial<WorkshopItem> = {}): WorkshopItem {
  const base: WorkshopItem = { id, areaId: 'routines', kind, text, createdAt: T0 + Number(id.replace(/\D/g, '') || 0) };
  if (kind === 'action') Object.assign(base, { owner: '', due: '', done: false });
  return { ...base, ...extra };
}
const apply = (m: Meeting, ...edits: WorkshopEdit[]) => edits.reduce(applyWorkshopEdit, m);

/** A version 1 record as the app stored it before this change. */
const V1: Workshop = {
  id: 'old',
  unitId: 'u1',
  meetingDate: '2026-09-01',
  title: 'Höstens APT',
  areas: [
    {
      areaId: 'routines',
      timerMinutes: 30,
      notes: 'Rutinen finns men är okänd.\n\nNya läkare får ingen introduktion.',
      obstacles: ['Ingen äger rutinen'],
      opportunities: ['Ta upp rutinen på varje APT', 'Checklista för nya'],
      actions: [{ id: 'a1', what: 'Skriv om rutinen', who: 'Eva (MLA)', due: '2027-01-31', done: false }],
    },
    { areaId: 'staff', timerMinutes: 90, notes: '', obstacles: [], opportunities: [], actions: [] },
    {
      areaId: 'communication',
      timerMinutes: 45,
      notes: '   ',
      obstacles: [],
      opportunities: [],
      actions: [{ id: 'a1', what: '=HYPERLINK("x")', who: 'Per', due: '', done: true }],
    },
  ],
  createdAt: T0,
  updatedAt: T0 + 5,
};

describe('createWorkshop', () => {
  it('has the three areas with a 45 minute timer, no items, version 2, rev 0', () => {
    const w = meeting();
    expect(w.areas.map((a) => a.areaId)).toEqual(['routines', 'staff', 'communication']);
    expect(w.areas.every((a) => a.timerMinutes === 45)).toBe(true);
    expect(w).toMatchObject({ items: {}, participants: '', rev: 0, version: 2, title: 'Fast läkarkontakt' });
  });
});

describe('upgradeWorkshop (version 1 → 2)', () => {
  const up = upgradeWorkshop(V1);

  it('moves every text of version 1 into items, in their order, without losing a character', () => {
    const notes = itemsOf(up, 'routines', 'note');
    expect(notes.map((n) => n.text)).toEqual([V1.areas[0].notes]);
    expect(itemsOf(up, 'routines', 'opportunity').map((i) => i.text)).toEqual(['Ta upp rutinen på varje APT', 'Checklista för nya']);
    expect(itemsOf(up, 'routines', 'action')[0]).toMatchObject({ text: 'Skriv om rutinen', owner: 'Eva (MLA)', due: '2027-01-31', done: false });
    // Two areas' action "a1" do not collide.
    expect(itemsOf(up, 'communication', 'action')[0]).toMatchObject({ text: '=HYPERLINK("x")', owner: 'Per', done: true });
    // A blank version 1 note is no note.
    expect(itemsOf(up, 'communication', 'note')).toEqual([]);
    expect(up.areas.map((a) => a.timerMinutes)).toEqual([30, 60, 45]);
    expect(up).toMatchObject({ participants: '', rev: 0, version: 2, title: 'Höstens APT' });
    expect(up.areas.every((a) => a.notes === undefined && a.obstacles === undefined)).toBe(true);
  });

  it('gives the same ids every time (two tabs upgrading one record agree) and is idempotent', () => {
    expect(upgradeWorkshop(V1)).toEqual(up);
    expect(upgradeWorkshop(up)).toEqual(up);
    expect(Object.keys(up.items).sort()).toEqual(
      ['communication-action-a1', 'routines-action-a1', 'routines-note', 'routines-obstacle-1', 'routines-opportunity-1', 'routines-opportunity-2'].sort(),
    );
  });

  it('reads what other code stored: an empty areas list, a junk item, a missing title', () => {
    const odd = upgradeWorkshop({ id: 'x', unitId: 'u', meetingDate: '2026-01-01', areas: [], createdAt: 1, updatedAt: 1, items: { bad: { kind: 'poem' } as never } } as unknown as Workshop);
    expect(odd.areas).toHaveLength(3);
    expect(odd.items).toEqual({});
    expect(odd.title).toBe('');
  });
});

describe('applyWorkshopEdit', () => {
  it('sets title, participants and a clamped timer without touching the input', () => {
    const m = meeting();
    const next = apply(m, { op: 'title', text: 'Vårens APT' }, { op: 'participants', text: 'Eva\nPer' }, { op: 'timer', areaId: 'staff', minutes: 75 });
    expect(next).toMatchObject({ title: 'Vårens APT', participants: 'Eva\nPer' });
    expect(next.areas[1].timerMinutes).toBe(60);
    expect(m.title).toBe('Fast läkarkontakt');
    expect(apply(m, { op: 'timer', areaId: 'staff', minutes: NaN }).areas[1].timerMinutes).toBe(45);
  });

  it('adds, changes and removes items; an action keeps owner, due date and when it was done', () => {
    let m = apply(meeting(), { op: 'add', item: item('i1', 'note', 'Första') }, { op: 'add', item: item('i2', 'action', 'Gör') });
    m = apply(m, { op: 'set', itemId: 'i1', patch: { text: 'Första anteckningen' } }, { op: 'set', itemId: 'i2', patch: { owner: 'Eva', due: '2027-02-01' } });
    expect(m.items.i1.text).toBe('Första anteckningen');
    expect(m.items.i2).toMatchObject({ owner: 'Eva', due: '2027-02-01', done: false });
    m = apply(m, { op: 'set', itemId: 'i2', patch: { done: true, doneOn: '2026-12-01' } });
    expect(m.items.i2).toMatchObject({ done: true, doneOn: '2026-12-01' });
    m = apply(m, { op: 'set', itemId: 'i2', patch: { done: false } });
    expect(m.items.i2.doneOn).toBeUndefined();
    // A note has no owner or due date, and a bad date is never stored.
    m = apply(m, { op: 'set', itemId: 'i1', patch: { owner: 'x', due: '2027-01-01' } }, { op: 'set', itemId: 'i2', patch: { due: '31/1' } });
    expect(m.items.i1.owner).toBeUndefined();
    expect(m.items.i2.due).toBe('2027-02-01');
    m = apply(m, { op: 'remove', itemId: 'i1' });
    expect(m.items.i1).toBeUndefined();
  });

  it('a removal wins over a later edit of the removed item; a second add of one id keeps the first', () => {
    let m = apply(meeting(), { op: 'add', item: item('i1', 'note', 'A') }, { op: 'remove', itemId: 'i1' }, { op: 'set', itemId: 'i1', patch: { text: 'B' } });
    expect(m.items).toEqual({});
    m = apply(meeting(), { op: 'add', item: item('i1', 'note', 'A') }, { op: 'add', item: item('i1', 'note', 'B') });
    expect(m.items.i1.text).toBe('A');
  });

  it('property: applying any edit twice is the same as once (a replayed edit never doubles anything)', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('title' as const), text: fc.string() }),
      fc.record({ op: fc.constant('add' as const), item: fc.record({ id: fc.constantFrom('a', 'b'), areaId: fc.constantFrom(...WORKSHOP_AREA_IDS), kind: fc.constantFrom('note' as const, 'action' as const), text: fc.string(), createdAt: fc.nat() }) }),
      fc.record({ op: fc.constant('set' as const), itemId: fc.constantFrom('a', 'b'), patch: fc.record({ text: fc.string(), done: fc.boolean() }, { requiredKeys: [] }) }),
      fc.record({ op: fc.constant('remove' as const), itemId: fc.constantFrom('a', 'b') }),
    ) as fc.Arbitrary<WorkshopEdit>;
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        const once = apply(meeting(), ...edits);
        for (const e of edits) expect(applyWorkshopEdit(applyWorkshopEdit(once, e), e)).toEqual(applyWorkshopEdit(once, e));
      }),
    );
  });

  it('lists the text an edit would store, for the personnummer check', () => {
    expect(editTexts({ op: 'add', item: item('i', 'action', 'Ring', { owner: '191212121212' }) })).toEqual(['Ring', '191212121212']);
    expect(editTexts({ op: 'remove', itemId: 'i' })).toEqual([]);
  });
});

describe('actions over several meetings', () => {
  const sept = apply(
    meeting('sept', '2026-09-01'),
    { op: 'add', item: item('s1', 'action', 'Öppen sedan september', { due: '2027-01-31' }) },
    { op: 'add', item: item('s2', 'action', 'Klar i oktober', { done: true, doneOn: '2026-10-15' }) },
    { op: 'add', item: item('s3', 'action', 'Klar på decembermötet', { done: true, doneOn: '2026-12-01' }) },
    { op: 'add', item: item('s4', 'action', '') },
    { op: 'add', item: item('s5', 'note', 'En anteckning') },
  );
  const dec = meeting('dec', '2026-12-01');
  const feb = meeting('feb', '2027-02-01');
  const other = apply(meeting('o', '2026-01-01', 'u2'), { op: 'add', item: item('o1', 'action', 'Annan enhet') });

  it('carries the actions still open on a meeting\'s date into it, earliest due first; never blank rows or other units', () => {
    expect(carriedActions([sept, dec, feb, other], dec).map((c) => c.item.text)).toEqual(['Öppen sedan september', 'Klar på decembermötet']);
    expect(carriedActions([sept, dec, feb, other], feb).map((c) => c.item.text)).toEqual(['Öppen sedan september']);
    expect(carriedActions([sept, dec, feb], sept)).toEqual([]);
    expect(carriedActions([sept, dec], dec)[0]).toMatchObject({ meetingId: 'sept', meetingDate: '2026-09-01' });
  });

  it('lists a meeting\'s open actions', () => {
    expect(openActions(sept).map((a) => a.id)).toEqual(['s1']);
  });
});

describe('meetingMinutes', () => {
  it('holds date, participants, carried actions and per area the non-blank items in order', () => {
    const m = apply(
      meeting('dec', '2026-12-01'),
      { op: 'participants', text: 'Eva\nPer' },
      { op: 'add', item: item('n1', 'note', '=SUMMA(A1)') },
      { op: 'add', item: item('n2', 'note', '  ') },
      { op: 'add', item: { ...item('o3', 'obstacle', 'Få läkare i juli'), areaId: 'staff' } },
      { op: 'add', item: item('a4', 'action', 'Plan för sommaren', { owner: 'Chef', due: '2027-03-01' }) },
    );
    const carried = [{ meetingId: 's', meetingDate: '2026-09-01', item: item('x', 'action', 'Gammal', { done: true, doneOn: '2026-12-01' }) as never }];
    const min = meetingMinutes(m, carried, 'VC Exempel');
    expect(min).toMatchObject({ unitName: 'VC Exempel', meetingDate: '2026-12-01', participants: 'Eva\nPer' });
    expect(min.carried).toEqual([{ what: 'Gammal', owner: '', due: '', done: true, doneOn: '2026-12-01', from: '2026-09-01' }]);
    expect(min.areas.map((a) => a.title)).toEqual(WORKSHOP_AREAS.map((a) => a.title));
    expect(min.areas[0].notes).toEqual(['=SUMMA(A1)']);
    expect(min.areas[1].obstacles).toEqual(['Få läkare i juli']);
    expect(min.areas[0].actions).toEqual([{ what: 'Plan för sommaren', owner: 'Chef', due: '2027-03-01', done: false }]);
  });
});

describe('presenterSteps', () => {
  it('opening, then per area its figures, every question and obstacles/opportunities', () => {
    const steps = presenterSteps();
    expect(steps[0]).toEqual({ kind: 'opening' });
    expect(steps).toHaveLength(1 + WORKSHOP_AREAS.reduce((n, a) => n + a.questions.length + 2, 0));
    expect(steps[1]).toEqual({ kind: 'intro', areaId: 'routines' });
    expect(steps[2]).toEqual({ kind: 'question', areaId: 'routines', index: 0 });
    expect(steps.at(-1)).toEqual({ kind: 'reflect', areaId: 'communication' });
  });

  it('every figure the issue names opens at least one area', () => {
    const all = new Set(Object.values(AREA_FIGURES).flat());
    for (const f of ['coverageToday', 'coveragePossible', 'gapPatients', 'doctorsOverCapacity'] as const) expect(all.has(f)).toBe(true);
  });
});

describe('small helpers', () => {
  it('clamps timers to 30–60 minutes', () => {
    expect([clampTimerMinutes(10), clampTimerMinutes(44.6), clampTimerMinutes(99), clampTimerMinutes(NaN)]).toEqual([30, 45, 60, null]);
  });
  it('reads due dates as typed', () => {
    expect(parseDueDate('2027-03-15')).toBe('2027-03-15');
    expect(parseDueDate('20270315')).toBe('2027-03-15');
    expect(parseDueDate('2027-3-5')).toBe('2027-03-05');
    expect(parseDueDate(' ')).toBe('');
    expect(parseDueDate('2027-02-30')).toBeNull();
    expect(parseDueDate('2027031')).toBeNull();
  });
  it('holds back a tail of digits that may still become a personnummer, and nothing else', () => {
    const held = ['191212', '19121212', '19121212-', '19121212-121', '121212-1', '1212121', '121212121', 'Ring 121272', 'x 19121212 12'];
    const free = ['Ring 1212', '19121212-1212x', '2027-03-15', '121312', '070-123 45 67', '0701234567', 'Möte 191212 i dag', '1 100 patienter', ''];
    for (const t of held) expect(endsInPossiblePersonnummer(t), t).toBe(true);
    for (const t of free) expect(endsInPossiblePersonnummer(t), t).toBe(false);
    // Every prefix of a real personnummer typed at the end, from its date on, is held or refused.
    const pnr = '19121212-1212';
    for (let i = 6; i <= pnr.length; i++) {
      const t = `Patient ${pnr.slice(0, i)}`;
      expect(endsInPossiblePersonnummer(t) || findPersonnummerIn(t).length > 0, t).toBe(true);
    }
  });

  it('finds personnummer inside text, ignores dates and phone numbers, checks every text of a meeting', () => {
    expect(findPersonnummerIn('Patient 19121212-1212 ringde')).toEqual(['19121212-1212']);
    expect(findPersonnummerIn('Möte 2027-01-31, tel 070-123 45 67')).toEqual([]);
    // A wrong check digit still counts when the date is real (issue 12.1: better one false alarm).
    expect(findPersonnummerIn('121212-1213')).toEqual(['121212-1213']);
    expect(findPersonnummerIn('121312-1213')).toEqual([]);
    const m = meeting();
    expect(workshopHasPersonnummer(m)).toBe(false);
    expect(workshopHasPersonnummer(apply(m, { op: 'add', item: item('i', 'action', 'Ring', { owner: '191212121212' }) }))).toBe(true);
    expect(workshopHasPersonnummer(apply(m, { op: 'participants', text: 'Eva 121212-1212' }))).toBe(true);
  });
});
