// The läkardel grid's pure helpers: view order and sort, paste mapping over collapsed groups,
// findings as marks, the stored layout, and the compact column set.
import { describe, expect, it } from 'vitest';
import { computePlan, createDemoPlan } from '../../../../src/lib/engine/index';
import { DOCTOR_COLUMNS, groupOf, visibleColumns } from '../../../../src/lib/ui/doctors/columns';
import { buildMarks, findingsRank } from '../../../../src/lib/ui/doctors/marks';
import { nextSort, sortIds, viewOrder } from '../../../../src/lib/ui/doctors/order';
import { mapPaste } from '../../../../src/lib/ui/doctors/paste';
import { readLayout } from '../../../../src/lib/ui/doctors/layout.svelte';

describe('sortIds / viewOrder / nextSort', () => {
  const v: Record<string, number | string | null> = { a: 3, b: null, c: 1, d: 3 };
  it('sorts numbers both ways, stable, with missing values last either way', () => {
    expect(sortIds(['a', 'b', 'c', 'd'], (id) => v[id], 'ascending')).toEqual(['c', 'a', 'd', 'b']);
    expect(sortIds(['a', 'b', 'c', 'd'], (id) => v[id], 'descending')).toEqual(['a', 'd', 'c', 'b']);
  });
  it('sorts text in Swedish order (å, ä, ö after z), ignoring case', () => {
    const names: Record<string, string> = { 1: 'Örn', 2: 'anna', 3: 'Åsa', 4: 'Zara', 5: 'Ärla', 6: 'Bo' };
    expect(sortIds(Object.keys(names), (id) => names[id], 'ascending').map((id) => names[id])).toEqual(['anna', 'Bo', 'Zara', 'Åsa', 'Ärla', 'Örn']);
  });
  it('shows the snapshot first, then doctors added since, and drops removed ones', () => {
    expect(viewOrder(['a', 'b', 'c', 'e'], ['c', 'x', 'a', 'b'])).toEqual(['c', 'a', 'b', 'e']);
    expect(viewOrder(['a', 'b'], null)).toEqual(['a', 'b']);
  });
  it('cycles ascending → descending → plan order', () => {
    expect(nextSort(null, 'listed')).toEqual({ key: 'listed', dir: 'ascending' });
    expect(nextSort({ key: 'listed', dir: 'ascending' }, 'listed')).toEqual({ key: 'listed', dir: 'descending' });
    expect(nextSort({ key: 'listed', dir: 'descending' }, 'listed')).toBeNull();
    expect(nextSort({ key: 'listed', dir: 'descending' }, 'name')).toEqual({ key: 'name', dir: 'ascending' });
  });
});

describe('visibleColumns', () => {
  it('compact: the key figures first, every group as one summary column', () => {
    const keys = visibleColumns(new Set()).map((c) => c.key);
    expect(keys.slice(0, 9)).toEqual(['name', 'category', 'employment', 'listed', 'capacityGuideline', 'capacityTime', 'loadRatio', 'findings', 'page']);
    // Then the peers' figures (free places against capacity and agreement, visits per working day), then the groups.
    expect(keys.slice(9)).toEqual(['freePlaces', 'freePlacesAgreed', 'visitsPerDay', 'group.st', 'group.duties', 'group.absence', 'group.list', 'group.careWeight', 'group.agreement']);
    expect(visibleColumns(new Set()).filter((c) => c.expands)).toHaveLength(6);
  });
  it('an expanded group shows its columns in place', () => {
    const keys = visibleColumns(new Set(['duties'])).map((c) => c.key);
    expect(keys).toContain('duty.supervision');
    expect(keys).not.toContain('group.duties');
    expect(keys.indexOf('duty.supervision')).toBe(keys.indexOf('group.st') + 1);
  });
  it('every input column belongs to a group or is a key figure', () => {
    for (const c of DOCTOR_COLUMNS) if (!['name', 'category', 'employment', 'listed'].includes(c.key) && c.kind !== 'computed' && c.kind !== 'link') expect(groupOf(c.key)).toBeDefined();
  });
});

describe('mapPaste', () => {
  it('maps a block over the full column order, hidden columns included, and names the groups reached', () => {
    const m = mapPaste(2, 'group.duties', [['2', '1,5'], ['', '3']]);
    expect(m.edits).toEqual([
      { row: 2, col: 'duty.supervision', text: '2' },
      { row: 2, col: 'duty.management', text: '1,5' },
      { row: 3, col: 'duty.supervision', text: '' },
      { row: 3, col: 'duty.management', text: '3' },
    ]);
    expect(m.groups).toEqual(['duties']);
    expect(m.skipped).toBe(0);
  });
  it('counts values that fall on computed columns instead of dropping them silently', () => {
    const m = mapPaste(0, 'listed', [['900', '1 000', '', '7']]);
    expect(m.edits).toEqual([{ row: 0, col: 'listed', text: '900' }]);
    expect(m.skipped).toBe(2);
  });
});

describe('buildMarks', () => {
  it('puts a finding on its cell, on the row marker and on the summary of a collapsed group', () => {
    const plan = createDemoPlan();
    plan.doctors[0].agreedUntil = '2020-01-01';
    const r = computePlan(plan, { today: '2026-01-15' });
    const { marks, rows } = buildMarks(r.findings, r.doctors, () => 'other');
    const id = plan.doctors[0].id;
    expect(marks[`${id}|agreedUntil`]?.level).toBe('warning');
    expect(marks[`${id}|group.agreement`]?.message).toContain('2020-01-01');
    expect(marks[`${id}|findings`]?.message).toContain('2020-01-01');
    expect(rows[id].count).toBe(r.findings.filter((f) => f.doctorId === id).length);
    expect(findingsRank(rows[id])).toBeGreaterThan(findingsRank(undefined));
  });
});

describe('readLayout', () => {
  it('keeps known groups and a well-formed sort, drops the rest', () => {
    expect(readLayout({ expanded: ['duties', 'nope', 'duties'], sort: { key: 'listed', dir: 'descending' } })).toEqual({ expanded: ['duties'], sort: { key: 'listed', dir: 'descending' } });
    expect(readLayout('junk')).toEqual({ expanded: [], sort: null });
    expect(readLayout({ expanded: ['st'], sort: { key: 'x', dir: 'up' } })).toEqual({ expanded: ['st'], sort: null });
  });
});
