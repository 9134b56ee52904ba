import { describe, expect, it } from 'vitest';
import type { Doctor } from '../../../src/lib/engine/index';
import { NBSP } from '../../../src/lib/engine/index';
import { displayInput, parseCategory, parseInput, parseRow, setDutyHours } from '../../../src/lib/ui/doctors/columns';

const anna: Doctor = { id: 'd1', name: 'Anna A', category: 'specialist', employment: 1, duties: [] };

describe('doctor columns', () => {
  it('parses Swedish numbers, percent and plain percent numbers for employment', () => {
    expect(parseInput(anna, 'employment', '80 %')).toEqual({ ok: true, patch: { employment: 0.8 } });
    expect(parseInput(anna, 'employment', '0,75')).toEqual({ ok: true, patch: { employment: 0.75 } });
    expect(parseInput(anna, 'employment', '60')).toEqual({ ok: true, patch: { employment: 0.6 } });
    expect(parseInput(anna, 'employment', '140 %').ok).toBe(false);
    expect(parseInput(anna, 'employment', 'heltid').ok).toBe(false);
  });
  it('parses lists with thousands separators and refuses decimals and negatives', () => {
    expect(parseInput(anna, 'listed', `1${NBSP}250`)).toEqual({ ok: true, patch: { listed: 1250 } });
    expect(parseInput(anna, 'listed', '1 250')).toEqual({ ok: true, patch: { listed: 1250 } });
    expect(parseInput(anna, 'listed', '12,5').ok).toBe(false);
    expect(parseInput(anna, 'listed', '-3').ok).toBe(false);
    expect(parseInput(anna, 'listed', '')).toEqual({ ok: true, patch: { listed: undefined } });
  });
  it('reads categories in Swedish or English', () => {
    expect(parseCategory('ST')).toBe('st');
    expect(parseCategory('hyrläkare')).toBe('locum');
    expect(parseCategory('Geriatrician')).toBe('geriatrician');
    expect(parseCategory('kirurg')).toBeNull();
  });
  it('refuses a personal identity number as a name or fictive list name', () => {
    expect(parseInput(anna, 'name', '19121212-1212').ok).toBe(false);
    expect(parseInput(anna, 'fictiveListName', '19121212-1212').ok).toBe(false);
    expect(parseInput(anna, 'fictiveListName', 'VC Exempel Dr Berg')).toEqual({ ok: true, patch: { fictiveListName: 'VC Exempel Dr Berg' } });
    expect(parseInput(anna, 'fictiveListName', '')).toEqual({ ok: true, patch: { fictiveListName: undefined } });
  });
  it('sets duty hours per kind, keeping labels, adding and removing', () => {
    const d = setDutyHours([{ kind: 'supervision', hoursPerWeek: 2, label: 'ST' }], 'supervision', 3);
    expect(d).toEqual([{ kind: 'supervision', hoursPerWeek: 3, label: 'ST' }]);
    expect(setDutyHours(d, 'research', 4)).toEqual([...d, { kind: 'research', hoursPerWeek: 4 }]);
    expect(setDutyHours(d, 'supervision', 0)).toEqual([]);
    const two = [
      { kind: 'other' as const, hoursPerWeek: 1, label: 'a' },
      { kind: 'other' as const, hoursPerWeek: 2, label: 'b' },
    ];
    expect(setDutyHours(two, 'other', 5)).toEqual([{ kind: 'other', hoursPerWeek: 3, label: 'a' }, two[1]]);
    expect(setDutyHours(two, 'other', 1)).toEqual([{ kind: 'other', hoursPerWeek: 1, label: 'a + b' }]);
  });
  it('applies a pasted row cell by cell, collecting errors', () => {
    const out = parseRow(anna, [
      { col: 'employment', text: '50 %' },
      { col: 'duty.supervision', text: '2,5' },
      { col: 'duty.research', text: 'x' },
      { col: 'careWeight', text: '1,2' },
    ]);
    expect(out.patch).toEqual({ employment: 0.5, duties: [{ kind: 'supervision', hoursPerWeek: 2.5 }], careWeight: 1.2 });
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0].col).toBe('duty.research');
  });
  it('shows values in sv-SE', () => {
    const d: Doctor = { ...anna, employment: 0.8, listed: 1250, duties: [{ kind: 'meetings', hoursPerWeek: 1.5 }] };
    expect(displayInput(d, 'employment')).toBe(`80${NBSP}%`);
    expect(displayInput(d, 'listed')).toBe(`1${NBSP}250`);
    expect(displayInput(d, 'duty.meetings')).toBe('1,5');
    expect(displayInput(d, 'category')).toBe('specialist');
  });
});

describe('computed doctor cells', () => {
  it('shows a load without capacity (the demo locum) as "∞", a normal load as a percent, an unknown one as "–"', async () => {
    const { computePlan, createDemoPlan, formatPercent } = await import('../../../src/lib/engine/index');
    const { displayComputed } = await import('../../../src/lib/ui/doctors/columns');
    const plan = createDemoPlan();
    const r = computePlan(plan, { today: '2026-11-23' });
    const locum = r.doctors.find((d) => plan.doctors.find((x) => x.id === d.id)?.category === 'locum')!;
    expect(locum.loadRatio).toBe(Infinity);
    expect(displayComputed(locum, 'loadRatio')).toBe('∞');
    const normal = r.doctors.find((d) => d.loadRatio !== null && Number.isFinite(d.loadRatio))!;
    expect(displayComputed(normal, 'loadRatio')).toBe(formatPercent(normal.loadRatio!));
    expect(displayComputed({ ...normal, loadRatio: null }, 'loadRatio')).toBe('–');
  });
});
