import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getWorkshop } from '../../../src/lib/db/workshopRepo';
import { itemsOf } from '../../../src/lib/engine/workshop';
import { AppState } from '../../../src/lib/state/app.svelte';
import { WorkshopState } from '../../../src/lib/state/workshop.svelte';
import { uniqueDbName } from '../db/helpers';
import { memoryStorage } from './memoryStorage';

const TODAY = '2026-11-23';
const started: { app: AppState; ws: WorkshopState }[] = [];

async function setup(dbName = uniqueDbName('ws'), storage: ReturnType<typeof memoryStorage> | null = null) {
  let clock = Date.UTC(2026, 10, 23, 9);
  const app = new AppState({ dbName, today: TODAY, storage: null, requestPersistOnStart: false });
  await app.start();
  const ws = new WorkshopState(app, () => clock, storage);
  started.push({ app, ws });
  return { app, ws, advance: (ms: number) => (clock += ms) };
}

async function until(cond: () => boolean, what: string, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

afterEach(async () => {
  for (const { app, ws } of started.splice(0)) {
    ws.dispose();
    app.dispose();
  }
});

describe('WorkshopState: saved as typed', () => {
  it('stores each keystroke without a debounce: with every timer frozen, the database still gets the last one', async () => {
    const { app, ws } = await setup();
    expect(await ws.openLatestOrToday()).toBe(true);
    expect(ws.meetingDate).toBe(TODAY);
    // Frozen clocks: a debounced save (setTimeout) would never run. IndexedDB (fake-indexeddb) runs
    // on setImmediate, which stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const id = ws.capture('routines', 'note', null, { text: 'R' })!;
      expect(id).toBeTruthy();
      // Shown at once, before anything committed.
      expect(itemsOf(ws.workshop!, 'routines', 'note').map((n) => n.text)).toEqual(['R']);
      ws.capture('routines', 'note', id, { text: 'Ru' });
      ws.capture('routines', 'note', id, { text: 'Rut' });
      expect(ws.status).toBe('saving');
      let seen: string[] = [];
      for (let i = 0; i < 500 && seen[0] !== 'Rut'; i++) {
        await new Promise((r) => setImmediate(r));
        const row = await app.db.workshops.get(ws.workshop!.id);
        seen = Object.values(row?.items ?? {}).map((x) => x.text);
      }
      expect(seen).toEqual(['Rut']);
    } finally {
      vi.useRealTimers();
    }
    expect(await ws.flush()).toBe(true);
    expect(ws.status).toBe('saved');
  });

  it('captures each kind with its fields; an action gets owner and due date as typed', async () => {
    const { app, ws } = await setup();
    await ws.openLatestOrToday();
    ws.capture('staff', 'obstacle', null, { text: 'Få läkare i juli' });
    ws.capture('staff', 'opportunity', null, { text: 'Parläkare' });
    const a = ws.capture('staff', 'action', null, { owner: 'Chef' })!;
    ws.setItem(a, { text: 'Semesterplan' });
    expect(ws.setDue(a, '2027031')).toBe(false); // not a date yet: nothing stored
    expect(ws.setDue(a, '20270315')).toBe(true);
    await ws.flush();
    const stored = (await getWorkshop(app.db, ws.workshop!.id))!;
    expect(itemsOf(stored, 'staff', 'obstacle')[0].text).toBe('Få läkare i juli');
    expect(itemsOf(stored, 'staff', 'opportunity')[0].text).toBe('Parläkare');
    expect(itemsOf(stored, 'staff', 'action')[0]).toMatchObject({ text: 'Semesterplan', owner: 'Chef', due: '2027-03-15', done: false });
    // An empty capture creates nothing; a field emptied and left is removed.
    expect(ws.capture('staff', 'note', null, { text: '   ' })).toBeNull();
    const n = ws.capture('staff', 'note', null, { text: 'x' })!;
    ws.setItem(n, { text: '' });
    ws.removeIfBlank(n);
    await ws.flush();
    expect(itemsOf((await getWorkshop(app.db, ws.workshop!.id))!, 'staff', 'note')).toEqual([]);
  });

  it('refuses text with a personnummer: kept in its field, never stored, cleared when corrected', async () => {
    const { app, ws } = await setup();
    await ws.openLatestOrToday();
    const id = ws.capture('staff', 'note', null, { text: 'Patient' })!;
    expect(ws.setItem(id, { text: 'Patient 19121212-1212' })).toBe(false);
    expect(ws.unsaved[`${id}:text`]).toEqual({ text: 'Patient 19121212-1212', refused: true });
    expect(ws.error).toMatch(/personnummer/);
    expect(ws.capture('staff', 'obstacle', null, { text: '121212-1212' })).toBeNull();
    expect(ws.setParticipants('Eva 121212-1212', true)).toBe(false);
    await ws.flush();
    const stored = (await getWorkshop(app.db, ws.workshop!.id))!;
    expect(JSON.stringify(stored)).not.toMatch(/1212-1212/);
    expect(itemsOf(stored, 'staff', 'note')[0].text).toBe('Patient');
    ws.setItem(id, { text: 'Patienten ringde' });
    ws.capture('staff', 'obstacle', null, { text: 'Långa köer' });
    ws.setParticipants('Eva');
    expect(ws.unsaved).toEqual({});
    expect(ws.error).toBeNull();
  });

  it('typed digit by digit, no part of a personnummer is ever stored (nine digits fix the check digit)', async () => {
    const { app, ws } = await setup();
    await ws.openLatestOrToday();
    const typeInto = (text: string, start: string | null = null) => {
      let id = start;
      for (let i = 1; i <= text.length; i++) id = ws.capture('staff', 'note', id, { text: text.slice(0, i) }) ?? id;
      return id!;
    };
    const typed = 'Ring 19121212-1212 i morgon';
    const id = typeInto(typed);
    await ws.flush();
    const stored = JSON.stringify(await app.db.workshops.toArray());
    expect(stored).toContain('Ring ');
    expect(stored).not.toMatch(/191212|121212|1212-/);
    expect(ws.unsaved[`${id}:text`]).toEqual({ text: typed, refused: true });
    // A date typed at the end waits for the field to be finished, then is stored as typed.
    const d = typeInto('Nästa möte 20270315');
    await ws.flush();
    expect((await getWorkshop(app.db, ws.workshop!.id))!.items[d].text).toBe('Nästa möte 2027031');
    expect(ws.capture('staff', 'note', d, { text: 'Nästa möte 20270315' }, 'draft', true)).toBe(d);
    await ws.flush();
    expect((await getWorkshop(app.db, ws.workshop!.id))!.items[d].text).toBe('Nästa möte 20270315');
  });
});

