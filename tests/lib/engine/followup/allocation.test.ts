import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALLOCATION_PRIORITIES,
  allocate,
  allocationReasonText,
  ageBandOf,
  groupPatients,
  isEligible,
  placementWhyText,
  slotsPerPatient,
  type AgeBand,
  type AllocationDoctor,
  type AllocationGroup,
} from '../../../../src/lib/engine/followup';

function doc(id: string, over: Partial<AllocationDoctor> = {}): AllocationDoctor {
  return { id, name: 'Dr ' + id, category: 'specialist', capacity: 1100, listed: 1000, careWeight: 1, ageGroup: 'all', base: 1100, ...over };
}

const doctorArb: fc.Arbitrary<AllocationDoctor> = fc
  .record({
    category: fc.constantFrom('specialist', 'st', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior' as const),
    capacity: fc.integer({ min: 0, max: 300 }),
    listed: fc.option(fc.integer({ min: 0, max: 350 }), { nil: null }),
    careWeight: fc.constantFrom(0.8, 1, 1.25, 1.5),
  })
  .map((r) => {
    const cat = r.category as AllocationDoctor['category'];
    const noList = cat === 'locum' || cat === 'junior';
    return {
      id: 'x',
      name: 'D',
      category: cat,
      capacity: noList ? 0 : r.capacity,
      listed: r.listed,
      careWeight: r.careWeight,
      ageGroup: cat === 'geriatrician' ? '65+' : cat === 'pediatrician' ? '0-17' : 'all',
      base: noList ? 0 : 1100,
    } as AllocationDoctor;
  });

const groupArb: fc.Arbitrary<AllocationGroup> = fc.record({
  priority: fc.constantFrom(...ALLOCATION_PRIORITIES),
  ageBand: fc.constantFrom<AgeBand>('0-17', '18-64', '65+', 'unknown'),
  careWeight: fc.option(fc.constantFrom(0.5, 1, 1.3, 2, 3), { nil: null }),
  count: fc.integer({ min: 0, max: 120 }),
});

const withIds = (ds: AllocationDoctor[]) => ds.map((d, i) => ({ ...d, id: 'd' + i }));

describe('allocate (domain.md §6) — properties', () => {
  it('never puts a doctor above capacity, respects eligibility, counts add up', () => {
    fc.assert(
      fc.property(fc.array(doctorArb, { minLength: 0, maxLength: 8 }), fc.array(groupArb, { maxLength: 10 }), (ds0, groups) => {
        const ds = withIds(ds0);
        const r = allocate(groups, ds);
        let assigned = 0;
        for (const a of r.doctors) {
          const d = ds.find((x) => x.id === a.doctorId)!;
          const listed = d.listed ?? 0;
          const used = a.shares.reduce((s, sh) => s + sh.count * slotsPerPatient(sh.careWeight, d), 0);
          expect(used).toBeCloseTo(a.slotsUsed, 6);
          // Never above capacity: new slots fit into the free room.
          expect(a.slotsUsed).toBeLessThanOrEqual(Math.max(0, d.capacity - listed) + 1e-6);
          for (const sh of a.shares) expect(isEligible(d, sh.ageBand)).toBe(true);
          if (d.category === 'locum' || d.category === 'junior') expect(a.assigned).toBe(0);
          assigned += a.assigned;
        }
        const total = groups.reduce((s, g) => s + g.count, 0);
        const left = r.unassigned.reduce((s, g) => s + g.count, 0);
        expect(assigned).toBe(r.totalAssigned);
        expect(assigned + left).toBe(total);
      }),
      { numRuns: 300 },
    );
  });

  it('priority first: a lower tier never changes what a higher tier received', () => {
    fc.assert(
      fc.property(
        fc.array(doctorArb, { minLength: 1, maxLength: 6 }),
        fc.array(groupArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 5 }),
        (ds0, groups, cut) => {
          const ds = withIds(ds0);
          const full = allocate(groups, ds);
          const head = allocate(
            groups.filter((g) => ALLOCATION_PRIORITIES.indexOf(g.priority) <= cut),
            ds,
          );
          for (const a of head.doctors) {
            const b = full.doctors.find((x) => x.doctorId === a.doctorId)!;
            const bHead = b.shares.filter((s) => ALLOCATION_PRIORITIES.indexOf(s.priority) <= cut);
            expect(bHead.map((s) => [s.priority, s.ageBand, s.careWeight, s.count])).toEqual(
              a.shares.map((s) => [s.priority, s.ageBand, s.careWeight, s.count]),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an unassigned patient had no eligible doctor with room (a trainee at their cap has none for priority patients)', () => {
    fc.assert(
      fc.property(fc.array(doctorArb, { maxLength: 6 }), fc.array(groupArb, { maxLength: 8 }), fc.option(fc.constantFrom(0, 0.18, 0.5, 1), { nil: undefined }), (ds0, groups, share) => {
        const ds = withIds(ds0);
        const r = allocate(groups, ds, share === undefined ? {} : { traineePriorityShare: share });
        for (const u of r.unassigned) {
          for (const a of r.doctors) {
            const d = ds.find((x) => x.id === a.doctorId)!;
            if (!isEligible(d, u.ageBand)) continue;
            const need = slotsPerPatient(u.careWeight, d);
            const capped = u.priority !== 'other' && a.traineeCap !== null && a.traineeCap !== undefined && (a.prioritySlots ?? 0) + need > a.traineeCap + 1e-6;
            if (!capped) expect(a.freeAfter + 1e-6).toBeLessThan(need + 1e-6);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a trainee never fills more than the cap of their free places with priority patients', () => {
    fc.assert(
      fc.property(fc.array(doctorArb, { minLength: 1, maxLength: 6 }), fc.array(groupArb, { maxLength: 8 }), fc.constantFrom(0, 0.1, 0.18, 0.5), (ds0, groups, share) => {
        const ds = withIds(ds0);
        const r = allocate(groups, ds, { traineePriorityShare: share });
        for (const a of r.doctors) {
          const d = ds.find((x) => x.id === a.doctorId)!;
          const prio = a.shares.filter((x) => x.priority !== 'other').reduce((t, x) => t + x.slots, 0);
          if (d.category === 'st') expect(prio).toBeLessThanOrEqual(Math.floor(share * a.freeBefore + 1e-9) + 1e-6);
          for (const sh of a.shares) expect(sh.why?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('allocate — examples', () => {
  it('balances towards equal load ratios', () => {
    const r = allocate(
      [{ priority: 'other', ageBand: '18-64', careWeight: null, count: 150 }],
      [doc('a', { listed: 1000 }), doc('b', { listed: 900 })],
    );
    const a = r.doctors[0];
    const b = r.doctors[1];
    expect(a.assigned + b.assigned).toBe(150);
    // 1000 + x = 900 + (150 − x) → x = 25
    expect(a.assigned).toBe(25);
    expect(b.assigned).toBe(125);
    expect(a.loadAfter).toBeCloseTo(b.loadAfter!, 2);
  });

  it('geriatrician only 65+, paediatrician only 0–17, locum and AT/BT none', () => {
    const ds = [
      doc('ger', { category: 'geriatrician', ageGroup: '65+', listed: 0 }),
      doc('ped', { category: 'pediatrician', ageGroup: '0-17', listed: 0 }),
      doc('loc', { category: 'locum', base: 0, capacity: 0, listed: 0 }),
      doc('at', { category: 'junior', base: 0, capacity: 0, listed: 0 }),
    ];
    const r = allocate(
      [
        { priority: 'other', ageBand: '65+', careWeight: null, count: 10 },
        { priority: 'other', ageBand: '0-17', careWeight: null, count: 5 },
        { priority: 'other', ageBand: '18-64', careWeight: null, count: 7 },
      ],
      ds,
    );
    expect(r.doctors[0].assigned).toBe(10);
    expect(r.doctors[1].assigned).toBe(5);
    expect(r.doctors[2].assigned).toBe(0);
    expect(r.doctors[3].assigned).toBe(0);
    expect(r.unassigned).toEqual([{ priority: 'other', ageBand: '18-64', careWeight: null, count: 7, cause: 'noEligibleDoctor' }]);
    expect(r.doctors[2].reasons[0].kind).toBe('noList');
    expect(allocationReasonText(r.doctors[2].reasons[0])).toContain('hyrläkare');
  });

  it('care weight: a patient of weight w uses w ÷ cw(d) slots', () => {
    const r = allocate(
      [{ priority: 'multimorbid', ageBand: '65+', careWeight: 2, count: 10 }],
      [doc('a', { capacity: 1000, listed: 990, careWeight: 1 })],
    );
    expect(r.doctors[0].assigned).toBe(5);
    expect(r.doctors[0].slotsUsed).toBe(10);
    expect(r.unassigned[0]).toMatchObject({ count: 5, cause: 'noCapacity' });
  });

  it('priority groups are served before others when capacity is short', () => {
    const r = allocate(
      [
        { priority: 'other', ageBand: '18-64', careWeight: null, count: 20 },
        { priority: 'palliative', ageBand: '65+', careWeight: null, count: 8 },
        { priority: 'multimorbid', ageBand: '65+', careWeight: null, count: 5 },
      ],
      [doc('a', { capacity: 100, listed: 90 })],
    );
    expect(r.priorityAssigned).toBe(10);
    expect(r.doctors[0].shares.map((s) => [s.priority, s.count])).toEqual([
      ['multimorbid', 5],
      ['palliative', 5],
    ]);
    const texts = r.doctors[0].reasons.map(allocationReasonText);
    expect(texts.join(' ')).toMatch(/Föreslås ta 10 patienter \(5 multisjuka, 5 palliativa\)/);
  });

  it('row-level groups keep the pseudonymous keys', () => {
    const groups = groupPatients([
      { key: 'k1', priority: 'other', ageBand: ageBandOf(70), careWeight: null },
      { key: 'k2', priority: 'other', ageBand: ageBandOf(70), careWeight: null },
      { key: 'k3', priority: 'nursingHome', ageBand: ageBandOf(90), careWeight: 1.5 },
    ]);
    expect(groups).toHaveLength(2);
    const r = allocate(groups, [doc('a', { listed: 0 }), doc('b', { listed: 0 })]);
    const keys = r.doctors.flatMap((d) => d.shares.flatMap((s) => s.keys ?? []));
    expect(keys.sort()).toEqual(['k1', 'k2', 'k3']);
  });

  it('competence (issue 16.6): the trainee gets at most the unit’s share of priority patients, the geriatrician takes 65+ first, each placement says why', () => {
    // The issue as a new user met it: the ST doctor had most of the free places and got every multimorbid patient.
    const ds = [
      doc('st', { name: 'ST Sara', category: 'st', capacity: 497, listed: 455 }), // 42 free
      doc('spec', { name: 'Anna', capacity: 1100, listed: 1090 }), // 10 free, load 99 %
      doc('ger', { name: 'Lars', category: 'geriatrician', ageGroup: '65+', capacity: 343, listed: 313 }), // 30 free, load 91 %
    ];
    const groups: AllocationGroup[] = [
      { priority: 'multimorbid', ageBand: 'unknown', careWeight: null, count: 60 },
      { priority: 'nursingHome', ageBand: '65+', careWeight: null, count: 20 },
      { priority: 'other', ageBand: '18-64', careWeight: null, count: 50 },
    ];
    // Before: no cap, and 65+ patients to the lowest load — the ST takes 42 multimorbid.
    const before = allocate(groups.slice(0, 1), ds);
    expect(before.doctors[0].shares[0]).toMatchObject({ priority: 'multimorbid', count: 42 });

    // The unit's share of priority patients: 1 772 of 9 800 listed = 18,1 % → 7 of the trainee's 42 places.
    const r = allocate(groups, ds, { traineePriorityShare: 1772 / 9800 });
    const [st, spec, ger] = r.doctors;
    expect(st.traineeCap).toBe(7);
    expect(st.shares.map((x) => [x.priority, x.count])).toEqual([
      ['multimorbid', 7],
      ['other', 35],
    ]);
    expect(st.assigned).toBe(42);
    // The SÄBO residents go to the geriatrician first, though the specialist has room too (and a lower load after one more).
    expect(ger.shares).toEqual([expect.objectContaining({ priority: 'nursingHome', count: 20, why: ['ageSpecialist'] })]);
    expect(spec.shares.map((x) => [x.priority, x.count])).toEqual([['multimorbid', 10]]);
    // Each placement says why, in words.
    expect(placementWhyText(ger.shares[0])).toBe('geriatriker tar 65 år och äldre först');
    expect(placementWhyText(spec.shares[0])).toContain('en ST-läkare med plats hade nått sitt tak för prioriterade');
    const stText = st.reasons.map(allocationReasonText).join(' ');
    expect(stText).toContain('ST-läkare: högst 18,1\u00a0% av de lediga platserna går till prioriterade grupper, alltså 7 platser; 7 används, taket är nått.');
    expect(ger.reasons.map(allocationReasonText)).toContain('Geriatriker får patienter som är 65 år och äldre före läkare utan åldersgrupp.');
    // Alone with a generalist at a much lower load, the geriatrician still takes the 65+ first.
    const alone = allocate(groups.slice(1, 2), [doc('spec', { name: 'Anna', capacity: 1100, listed: 500 }), ds[2]]);
    expect(alone.doctors.map((x) => x.assigned)).toEqual([0, 20]);
    expect(alone.doctors[1].shares[0].why).toEqual(['ageSpecialist']);
    // Those who found no place are said so; the free places add up to the unit's 82.
    expect(r.unassigned).toEqual([
      { priority: 'multimorbid', ageBand: 'unknown', careWeight: null, count: 43, cause: 'noCapacity' },
      { priority: 'other', ageBand: '18-64', careWeight: null, count: 15, cause: 'noCapacity' },
    ]);
    expect(r.freeSlots).toBe(82);
    expect(r.priorityAssigned).toBe(37);
  });

  it('an agreement below capacity sets the ceiling, and the reason says so', () => {
    const r = allocate(
      [{ priority: 'other', ageBand: '18-64', careWeight: null, count: 100 }],
      [doc('a', { capacity: 1100, listed: 1000, freeOpen: 50, agreedListSize: 1050 })],
    );
    expect(r.doctors[0].assigned).toBe(50);
    expect(r.doctors[0].reasons.map(allocationReasonText)).toContain('Den överenskomna listlängden 1\u00a0050 sätter taket (kapaciteten är 1\u00a0100).');
  });

  it('age bands', () => {
    expect(ageBandOf(0)).toBe('0-17');
    expect(ageBandOf(17)).toBe('0-17');
    expect(ageBandOf(18)).toBe('18-64');
    expect(ageBandOf(65)).toBe('65+');
    expect(ageBandOf(null)).toBe('unknown');
  });
});
