import { describe, expect, it } from 'vitest';
import {
  clampTimerMinutes,
  parseDueDate,
  createWorkshop,
  findPersonnummerIn,
  nextActionId,
  workshopHasPersonnummer,
  workshopToSheetRows,
} from '../../../src/lib/engine/workshop';
import { WORKSHOP_AREAS } from '../../../src/lib/strings/workshop.sv';

function sample() {
  const w = createWorkshop({ id: 'w1', unitId: 'u1', meetingDate: '2026-11-24', now: Date.UTC(2026, 10, 23, 8) });
  w.areas[0].notes = 'Rutinen finns men är okänd.\n\nNya läkare får ingen introduktion.';
  w.areas[0].obstacles = ['Ingen äger rutinen'];
  w.areas[0].opportunities = ['Ta upp rutinen på varje APT'];
  w.areas[0].actions = [{ id: 'a1', what: 'Skriv om rutinen', who: 'Eva (MLA)', due: '2027-01-31', done: false }];
  w.areas[2].actions = [{ id: 'a1', what: '=HYPERLINK("x")', who: 'Per', due: '', done: true }];
  return w;
}

describe('createWorkshop', () => {
  it('has the three areas with empty notes and a 45 minute timer', () => {
    const w = createWorkshop({ id: 'w', unitId: 'u', meetingDate: '2026-11-24', now: 0 });
    expect(w.areas.map((a) => a.areaId)).toEqual(['routines', 'staff', 'communication']);
    expect(w.areas.every((a) => a.notes === '' && a.actions.length === 0 && a.timerMinutes === 45)).toBe(true);
  });
});

describe('workshopToSheetRows', () => {
  const rows = workshopToSheetRows(sample(), { unitName: 'VC Exempel' });
  const flat = rows.map((r) => r.join('|'));

  it('starts with heading, unit, title and meeting date', () => {
    expect(rows[0][0]).toMatch(/Arbetsplatsträff/);
    expect(rows[1]).toEqual(['Enhet', 'VC Exempel']);
    expect(rows[3]).toEqual(['Mötesdatum', '2026-11-24']);
    expect(rows[4]).toEqual(['Senast ändrad', '2026-11-23']);
  });

  it('writes every area with its questions, one paragraph a row, and the actions as a table', () => {
    for (const a of WORKSHOP_AREAS) {
      expect(flat).toContain(`Område|${a.title}`);
      expect(flat.filter((l) => a.questions.some((q) => l.endsWith(`|${q}`)))).toHaveLength(a.questions.length);
    }
    expect(flat).toContain('|Rutinen finns men är okänd.');
    expect(flat).toContain('|Nya läkare får ingen introduktion.');
    expect(flat).not.toContain('|'); // blank paragraph dropped
    expect(flat).toContain('|Ingen äger rutinen');
    expect(flat).toContain('|Skriv om rutinen|Eva (MLA)|2027-01-31|nej');
    expect(flat).toContain('|=HYPERLINK("x")|Per||ja');
    expect(flat).toContain('Avsatt tid (minuter)|45');
  });

  it('marks empty sections with a dash', () => {
    const staffStart = flat.indexOf(`Område|${WORKSHOP_AREAS[1].title}`);
    const staffBlock = flat.slice(staffStart);
    expect(staffBlock[staffBlock.indexOf('Hinder') + 1]).toBe('|–');
  });

  it('only strings, numbers and booleans/null, never nested values', () => {
    for (const r of rows) for (const c of r) expect(['string', 'number', 'boolean'].includes(typeof c) || c === null).toBe(true);
  });
});

describe('personnummer in notes', () => {
  it('finds valid numbers inside text, ignores dates and phone numbers', () => {
    expect(findPersonnummerIn('Patient 19121212-1212 ringde')).toEqual(['19121212-1212']);
    expect(findPersonnummerIn('ring 121212-1212.')).toEqual(['121212-1212']);
    expect(findPersonnummerIn('Möte 2027-01-31, tel 070-123 45 67')).toEqual([]);
    expect(findPersonnummerIn('121212-1213')).toEqual([]); // wrong check digit
  });
  it('checks every text field of a workshop', () => {
    const w = sample();
    expect(workshopHasPersonnummer(w)).toBe(false);
    w.areas[1].actions.push({ id: 'a1', what: 'Ring', who: '191212121212', due: '', done: false });
    expect(workshopHasPersonnummer(w)).toBe(true);
  });
});

describe('helpers', () => {
  it('clamps timer minutes to 30–60', () => {
    expect(clampTimerMinutes(10)).toBe(30);
    expect(clampTimerMinutes(45.4)).toBe(45);
    expect(clampTimerMinutes(90)).toBe(60);
    expect(clampTimerMinutes(NaN)).toBeNull();
  });
  it('reads due dates as typed', () => {
    expect(parseDueDate('2027-03-15')).toBe('2027-03-15');
    expect(parseDueDate('20270315')).toBe('2027-03-15');
    expect(parseDueDate(' 2027-3-5 ')).toBe('2027-03-05');
    expect(parseDueDate('')).toBe('');
    expect(parseDueDate('2027-02-30')).toBeNull();
    expect(parseDueDate('15/3')).toBeNull();
    expect(parseDueDate('270315')).toBeNull();
  });
  it('gives unused action ids', () => {
    expect(nextActionId([])).toBe('a1');
    expect(nextActionId([{ id: 'a2', what: '', who: '', due: '', done: false }])).toBe('a3');
  });
});