describe('WorkshopState: a write that fails', () => {
  it('keeps what could not be stored (storage full), still shows it, and writes it again', async () => {
    const { app, ws } = await setup();
    await ws.openLatestOrToday();
    const real = app.db.transaction.bind(app.db) as (...a: unknown[]) => unknown;
    let failures = 1;
    const spy = vi.spyOn(app.db, 'transaction').mockImplementation(((...args: unknown[]) =>
      failures-- > 0 ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : real(...args)) as never);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const id = ws.capture('staff', 'note', null, { text: 'Viktig anteckning' })!;
      expect(await ws.flush()).toBe(false);
      expect(ws.status).toBe('error');
      expect(ws.error).toMatch(/sparas igen om en stund/);
      expect(itemsOf(ws.workshop!, 'staff', 'note').map((n) => n.text)).toEqual(['Viktig anteckning']);
      expect((await getWorkshop(app.db, ws.workshop!.id))!.items).toEqual({});
      vi.advanceTimersByTime(2000);
      vi.useRealTimers();
      await until(() => ws.status === 'saved', 'the retry');
      expect((await getWorkshop(app.db, ws.workshop!.id))!.items[id].text).toBe('Viktig anteckning');
      expect(ws.error).toBeNull();
    } finally {
      vi.useRealTimers();
      spy.mockRestore();
    }
  });
});

