/**
 * The national goal lines for continuity and SÄBO (domain.md §5, national profile; Vårdanalys's reading
 * of the God och nära vård agreements 2021–2022, issue 16.5):
 *   1. the continuity index for doctor contacts up `continuityIncrease` (20 %) on the baseline;
 *   2. the continuity index for all of the patient's contacts (every profession) up by the same;
 *   3. at least `nursingHome` (80 %) of SÄBO residents with a named doctor;
 *   4. a substantial rise of the doctor continuity index for SÄBO residents (no figure is set).
 * A contact log holds one caregiver key per contact. Which caregivers are doctors is known only by
 * matching keys to the plan's doctors: when some keys match and some do not, the log holds other
 * professions too and both (1) and (2) can be measured; otherwise the log is taken as doctor contacts
 * (as every other continuity figure) and (2) cannot be told apart. (4) needs a SÄBO column in the log (which
 * patients live at a SÄBO); it shows the baseline, now and the change, and invents no target. Pure.
 */
import type { ContactLog, ContinuityResult } from './types';
import { goalProgress, type ContinuityBaseline, type GoalProgress } from './continuityBaseline';

/** The contacts for which `keep(i)` holds (i = contact index); keys, patients and per-patient fields stay. */
function keepContacts(log: ContactLog, keep: (i: number) => boolean): ContactLog {
  let n = 0;
  for (let i = 0; i < log.count; i++) if (keep(i)) n++;
  const patient = new Uint32Array(n);
  const doctor = new Uint32Array(n);
  const day = new Int32Array(n);
  const type = new Uint8Array(n);
  const unit = log.unit ? new Int32Array(n) : undefined;
  let j = 0;
  for (let i = 0; i < log.count; i++) {
    if (!keep(i)) continue;
    patient[j] = log.patient[i];
    doctor[j] = log.doctor[i];
    day[j] = log.day[i];
    type[j] = log.type[i];
    if (unit && log.unit) unit[j] = log.unit[i];
    j++;
  }
  return { ...log, count: n, patient, doctor, day, type, ...(unit ? { unit } : {}) };
}

/** Only the contacts whose caregiver `keep` accepts (doctor index into `doctorKeys`); keys and patients stay. */
export function onlyCaregivers(log: ContactLog, keep: (doctorIndex: number) => boolean): ContactLog {
  return keepContacts(log, (i) => keep(log.doctor[i]));
}

/** Only the contacts of the patients `keep` accepts (patient index); keys stay. */
export function onlyPatients(log: ContactLog, keep: (patientIndex: number) => boolean): ContactLog {
  return keepContacts(log, (i) => keep(log.patient[i]));
}

/**
 * What the log says about professions: 'mixed' when some caregiver keys are the plan's doctors and some
 * are not (other professions: both goal lines measurable); 'doctors' when every key with contacts is a
 * plan doctor; 'unknown' when none is (the keys cannot be told apart: the log counts as doctor contacts).
 */
export type CaregiverSplit = 'mixed' | 'doctors' | 'unknown';

export interface CaregiverCount {
  split: CaregiverSplit;
  /** Caregiver keys with contacts that are the plan's doctors, and that are not. */
  doctors: number;
  others: number;
}

export function caregiverSplit(log: ContactLog, isDoctor: (doctorIndex: number) => boolean): CaregiverCount {
  const seen = new Uint8Array(log.doctorKeys.length);
  for (let i = 0; i < log.count; i++) seen[log.doctor[i]] = 1;
  let doctors = 0, others = 0;
  seen.forEach((s, k) => {
    if (!s) return;
    if (isDoctor(k)) doctors++;
    else others++;
  });
  const split: CaregiverSplit = doctors > 0 && others > 0 ? 'mixed' : doctors > 0 ? 'doctors' : 'unknown';
  return { split, doctors, others };
}

export type GoalLineId = 'doctorContinuity' | 'allContinuity' | 'nursingHomeCoverage' | 'nursingHomeContinuity';

/** Why a goal line has no figure (the panel says it in words). */
export type GoalLineGap = 'noBaseline' | 'noLog' | 'noSplit' | 'noResidents' | 'noNursingHomeData' | 'noBaselineFigure' | 'noNursingHomePatients';

