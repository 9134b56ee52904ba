import { describe, expect, it } from 'vitest';
import {
  CONTINUITY_DEFINITIONS,
  ContactLogBuilder,
  computeContinuity,
  definitionOf,
  optionsOfDefinition,
  periodEnding,
  sqlParameters,
  unitCounts,
  withHomeUnit,
  cocOf,
  contactTypeCode,
  dayNumber,
  dayOfIso,
  defaultPeriod,
  isoOfDay,
  namedShareOf,
  pseudonym,
  upcOf,
  withNamedMapping,
  type ContactTypeCode,
  type ContinuityOptions,
} from '../../../../src/lib/engine/followup';

const ALL: ContinuityOptions = { fromDay: -1e6, toDay: 1e6, types: ['visit', 'video', 'phone', 'chat'], minContacts: 1 };

function logOf(rows: [string, string, string, ContactTypeCode?][], named?: Record<string, string>) {
  const b = new ContactLogBuilder(4);
  for (const [p, d, date, t] of rows) b.add(b.patientIndexOf(p), b.doctorIndexOf(d), dayOfIso(date)!, t ?? 0);
  if (named) for (const [p, d] of Object.entries(named)) b.setNamed(b.patientIndexOf(p), b.doctorIndexOf(d), 0);
  return b.build();
}

describe('per-patient formulas (domain.md §6)', () => {
  it('UPC is the most-seen share', () => {
    expect(upcOf([3, 1])).toBe(0.75);
    expect(upcOf([1, 1, 1, 1])).toBe(0.25);
    expect(upcOf([5])).toBe(1);
    expect(upcOf([])).toBeNull();
  });
  it('COC by hand: counts 3,1 → (9+1−4)/(4·3) = 0,5', () => {
    expect(cocOf([3, 1])).toBeCloseTo(0.5, 12);
  });
  it('COC by hand: counts 2,2,1 → (4+4+1−5)/(5·4) = 0,2', () => {
    expect(cocOf([2, 2, 1])).toBeCloseTo(0.2, 12);
  });
  it('COC is 1 when all contacts are with one doctor, 0 when all differ', () => {
    expect(cocOf([7])).toBe(1);
    expect(cocOf([1, 1, 1])).toBe(0);
  });
  it('COC is undefined (null) for n = 1 and n = 0', () => {
    expect(cocOf([1])).toBeNull();
    expect(cocOf([])).toBeNull();
    expect(cocOf([0, 1])).toBeNull();
  });
  it('named share', () => {
    expect(namedShareOf(2, 4)).toBe(0.5);
    expect(namedShareOf(0, 0)).toBeNull();
  });
});