describe('WorkshopState: a page closed before its writes committed', () => {
  it('keeps what is not yet committed in the journal on pagehide, and the next start stores it', async () => {
    const storage = memoryStorage();
    const name = uniqueDbName('ws-journal');
    const closing = await setup(name, storage);
    await closing.ws.openLatestOrToday();
    const meetingId = closing.ws.workshop!.id;
    const id = closing.ws.capture('routines', 'note', null, { text: 'Sista meningen före stängning' })!;
    closing.ws.capture('routines', 'action', null, { text: 'Åtgärd i sista stund' });
    // The page hides at once (same task): the edits are in the journal, synchronously.
    closing.ws.flushNow();
    const key = [...storage.map.keys()][0];
    expect(key).toMatch(/^kapacitet:apt-unsaved:/);
    expect(storage.map.get(key)).toContain('Sista meningen före stängning');
    // Suppose the tab died here: its writes never reached the database.
    const entry = storage.map.get(key)!;
    await closing.ws.flush();
    expect(storage.map.size).toBe(0); // a live tab clears its own journal once committed
    await closing.app.db.workshops.update(meetingId, { items: {} });
    storage.map.set(key, entry);
    // The next page replays it before reading.
    const next = await setup(name, storage);
    await next.ws.openLatestOrToday();
    expect(itemsOf(next.ws.workshop!, 'routines', 'note').map((n) => n.text)).toEqual(['Sista meningen före stängning']);
    expect(itemsOf(next.ws.workshop!, 'routines', 'action').map((n) => n.text)).toEqual(['Åtgärd i sista stund']);
    expect(next.ws.workshop!.items[id]).toBeDefined();
    expect(storage.map.size).toBe(0);
  });

  it('writes no journal when nothing is pending, and never a refused personnummer', async () => {
    const storage = memoryStorage();
    const { ws } = await setup(uniqueDbName('ws-journal2'), storage);
    await ws.openLatestOrToday();
    ws.flushNow();
    expect(storage.map.size).toBe(0);
    ws.capture('staff', 'note', null, { text: 'Patient 19121212-1212' });
    ws.setTitle('APT 121212-1212');
    ws.flushNow();
    expect(storage.map.size).toBe(0);
  });
});

describe('WorkshopState: two tabs on one meeting', () => {
  it('both notes survive when two tabs add one at the same moment, and each tab shows both', async () => {
    const name = uniqueDbName('ws-tabs');
    const a = await setup(name);
    const b = await setup(name);
    await a.ws.openLatestOrToday();
    await b.ws.openLatestOrToday();
    expect(b.ws.workshop!.id).toBe(a.ws.workshop!.id);
    const ia = a.ws.capture('routines', 'note', null, { text: 'Från flik A' })!;
    const ib = b.ws.capture('routines', 'note', null, { text: 'Från flik B' })!;
    a.ws.capture('routines', 'note', ia, { text: 'Från flik A, klart' });
    b.ws.setTitle('Titel från B');
    await Promise.all([a.ws.flush(), b.ws.flush()]);
    const texts = (ws: WorkshopState) => itemsOf(ws.workshop!, 'routines', 'note').map((n) => n.text).sort();
    await until(() => texts(a.ws).length === 2 && texts(b.ws).length === 2, 'both tabs to show both notes');
    expect(texts(a.ws)).toEqual(['Från flik A, klart', 'Från flik B']);
    expect(texts(b.ws)).toEqual(texts(a.ws));
    await until(() => a.ws.workshop!.title === 'Titel från B', 'the title from tab B in tab A');
    const stored = (await getWorkshop(a.app.db, a.ws.workshop!.id))!;
    expect(Object.keys(stored.items).sort()).toEqual([ia, ib].sort());
  });
});

