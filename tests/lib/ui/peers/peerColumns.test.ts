import { describe, expect, it } from 'vitest';
import { computePlan, createDemoPlan, explain, fmt } from '../../../../src/lib/engine/index';
import { COMPUTED_KEYS, DOCTOR_COLUMNS, displayComputed } from '../../../../src/lib/ui/doctors/columns';
import { PEER_COMPUTED_KEYS } from '../../../../src/lib/ui/peers/peerColumns';

describe('the grid’s free places and visits per working day (issue 16.2, 16.4)', () => {
  const plan = createDemoPlan();
  plan.doctors[0] = { ...plan.doctors[0], extra: { agreedListSize: 900 } };
  const r = computePlan(plan, { today: '2026-11-23' });

  it('are computed columns of the doctor grid that open their explanation', () => {
    for (const k of PEER_COMPUTED_KEYS) {
      expect(COMPUTED_KEYS).toContain(k);
      expect(DOCTOR_COLUMNS.find((c) => c.key === k)?.kind).toBe('computed');
      const e = explain(plan, r, `doctors.${r.doctors[0].id}.${k}`);
      expect(e?.formula, k).toBeTruthy();
    }
  });

  it('show capacity − listed and capacity − agreed size with their sign, and the day through fmt', () => {
    const d = r.doctors[0];
    const capacity = plan.model === 'time' ? d.capacityTime : d.capacityGuideline;
    expect(d.freePlaces).toBe(capacity - plan.doctors[0].listed!);
    expect(displayComputed(d, 'freePlaces')).toBe(fmt.patients(d.freePlaces!));
    expect(d.freePlacesAgreed).toBe(capacity - 900);
    expect(displayComputed(d, 'freePlacesAgreed')).toBe(fmt.patients(d.freePlacesAgreed!));
    expect(displayComputed(d, 'visitsPerDay')).toBe(fmt.perDay(d.visitsPerDay!));
    // A list larger than the capacity reads negative; no agreement reads "–".
    const over = r.doctors.find((x) => (x.freePlaces ?? 0) < 0)!;
    expect(displayComputed(over, 'freePlaces')).toMatch(/^[−-]\s?\d/);
    expect(displayComputed(r.doctors[1], 'freePlacesAgreed')).toBe('–');
  });
});
