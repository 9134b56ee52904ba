import { describe, it, expect } from 'vitest';
import { createDemoPlan, computePlan, DEFAULT_TIME, PROFILES, resolveTime } from '../../../../src/lib/engine/index';
import { loadText, profileRows, reportDate, timeRows } from '../../../../src/lib/ui/offline/report';

const NBSP = '\u00a0';

describe('report helpers', () => {
  it('dates the report in Swedish words', () => {
    expect(reportDate('2026-11-23')).toBe('23 november 2026');
    expect(reportDate('2027-01-05')).toBe('5 januari 2027');
    expect(reportDate('inte ett datum')).toBe('inte ett datum');
  });

  it('states over-capacity in words, not only colour (domain.md §4 load)', () => {
    expect(loadText(1.35)).toEqual({ value: `135${NBSP}%`, flag: 'över kapacitet' });
    expect(loadText(0.9)).toEqual({ value: `90${NBSP}%`, flag: null });
    expect(loadText(1)).toEqual({ value: `100${NBSP}%`, flag: null });
    expect(loadText(null)).toEqual({ value: '–', flag: null });
    expect(loadText(Infinity).flag).toBe('lista utan kapacitet');
  });

  it('lists every time-model assumption, marks the unit\'s own values, and shows the default', () => {
    const plan = { ...createDemoPlan(), time: { weeksPerYear: 40, indirectShare: 0.35 } };
    const rows = timeRows(plan, resolveTime(plan), DEFAULT_TIME);
    expect(rows.map((r) => r.key)).toEqual([
      'fullTimeHours', 'weeksPerYear', 'indirectShare', 'plannedMinutes',
      'acuteMinutes', 'plannedShare', 'ownPatientShare', 'visitsPerPatientYear',
    ]);
    const weeks = rows.find((r) => r.key === 'weeksPerYear')!;
    expect(weeks).toMatchObject({ value: '40', defaultValue: '42', changed: true });
    // set to the default value: not a change
    expect(rows.find((r) => r.key === 'indirectShare')).toMatchObject({ value: `35${NBSP}%`, changed: false });
    expect(rows.find((r) => r.key === 'visitsPerPatientYear')).toMatchObject({ value: '1,5', changed: false });
  });

  it('shows the national profile\'s values with the ST ramp as a local assumption', () => {
    const rows = profileRows(PROFILES.national);
    const text = rows.map((r) => `${r.label}: ${r.value}${r.local ? ' (lokalt)' : ''}`).join('\n');
    expect(text).toContain(`1${NBSP}100 invånare per heltid`);
    expect(text).toContain('550 invånare per heltid');
    expect(text).toMatch(/275 vid ST-start, växer till 825 .*\(lokalt\)/);
    expect(text).toContain(`minst 55${NBSP}% av listade och minst 80${NBSP}% av SÄBO-boende`);
    // ST ramp and the 12-month employment default are the tool's own assumptions
    expect(rows.filter((r) => r.local).map((r) => r.label)).toHaveLength(2);
    expect(text).toMatch(/12 månader fram.*\(lokalt\)/);
  });

  it('shows VGR list limits, points, stimulus and the employment rule', () => {
    const text = profileRows(PROFILES.vgr).map((r) => `${r.label}: ${r.value}`).join('\n');
    expect(text).toContain(`600–2${NBSP}400 listade per heltid, högst 800 listningspoäng`);
    expect(text).toContain(`70${NBSP}%`);
    expect(text).toContain('12 kr per listningspoäng');
    expect(text).toContain('12 månader');
  });

  it('marks every value of a custom profile as the unit\'s own (local) assumption', () => {
    expect(profileRows(PROFILES.varmland, true).every((r) => r.local)).toBe(true);
    expect(profileRows(PROFILES.varmland).map((r) => r.value).join(' ')).toContain(`1${NBSP}500`);
  });

  it('the demo plan computes a result the report can show', () => {
    const plan = createDemoPlan();
    const result = computePlan(plan, { today: '2026-11-23' });
    expect(result.doctors.length).toBeGreaterThan(0);
    expect(timeRows(plan, result.time, DEFAULT_TIME)).toHaveLength(8);
  });
});