describe('computeContinuity over a columnar log', () => {
  it('matches hand-computed unit means', () => {
    // A: d1 ×3, d2 ×1 → UPC 0,75, COC 0,5; B: d2 ×2 → UPC 1, COC 1; C: d1 ×1 → n = 1 (COC undefined)
    const log = logOf([
      ['A', 'd1', '2025-01-01'],
      ['A', 'd2', '2025-01-02'],
      ['A', 'd1', '2025-01-03'],
      ['A', 'd1', '2025-01-04'],
      ['B', 'd2', '2025-02-01'],
      ['B', 'd2', '2025-02-02'],
      ['C', 'd1', '2025-03-01'],
    ]);
    const r = computeContinuity(log, ALL);
    expect(r.patientsIncluded).toBe(3);
    expect(r.meanUpc).toBeCloseTo((0.75 + 1 + 1) / 3, 12);
    // C has n = 1: COC undefined, so the COC mean is over A and B only.
    expect(r.meanCoc).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(r.namedAvailable).toBe(false);
    expect(r.meanNamedShare).toBeNull();
    expect(r.doctors.find((d) => d.key === 'd1')!.mostSeenPatients).toBe(2);
    expect(r.doctors.find((d) => d.key === 'd2')!.mostSeenPatients).toBe(1);
    expect(r.upcHistogram.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(r.upcHistogram.counts[9]).toBe(2); // UPC 1 falls into the last bin
    expect(r.upcHistogram.counts[7]).toBe(1); // 0,75
  });

  it('minContacts excludes patients with fewer contacts (default 3)', () => {
    const log = logOf([
      ['A', 'd1', '2025-01-01'],
      ['A', 'd1', '2025-01-02'],
      ['A', 'd2', '2025-01-03'],
      ['B', 'd1', '2025-01-01'],
      ['B', 'd1', '2025-01-02'],
    ]);
    const r = computeContinuity(log, { ...ALL, minContacts: 3 });
    expect(r.patientsInScope).toBe(2);
    expect(r.patientsIncluded).toBe(1);
    expect(r.patientsBelowMin).toBe(1);
    expect(r.meanUpc).toBeCloseTo(2 / 3, 12);
    expect(r.meanCoc).toBeCloseTo((4 + 1 - 3) / 6, 12);
  });

  it('period and contact types filter contacts', () => {
    const log = logOf([
      ['A', 'd1', '2024-12-31', 0],
      ['A', 'd1', '2025-01-01', 0],
      ['A', 'd2', '2025-01-02', 2],
      ['A', 'd2', '2025-01-03', 3],
      ['A', 'd1', '2025-01-04', 4],
    ]);
    const r = computeContinuity(log, {
      fromDay: dayOfIso('2025-01-01')!,
      toDay: dayOfIso('2025-12-31')!,
      types: ['visit', 'phone'],
      minContacts: 1,
    });
    expect(r.contactsInScope).toBe(2);
    expect(r.contactsOutOfScope).toBe(3);
    expect(r.meanUpc).toBe(0.5);
    expect(r.meanCoc).toBe(0);
    expect(r.contactsByType).toEqual([1, 0, 1, 0, 0]);
  });

  it('share with the named doctor, per named doctor', () => {
    const log = logOf(
      [
        ['A', 'd1', '2025-01-01'],
        ['A', 'd2', '2025-01-02'],
        ['A', 'd2', '2025-01-03'],
        ['A', 'd2', '2025-01-04'],
        ['B', 'd1', '2025-01-01'],
        ['B', 'd1', '2025-01-02'],
      ],
      { A: 'd1', B: 'd1' },
    );
    const r = computeContinuity(log, ALL);
    expect(r.namedAvailable).toBe(true);
    expect(r.patientsWithNamed).toBe(2);
    expect(r.meanNamedShare).toBeCloseTo((0.25 + 1) / 2, 12);
    const d1 = r.doctors.find((d) => d.key === 'd1')!;
    expect(d1.namedPatients).toBe(2);
    expect(d1.namedMeanShare).toBeCloseTo(0.625, 12);
    expect(d1.namedMeanUpc).toBeCloseTo((0.75 + 1) / 2, 12);
    expect(d1.mostSeenPatients).toBe(1); // A's most-seen is d2
  });

  it('a tie for most-seen goes to the named doctor', () => {
    const log = logOf(
      [
        ['A', 'd1', '2025-01-01'],
        ['A', 'd2', '2025-01-02'],
      ],
      { A: 'd2' },
    );
    const r = computeContinuity(log, ALL);
    expect(r.doctors.find((d) => d.key === 'd2')!.mostSeenPatients).toBe(1);
  });

  it('an empty log gives empty figures without NaN', () => {
    const r = computeContinuity(new ContactLogBuilder().build(), ALL);
    expect(r.meanUpc).toBeNull();
    expect(r.meanCoc).toBeNull();
    expect(r.patientsIncluded).toBe(0);
  });

  it('agrees with the per-patient formulas on random logs', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const rows: [string, string, string][] = [];
    for (let i = 0; i < 2000; i++) rows.push(['p' + Math.floor(rnd() * 200), 'd' + Math.floor(rnd() * 5), '2025-05-05']);
    const r = computeContinuity(logOf(rows), { ...ALL, minContacts: 3 });
    const per = new Map<string, Map<string, number>>();
    for (const [p, d] of rows) {
      const m = per.get(p) ?? new Map();
      m.set(d, (m.get(d) ?? 0) + 1);
      per.set(p, m);
    }
    const inc = [...per.values()].filter((m) => [...m.values()].reduce((a, b) => a + b, 0) >= 3);
    const upcs = inc.map((m) => upcOf([...m.values()])!);
    const cocs = inc.map((m) => cocOf([...m.values()])!);
    expect(r.patientsIncluded).toBe(inc.length);
    expect(r.meanUpc).toBeCloseTo(upcs.reduce((a, b) => a + b, 0) / upcs.length, 10);
    expect(r.meanCoc).toBeCloseTo(cocs.reduce((a, b) => a + b, 0) / cocs.length, 10);
  });
});