describe('WorkshopState: meetings over time', () => {
  it('carries open actions into the next meeting; done in either meeting is one stored status', async () => {
    const { app, ws } = await setup();
    await ws.open('2026-09-01');
    ws.setTitle('Höstens APT');
    const act = ws.capture('routines', 'action', null, { text: 'Skriv om rutinen', owner: 'Eva' })!;
    ws.capture('routines', 'action', null, { text: 'Redan klar' });
    await ws.flush();
    const sept = ws.workshop!.id;
    await ws.open('2026-12-01');
    await until(() => ws.meetings.length === 2, 'both meetings listed');
    expect(ws.earlier.map((m) => m.title)).toEqual(['Höstens APT']);
    expect(ws.carried.map((c) => c.item.text).sort()).toEqual(['Redan klar', 'Skriv om rutinen']);
    // Marked done in December's meeting (prepared ahead, today is 23 November): stored in
    // September's, once, done at December's meeting.
    ws.setActionDone(sept, act, true);
    await ws.flush();
    const stored = (await getWorkshop(app.db, sept))!;
    expect(stored.items[act]).toMatchObject({ done: true, doneOn: '2026-12-01' });
    expect(Object.values((await getWorkshop(app.db, ws.workshop!.id))!.items)).toEqual([]);
    // Still shown in December (it was open on that date) and done in both.
    expect(ws.carried.find((c) => c.item.id === act)?.item.done).toBe(true);
    expect(ws.meetings.find((m) => m.id === sept)?.items[act].done).toBe(true);
    // A later meeting no longer carries it.
    await ws.open('2027-02-01');
    expect(ws.carried.map((c) => c.item.text)).toEqual(['Redan klar']);
    // Reopened: earlier meetings by date.
    await ws.open('2026-09-01');
    expect(ws.workshop!.title).toBe('Höstens APT');
    expect(ws.carried).toEqual([]);
  });

  it('opens the latest meeting on entering, and a fresh tab finds what this one stored', async () => {
    const { app, ws } = await setup();
    await ws.open('2026-12-01');
    ws.setParticipants('Eva\nPer');
    await ws.flush();
    const fresh = new WorkshopState(app);
    await fresh.openLatestOrToday();
    expect(fresh.workshop?.participants).toBe('Eva\nPer');
    fresh.dispose();
  });

  it('removes the open meeting; minutes hold what was captured', async () => {
    const { app, ws } = await setup();
    await ws.open('2026-12-01');
    ws.capture('communication', 'opportunity', null, { text: '=SUMMA(A1)' });
    await ws.flush();
    const min = ws.minutes()!;
    expect(min.areas[2].opportunities).toEqual(['=SUMMA(A1)']);
    expect(min.unitName).toBe(app.unit?.name);
    await ws.remove();
    expect(ws.workshop).toBeNull();
    expect(await app.db.workshops.count()).toBe(0);
  });
});

describe('WorkshopState: timers and presenter', () => {
  it('timer counts down, pauses, and announces half-time, two minutes left and the end once each', async () => {
    const { ws, advance } = await setup();
    await ws.openLatestOrToday();
    expect(ws.setTimerMinutes('routines', 30)).toBe(true);
    expect(ws.setTimerMinutes('routines', 90)).toBe(false);
    const t = ws.timers;
    expect(t.durationMs('routines')).toBe(30 * 60_000);
    t.start('routines');
    advance(10 * 60_000);
    t.tick();
    expect(t.remainingMs('routines')).toBe(20 * 60_000);
    expect(ws.announcement).toBe('');
    t.pause('routines');
    advance(60 * 60_000);
    t.tick();
    expect(t.remainingMs('routines')).toBe(20 * 60_000);
    t.toggle('routines');
    advance(5 * 60_000 + 1);
    t.tick();
    expect(ws.announcement).toMatch(/Halva tiden/);
    const half = ws.announcement;
    advance(1000);
    t.tick();
    expect(ws.announcement).toBe(half);
    advance(13 * 60_000);
    t.tick();
    expect(ws.announcement).toMatch(/Två minuter kvar/);
    advance(2 * 60_000);
    t.tick();
    expect(ws.announcement).toMatch(/Tiden för Område 1: Rutiner och arbetssätt är slut/);
    expect(t.remainingMs('routines')).toBe(0);
    expect(t.running('routines')).toBe(false);
    t.reset('routines');
    expect(t.remainingMs('routines')).toBe(30 * 60_000);
  });

  it('the presenter steps through questions and areas, stops at both ends and moves the view along', async () => {
    const { ws } = await setup();
    await ws.openLatestOrToday();
    ws.activeArea = 'staff';
    ws.enterProjector();
    const p = ws.presenter;
    expect(p.step).toEqual({ kind: 'intro', areaId: 'staff' });
    expect(p.next()).toBe(true);
    expect(p.step).toEqual({ kind: 'question', areaId: 'staff', index: 0 });
    expect(p.position).toMatchObject({ area: 2, areas: 3, question: 1 });
    while (p.areaId === 'staff') p.next();
    expect(p.step).toEqual({ kind: 'intro', areaId: 'communication' });
    expect(ws.activeArea).toBe('communication');
    while (p.next());
    expect(p.atEnd).toBe(true);
    while (p.previous());
    expect(p.step).toEqual({ kind: 'opening' });
    expect(p.areaId).toBeNull();
    // Re-entering keeps the place when it is in the view's area.
    p.goToArea('routines');
    p.next();
    ws.leaveProjector();
    ws.enterProjector();
    expect(p.step).toEqual({ kind: 'question', areaId: 'routines', index: 0 });
  });
});
