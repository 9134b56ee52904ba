import { describe, expect, it } from 'vitest';
import {
  ContactLogBuilder,
  caregiverSplit,
  computeContinuity,
  continuityGoalLines,
  dayOfIso,
  onlyCaregivers,
  onlyPatients,
  type ContinuityBaseline,
  type ContinuityOptions,
} from '../../../../src/lib/engine/followup';

const ALL: ContinuityOptions = { fromDay: -1e6, toDay: 1e6, types: ['visit', 'video', 'phone', 'chat'], minContacts: 2 };
const GOALS = { nursingHome: 0.8, continuityIncrease: 0.2 };

function logOf(rows: [string, string, string][]) {
  const b = new ContactLogBuilder(4);
  for (const [p, d, date] of rows) b.add(b.patientIndexOf(p), b.doctorIndexOf(d), dayOfIso(date)!, 0);
  return b.build();
}

// Patient P: 3 with Dr A, 1 with a nurse; patient Q: 2 with Dr A, 2 with Dr B.
const LOG = logOf([
  ['P', 'Dr A', '2026-01-01'], ['P', 'Dr A', '2026-02-01'], ['P', 'Dr A', '2026-03-01'], ['P', 'Ssk Nilsson', '2026-03-05'],
  ['Q', 'Dr A', '2026-01-01'], ['Q', 'Dr A', '2026-02-01'], ['Q', 'Dr B', '2026-03-01'], ['Q', 'Dr B', '2026-04-01'],
]);
const DOCTORS = new Set(['Dr A', 'Dr B']);
const isDoctor = (k: number) => DOCTORS.has(LOG.doctorKeys[k]);

function baseline(over: Partial<ContinuityBaseline>): ContinuityBaseline {
  return { meanCoc: null, meanUpc: null, meanNamedShare: null, patientsIncluded: 2, from: '2025-01-01', to: '2025-12-31', minContacts: 2, savedAt: '2026-01-01', ...over };
}