describe('helpers', () => {
  it('day numbers round-trip', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(isoOfDay(dayNumber(2024, 2, 29))).toBe('2024-02-29');
    expect(dayOfIso('2025-02-29')).toBeNull();
  });
  it('default period is the 12 months up to the last contact', () => {
    const log = logOf([
      ['A', 'd1', '2023-01-01'],
      ['A', 'd1', '2025-06-30'],
    ]);
    const p = defaultPeriod(log)!;
    expect(isoOfDay(p.fromDay)).toBe('2024-07-01');
    expect(isoOfDay(p.toDay)).toBe('2025-06-30');
  });
  it('maps Swedish and English contact types', () => {
    expect(contactTypeCode('Besök')).toBe(0);
    expect(contactTypeCode('mottagningsbesök')).toBe(0);
    expect(contactTypeCode('VIDEO')).toBe(1);
    expect(contactTypeCode('Telefon')).toBe(2);
    expect(contactTypeCode('chatt')).toBe(3);
    expect(contactTypeCode('chat')).toBe(3);
    expect(contactTypeCode('brev')).toBe(4);
  });
  it('replaces personnummer patient keys by salted pseudonyms, one per person', () => {
    const b = new ContactLogBuilder(4, 'salt');
    const a = b.patientIndexOf('19121212-1212');
    const a2 = b.patientIndexOf('121212-1212');
    expect(a2).toBe(a);
    expect(b.patientKeys[a]).toBe(pseudonym('121212-1212', 'salt'));
    expect(b.patientKeys[a]).not.toContain('1212');
    expect(b.pseudonymised).toBe(1);
    expect(pseudonym('121212-1212', 'other')).not.toBe(b.patientKeys[a]);
  });
  it('applies a separate named-doctor mapping', () => {
    const log = logOf([
      ['A', 'd1', '2025-01-01'],
      ['B', 'd2', '2025-01-01'],
    ]);
    const { log: l2, unknownPatients, applied } = withNamedMapping(log, [
      { patientKey: 'A', doctorKey: 'd2' },
      { patientKey: 'Z', doctorKey: 'd1' },
      { patientKey: 'B', doctorKey: 'd9' },
    ]);
    expect(applied).toBe(2);
    expect(unknownPatients).toBe(1);
    expect(l2.doctorKeys[l2.namedDoctor![0]]).toBe('d2');
    expect(l2.doctorKeys[l2.namedDoctor![1]]).toBe('d9');
  });
});

describe('continuityRows', () => {
  it('exports aggregates equal to the result, no patient keys', async () => {
    const { continuityRows } = await import('../../../../src/lib/engine/followup');
    const log = logOf([
      ['secret-A', 'd1', '2025-01-01'],
      ['secret-A', 'd1', '2025-01-02'],
      ['secret-B', 'd2', '2025-01-03'],
    ]);
    const r = computeContinuity(log, ALL);
    const rows = continuityRows(
      r,
      { unit: { heading: 'H', rows: [['UPC', r.meanUpc]] }, doctorHeaders: ['d'], histHeaders: ['h'], histNames: { upc: 'u', coc: 'c', named: 'n' } },
      () => null,
    );
    expect(rows.unit).toEqual([['H'], ['UPC', 1]]);
    expect(rows.doctors.slice(1).map((d) => [d[0], d[2], d[9]])).toEqual([['d1', 1, 2], ['d2', 1, 1]]);
    expect(rows.histograms.filter((h) => h[0] === 'u').reduce((s, h) => s + (h[3] as number), 0)).toBe(2);
    expect(JSON.stringify(rows)).not.toContain('secret');
  });
});

describe('goalProgress (domain.md §5: continuity index +20 % on the baseline)', () => {
  it('computes the goal line and the change', async () => {
    const { goalProgress } = await import('../../../../src/lib/engine/followup');
    const g = goalProgress(0.4, 0.46, 0.2)!;
    expect(g.target).toBeCloseTo(0.48, 12);
    expect(g.change).toBeCloseTo(0.15, 12);
    expect(g.reached).toBe(false);
    expect(goalProgress(0.4, 0.48, 0.2)!.reached).toBe(true);
    expect(goalProgress(0, 0.5, 0.2)).toBeNull();
    expect(goalProgress(null, 0.5, 0.2)).toBeNull();
  });
});