export interface GoalLine {
  id: GoalLineId;
  /** Continuity lines: baseline, goal line, now, change, reached. */
  progress: GoalProgress | null;
  /** The SÄBO coverage line: residents with a named doctor, residents, share, goal share. */
  coverage: { withNamed: number; residents: number; share: number; goal: number; reached: boolean } | null;
  /** The SÄBO continuity line: no figure is set for a "substantial rise", so only baseline, now and change. */
  rise?: { baseline: number; current: number; change: number } | null;
  /** Why there is no figure (null when there is one). */
  gap: GoalLineGap | null;
}

export interface GoalLineInput {
  /** The profile's goals; null: no goal lines. */
  goals: { nursingHome: number; continuityIncrease: number } | null;
  baseline: ContinuityBaseline | null;
  /** Continuity over all contacts of the log (the panel's figures). */
  all: ContinuityResult | null;
  /** Continuity over the doctors' contacts only, when the log holds other professions too. */
  doctorsOnly: ContinuityResult | null;
  split: CaregiverSplit | null;
  /** The unit's SÄBO residents (priority group) and how many have a named doctor, as entered. */
  nursingHomeResidents?: number;
  nursingHomeWithNamed?: number;
  /**
   * Doctor continuity of the log's SÄBO residents (a SÄBO column), doctors' contacts only when the log is
   * mixed; undefined when the log has no SÄBO column, null when it has one but no resident has enough contacts.
   */
  nursingHome?: ContinuityResult | null;
}

/** The four national goal lines with their baseline where the log and the unit's figures allow it. */
export function continuityGoalLines(input: GoalLineInput): GoalLine[] {
  const g = input.goals;
  if (!g) return [];
  const inc = g.continuityIncrease;
  const b = input.baseline;
  const none = (id: GoalLineId, gap: GoalLineGap): GoalLine => ({ id, progress: null, coverage: null, gap });
  const line = (id: GoalLineId, base: number | null | undefined, now: number | null | undefined): GoalLine => {
    if (!input.all) return none(id, 'noLog');
    if (!b) return none(id, 'noBaseline');
    if (base === null || base === undefined) return none(id, 'noBaselineFigure');
    const progress = goalProgress(base, now ?? null, inc);
    return progress ? { id, progress, coverage: null, gap: null } : none(id, 'noBaselineFigure');
  };
  const mixed = input.split === 'mixed';
  // Doctor contacts: the doctors-only figure when the log mixes professions; else the log's own
  // figure (a log of doctor contacts, or one whose caregivers cannot be told apart).
  const doctorNow = mixed ? input.doctorsOnly?.meanCoc : input.all?.meanCoc;
  const doctorBase = b ? (b.doctorMeanCoc !== undefined ? b.doctorMeanCoc : b.split === 'mixed' ? null : b.meanCoc) : null;
  const doctorLine = line('doctorContinuity', doctorBase, doctorNow);
  const allLine =
    input.all && !mixed
      ? none('allContinuity', 'noSplit')
      : line('allContinuity', b && b.split === 'mixed' ? b.meanCoc : null, input.all?.meanCoc);
  const residents = input.nursingHomeResidents ?? 0;
  const withNamed = input.nursingHomeWithNamed;
  const coverageLine: GoalLine =
    residents > 0 && withNamed !== undefined
      ? {
          id: 'nursingHomeCoverage',
          progress: null,
          coverage: { withNamed, residents, share: withNamed / residents, goal: g.nursingHome, reached: withNamed / residents >= g.nursingHome - 1e-12 },
          gap: null,
        }
      : none('nursingHomeCoverage', 'noResidents');
  return [doctorLine, allLine, coverageLine, nursingHomeLine(input)];
}

function nursingHomeLine(input: GoalLineInput): GoalLine {
  const id: GoalLineId = 'nursingHomeContinuity';
  const none = (gap: GoalLineGap): GoalLine => ({ id, progress: null, coverage: null, rise: null, gap });
  if (!input.all) return none('noLog');
  if (input.nursingHome === undefined) return none('noNursingHomeData');
  const now = input.nursingHome?.meanCoc ?? null;
  if (now === null) return none('noNursingHomePatients');
  const b = input.baseline;
  if (!b) return none('noBaseline');
  const base = b.nursingHomeMeanCoc;
  if (base === null || base === undefined || !(base > 0)) return none('noBaselineFigure');
  return { id, progress: null, coverage: null, rise: { baseline: base, current: now, change: (now - base) / base }, gap: null };
}