describe('national goal lines (issue 16.5, domain.md §5)', () => {
  it('tells doctors from other professions by the plan’s names, and keeps only the doctors’ contacts', () => {
    expect(caregiverSplit(LOG, isDoctor)).toEqual({ split: 'mixed', doctors: 2, others: 1 });
    expect(caregiverSplit(LOG, () => true).split).toBe('doctors');
    expect(caregiverSplit(LOG, () => false).split).toBe('unknown');
    const doctors = onlyCaregivers(LOG, isDoctor);
    expect(doctors.count).toBe(7);
    expect(doctors.doctorKeys).toEqual(LOG.doctorKeys);
  });

  it('doctor contacts and all contacts each against their own baseline (+20 %)', () => {
    const all = computeContinuity(LOG, ALL);
    const doctorsOnly = computeContinuity(onlyCaregivers(LOG, isDoctor), ALL);
    // COC all: P (9+1−4)/(4·3) = 0,5; Q (4+4−4)/12 = 1/3 → 5/12. Doctors only: P 1; Q 1/3 → 2/3.
    expect(all.meanCoc).toBeCloseTo(5 / 12, 12);
    expect(doctorsOnly.meanCoc).toBeCloseTo(2 / 3, 12);
    const b = baseline({ split: 'mixed', meanCoc: 0.4, doctorMeanCoc: 0.5 });
    const lines = continuityGoalLines({ goals: GOALS, baseline: b, all, doctorsOnly, split: 'mixed', nursingHomeResidents: 40, nursingHomeWithNamed: 30 });
    expect(lines.map((l) => l.id)).toEqual(['doctorContinuity', 'allContinuity', 'nursingHomeCoverage', 'nursingHomeContinuity']);
    const [doc, every, nh, nhc] = lines;
    expect(doc.progress!.baseline).toBe(0.5);
    expect(doc.progress!.target).toBeCloseTo(0.6, 12);
    expect(doc.progress!.current).toBeCloseTo(2 / 3, 12);
    expect(doc.progress!.reached).toBe(true);
    expect(every.progress!.baseline).toBe(0.4);
    expect(every.progress!.target).toBeCloseTo(0.48, 12);
    expect(every.progress!.reached).toBe(false);
    expect(nh.coverage).toEqual({ withNamed: 30, residents: 40, share: 0.75, goal: 0.8, reached: false });
    expect(nhc.gap).toBe('noNursingHomeData');
  });

  it('a log of doctor contacts only: the doctor line from the log, the all-contacts line says why it is missing', () => {
    const all = computeContinuity(LOG, ALL);
    const lines = continuityGoalLines({ goals: GOALS, baseline: baseline({ meanCoc: 0.3 }), all, doctorsOnly: null, split: 'unknown' });
    expect(lines[0].progress!.baseline).toBe(0.3);
    expect(lines[0].progress!.current).toBeCloseTo(5 / 12, 12);
    expect(lines[1].gap).toBe('noSplit');
    expect(lines[2].gap).toBe('noResidents');
  });

  it('a baseline from a mixed log has no doctor figure to compare an old log with, and the reverse', () => {
    const all = computeContinuity(LOG, ALL);
    const fromMixed = baseline({ split: 'mixed', meanCoc: 0.4, doctorMeanCoc: 0.5 });
    expect(continuityGoalLines({ goals: GOALS, baseline: fromMixed, all, doctorsOnly: null, split: 'doctors' })[0].progress!.baseline).toBe(0.5);
    const oldMixed = baseline({ split: 'mixed', meanCoc: 0.4 });
    expect(continuityGoalLines({ goals: GOALS, baseline: oldMixed, all, doctorsOnly: all, split: 'mixed' })[0].gap).toBe('noBaselineFigure');
    const fromDoctors = baseline({ split: 'doctors', meanCoc: 0.4 });
    expect(continuityGoalLines({ goals: GOALS, baseline: fromDoctors, all, doctorsOnly: all, split: 'mixed' })[1].gap).toBe('noBaselineFigure');
    expect(continuityGoalLines({ goals: GOALS, baseline: null, all, doctorsOnly: null, split: 'doctors' })[0].gap).toBe('noBaseline');
    expect(continuityGoalLines({ goals: GOALS, baseline: fromDoctors, all: null, doctorsOnly: null, split: null })[0].gap).toBe('noLog');
    expect(continuityGoalLines({ goals: null, baseline: fromDoctors, all, doctorsOnly: null, split: 'doctors' })).toEqual([]);
  });

  it('SÄBO residents’ doctor continuity: baseline, now and change, and no invented target', () => {
    const all = computeContinuity(LOG, ALL);
    // P is the resident: only P's contacts, doctors only → P's COC 1.
    const residents = onlyPatients(onlyCaregivers(LOG, isDoctor), (p) => LOG.patientKeys[p] === 'P');
    expect(residents.count).toBe(3);
    const nh = computeContinuity(residents, ALL);
    expect(nh.meanCoc).toBe(1);
    const b = baseline({ split: 'mixed', meanCoc: 0.4, doctorMeanCoc: 0.5, nursingHomeMeanCoc: 0.8 });
    const line = continuityGoalLines({ goals: GOALS, baseline: b, all, doctorsOnly: all, split: 'mixed', nursingHome: nh })[3];
    expect(line.id).toBe('nursingHomeContinuity');
    expect(line.rise).toEqual({ baseline: 0.8, current: 1, change: (1 - 0.8) / 0.8 });
    expect(line.progress).toBeNull();
    const at = (over: Partial<Parameters<typeof continuityGoalLines>[0]>) =>
      continuityGoalLines({ goals: GOALS, baseline: b, all, doctorsOnly: all, split: 'mixed', ...over })[3].gap;
    expect(at({})).toBe('noNursingHomeData');
    expect(at({ nursingHome: null })).toBe('noNursingHomePatients');
    expect(at({ nursingHome: nh, baseline: baseline({ meanCoc: 0.4 }) })).toBe('noBaselineFigure');
    expect(at({ nursingHome: nh, baseline: null })).toBe('noBaseline');
  });
});