describe('continuity definitions (domain.md §6: presets)', () => {
  it('periodEnding counts whole months back, both ends inclusive', () => {
    const end = dayOfIso('2025-12-31')!;
    expect(isoOfDay(periodEnding(end, 12).fromDay)).toBe('2025-01-01');
    expect(isoOfDay(periodEnding(end, 18).fromDay)).toBe('2024-07-01');
    // A year back from 28 February 2025 is 28 February 2024; the period starts the day after.
    // Six months back from 31 August is 31 February, i.e. the last day of February.
    expect(isoOfDay(periodEnding(dayOfIso('2025-02-28')!, 12).fromDay)).toBe('2024-02-29');
    expect(isoOfDay(periodEnding(dayOfIso('2024-08-31')!, 6).fromDay)).toBe('2024-03-01');
  });

  it('the SKR preset: 18 months, at least 3 visits in person, own unit, listed patients', () => {
    const o = optionsOfDefinition(CONTINUITY_DEFINITIONS.skr, dayOfIso('2025-12-31')!);
    expect(o).toMatchObject({ minContacts: 3, types: ['visit'], ownUnitOnly: true, listedOnly: true });
    expect(isoOfDay(o.fromDay)).toBe('2024-07-01');
    expect(definitionOf(o)).toBe('skr');
    expect(definitionOf(optionsOfDefinition(CONTINUITY_DEFINITIONS.standard, o.toDay))).toBe('standard');
  });

  it('any change away from a preset is a custom selection', () => {
    const o = optionsOfDefinition(CONTINUITY_DEFINITIONS.skr, dayOfIso('2025-12-31')!);
    expect(definitionOf({ ...o, minContacts: 2 })).toBe('custom');
    expect(definitionOf({ ...o, types: ['visit', 'video'] })).toBe('custom');
    expect(definitionOf({ ...o, ownUnitOnly: false })).toBe('custom');
    expect(definitionOf({ ...o, fromDay: o.fromDay + 1 })).toBe('custom');
  });

  it('sqlParameters writes the same selection for sql/continuity.sql', () => {
    const o = optionsOfDefinition(CONTINUITY_DEFINITIONS.skr, dayOfIso('2025-12-31')!);
    const text = sqlParameters(o);
    expect(text).toContain("VALUES (CAST('2024-07-01' AS DATE), CAST('2025-12-31' AS DATE), 3, 1, 1);");
    expect(text).toContain("INSERT INTO continuity_contact_types (contact_type) VALUES ('visit');");
  });
});

describe("a unit's own log (withHomeUnit)", () => {
  it('a log without a unit column counts every contact as at the unit', () => {
    const log = logOf([
      ['A', 'd1', '2025-01-01'],
      ['A', 'd1', '2025-02-01'],
      ['A', 'd2', '2025-03-01'],
    ]);
    const own = withHomeUnit(log, 'VC Test');
    const r = computeContinuity(own, { ...ALL, ownUnitOnly: true, listedOnly: true });
    expect(r.patientsIncluded).toBe(1);
    expect(r.contactsOtherUnit).toBe(0);
    expect(computeContinuity(log, { ...ALL, ownUnitOnly: true }).patientsIncluded).toBe(0);
  });

  it('with a unit column only the unit’s own contacts count', () => {
    const b = new ContactLogBuilder(4);
    const p = b.patientIndexOf('A');
    const u1 = b.unitIndexOf('VC Test');
    const u2 = b.unitIndexOf('Jourcentralen');
    b.add(p, b.doctorIndexOf('d1'), dayOfIso('2025-01-01')!, 0, u1);
    b.add(p, b.doctorIndexOf('d1'), dayOfIso('2025-02-01')!, 0, u1);
    b.add(p, b.doctorIndexOf('d9'), dayOfIso('2025-03-01')!, 0, u2);
    const log = b.build();
    expect(unitCounts(log)).toEqual([{ unit: 'VC Test', contacts: 2 }, { unit: 'Jourcentralen', contacts: 1 }]);
    const r = computeContinuity(withHomeUnit(log, 'VC Test'), { ...ALL, ownUnitOnly: true });
    expect(r.contactsInScope).toBe(2);
    expect(r.contactsOtherUnit).toBe(1);
    expect(r.meanCoc).toBe(1);
  });
});
