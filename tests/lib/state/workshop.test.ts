import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getWorkshop } from '../../../src/lib/db/workshopRepo';
import { AppState } from '../../../src/lib/state/app.svelte';
import { WorkshopState } from '../../../src/lib/state/workshop.svelte';

const TODAY = '2026-11-23';
let n = 0;
const started: { app: AppState; ws: WorkshopState }[] = [];

async function setup() {
  let clock = Date.UTC(2026, 10, 23, 9);
  const app = new AppState({ dbName: `ws-${++n}-${Date.now()}`, today: TODAY, storage: null });
  await app.start();
  const ws = new WorkshopState(app, () => clock);
  started.push({ app, ws });
  return { app, ws, advance: (ms: number) => (clock += ms) };
}

afterEach(async () => {
  for (const { app, ws } of started.splice(0)) {
    ws.dispose();
    app.db.close();
    await app.db.delete();
  }
});

describe('WorkshopState', () => {
  it('opens today when the unit has no meeting, edits and saves to the database', async () => {
    const { app, ws } = await setup();
    expect(await ws.openLatestOrToday()).toBe(true);
    expect(ws.meetingDate).toBe(TODAY);
    ws.setNotes('routines', 'Rutinen är okänd för nya.');
    expect(ws.addItem('routines', 'obstacles', '  Ingen äger rutinen ')).toBe(true);
    expect(ws.addItem('routines', 'obstacles', '   ')).toBe(false);
    const actionId = ws.addAction('routines')!;
    ws.updateAction('routines', actionId, { what: 'Utse ägare', who: 'Chef', due: '2027-01-15' });
    expect(ws.status).toBe('pending');
    expect(await ws.flush()).toBe(true);
    expect(ws.status).toBe('saved');
    const stored = await getWorkshop(app.db, ws.workshop!.id);
    expect(stored?.areas[0].notes).toBe('Rutinen är okänd för nya.');
    expect(stored?.areas[0].obstacles).toEqual(['Ingen äger rutinen']);
    expect(stored?.areas[0].actions[0]).toMatchObject({ what: 'Utse ägare', who: 'Chef', due: '2027-01-15', done: false });
    // The export rows are built from the same notes.
    expect(ws.sheetRows().map((r) => r.join('|'))).toContain('|Utse ägare|Chef|2027-01-15|nej');
  });

  it('refuses a personnummer: not stored, error shown, earlier text kept in the database', async () => {
    const { app, ws } = await setup();
    await ws.openLatestOrToday();
    expect(ws.addItem('staff', 'opportunities', 'Ring 19121212-1212')).toBe(false);
    ws.setNotes('staff', 'Bra samtal');
    await ws.flush();
    ws.setNotes('staff', 'Patient 121212-1212 väntar');
    expect(await ws.flush()).toBe(false);
    expect(ws.status).toBe('error');
    expect(ws.error).toMatch(/personnummer/);
    expect((await getWorkshop(app.db, ws.workshop!.id))?.areas[1].notes).toBe('Bra samtal');
  });

  it('reopens the latest meeting and keeps meetings of different dates apart', async () => {
    const { ws } = await setup();
    await ws.open('2026-09-01');
    ws.setTitle('Höstens APT');
    await ws.flush();
    await ws.open('2026-12-01');
    ws.setTitle('Decembermötet');
    await ws.flush();
    // The live list of the unit's meetings, newest first.
    const t0 = Date.now();
    while (ws.meetings.length < 2 && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 10));
    expect(ws.meetings.map((m) => m.title)).toEqual(['Decembermötet', 'Höstens APT']);
    const fresh = new WorkshopState(started[0].app);
    await fresh.openLatestOrToday();
    expect(fresh.workshop?.title).toBe('Decembermötet');
    await fresh.open('2026-09-01');
    expect(fresh.workshop?.title).toBe('Höstens APT');
    fresh.dispose();
  });

  it('timer counts down, pauses, and announces half-time, two minutes left and the end once each', async () => {
    const { ws, advance } = await setup();
    await ws.openLatestOrToday();
    expect(ws.setTimerMinutes('routines', 30)).toBe(true);
    expect(ws.setTimerMinutes('routines', 90)).toBe(false);
    expect(ws.durationMs('routines')).toBe(30 * 60_000);
    ws.startTimer('routines');
    advance(10 * 60_000);
    ws.tick();
    expect(ws.remainingMs('routines')).toBe(20 * 60_000);
    expect(ws.announcement).toBe('');
    ws.pauseTimer('routines');
    advance(60 * 60_000); // paused: no time passes
    ws.tick();
    expect(ws.remainingMs('routines')).toBe(20 * 60_000);
    ws.startTimer('routines');
    advance(5 * 60_000 + 1);
    ws.tick();
    expect(ws.announcement).toMatch(/Halva tiden/);
    const half = ws.announcement;
    advance(1000);
    ws.tick();
    expect(ws.announcement).toBe(half); // not repeated every second
    advance(13 * 60_000);
    ws.tick();
    expect(ws.announcement).toMatch(/Två minuter kvar/);
    advance(2 * 60_000);
    ws.tick();
    expect(ws.announcement).toMatch(/Tiden för Område 1: Rutiner och arbetssätt är slut/);
    expect(ws.remainingMs('routines')).toBe(0);
    expect(ws.timers.routines.running).toBe(false);
    ws.resetTimer('routines');
    expect(ws.remainingMs('routines')).toBe(30 * 60_000);
  });
});
