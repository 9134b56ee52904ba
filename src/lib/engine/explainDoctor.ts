/**
 * A doctor's explanations (domain.md §2–§5, §9): one tree of named values built from the formula
 * declarations and the inputs the engine used (DoctorResult.used), so every explanation shows the doctor's
 * own numbers down to what was typed. Nothing here computes a figure again from the raw plan: the values
 * are the result's, the trees are the declarations' `expr`.
 */
import { AGE_GROUP_LABELS, CATEGORY_LABELS, DUTY_LABELS, MODEL_LABELS } from '../strings/engine.sv';
import { FORMULA_WORDS, INPUT_LABELS, LIMIT_LABELS } from '../strings/formulas.sv';
import { computeDoctor, doctorContext } from './doctor';
import { PEER_DOCTOR_FIELDS, explainPeerDoctor, peerDoctorNodes, teamNodes, type PeerDoctorField } from './explainPeers';
import { CARE_WEIGHT_BASIS_LABELS, PEER_FORMULA_TEXT, PEER_WORDS } from '../strings/peers.sv';
import { explanationOf, nameOf, timeLeaf, value } from './explainParts';
import { num, sub, type Expr, type Val } from './formulas/expr';
import { printChain } from './formulas/print';
import {
  DEFAULT_ST_MONTHS_TOTAL, FORMULAS as F, ST_MONTHS_TOTAL_HSLF, ST_MONTHS_TOTAL_SOSFS, capacityWithoutHours, dutyPatientsOf, dutyTermOf,
  isFictiveList, timePerFteOf, type AnyFormula,
} from './formulas/index';
import { fmt } from './quantity';
import { isDefaultTime } from './time';
import type { CapacityModel, Doctor, DoctorInputsUsed, DoctorResult, Explanation, Plan, PlanResult } from './types';

export const DOCTOR_FIELDS = [
  'base', 'dutyHoursPerWeek', 'dutyShare', 'presence', 'clinicalFte', 'careWeight', 'capacityGuideline', 'capacityTime', 'capacity', 'listed',
  'loadRatio', 'limits.min', 'limits.max', 'limits.maxPoints', 'time.patientHoursYear', 'time.directHoursYear', 'time.indirectHoursYear',
  'time.dutyHoursYear', 'time.absenceHoursYear', 'time.visitMinutes', 'time.visitsYear',
  // Beyond the workbook (domain.md §9; explainPeers.ts)
  ...PEER_DOCTOR_FIELDS,
] as const;
export type DoctorField = (typeof DOCTOR_FIELDS)[number];

/** The number at a doctor path; null when it has none (an unknown list, no profile limits, no ages, no team). */
export function doctorValue(r: DoctorResult, field: DoctorField): number | null {
  if (field.startsWith('time.')) return r.time[field.slice(5) as keyof DoctorResult['time']];
  if (field.startsWith('limits.')) return r.limits ? r.limits[field.slice(7) as 'min' | 'max' | 'maxPoints'] : null;
  // The time model's figures with the team exist only when a team takes visits over.
  if (field === 'visitsPerPatientTeam' && !((r.delegation ?? 0) > 0)) return null;
  return (r[field as Exclude<DoctorField, `time.${string}` | `limits.${string}`>] as number | null | undefined) ?? null;
}

const L = {
  employment: INPUT_LABELS.employment,
  fullTime: INPUT_LABELS.fullTimeHours,
  weeks: INPUT_LABELS.weeksPerYear,
  absence: INPUT_LABELS.absenceWeeks,
  indirect: INPUT_LABELS.indirectShare,
  plannedShare: INPUT_LABELS.plannedShare,
  plannedMinutes: INPUT_LABELS.plannedMinutes,
  acuteMinutes: INPUT_LABELS.acuteMinutes,
  own: INPUT_LABELS.ownPatientShare,
  perPatient: INPUT_LABELS.visitsPerPatientYear,
  done: INPUT_LABELS.stMonthsDone,
  total: INPUT_LABELS.stMonthsTotal,
  listed: INPUT_LABELS.listed,
};

/** The declaration behind each doctor figure whose explanation needs nothing more than its chain. */
const FORMULA_OF = {
  dutyHoursPerWeek: F.dutyHours,
  dutyShare: F.dutyShare,
  presence: F.presence,
  clinicalFte: F.clinicalFte,
  'time.patientHoursYear': F.patientHoursYear,
  'time.directHoursYear': F.directHoursYear,
  'time.indirectHoursYear': F.indirectHoursYear,
  'time.dutyHoursYear': F.dutyHoursYear,
  'time.absenceHoursYear': F.absenceHoursYear,
  'time.visitMinutes': F.visitMinutes,
  'time.visitsYear': F.visitsYear,
} as const satisfies Partial<Record<DoctorField, AnyFormula>>;

/** Every named value of one doctor, each a tree down to the inputs. */
interface DoctorGraph {
  nodes: Record<Exclude<DoctorField, `limits.${string}` | PeerDoctorField>, Val>;
  limits: Partial<Record<'min' | 'max' | 'maxPoints', Val>>;
  peers: Record<PeerDoctorField, Val | null>;
}

function graphOf(plan: Plan, result: PlanResult, d: Doctor, r: DoctorResult, u: DoctorInputsUsed): DoctorGraph {
  const p = (f: string) => `doctors.${d.id}.${f}`;
  const t = result.time;
  const profile = result.profile;
  const category = CATEGORY_LABELS[d.category] ?? String(d.category);
  const time = (key: Parameters<typeof timeLeaf>[2], label: string, k: Parameters<typeof timeLeaf>[4]) => timeLeaf(plan, t, key, label, k);

  const employment = num(u.employment, 'percent', L.employment, p('employment'));
  const fullTime = time('fullTimeHours', L.fullTime, 'hours');
  const weeks = time('weeksPerYear', L.weeks, 'weeks');
  const available = value(F.availableHours, u.availableHoursPerWeek, F.availableHours.expr({ employment, fullTimeHours: fullTime }), { keep: true });
  const duties = Array.isArray(d.duties) ? d.duties : [];
  const terms: Expr[] = [];
  duties.forEach((x, i) => {
    const h = dutyTermOf(x?.hoursPerWeek);
    if (h > 0) terms.push(num(h, 'hours', dutyLabel(x), `${p('duties')}[${i}].hoursPerWeek`));
  });
  const duty = value(F.dutyHours, r.dutyHoursPerWeek, F.dutyHours.expr({ terms }), { path: p('dutyHoursPerWeek'), keep: true });
  const dutyShare = value(F.dutyShare, r.dutyShare, F.dutyShare.expr({ dutyHours: duty, availableHours: available, duty: r.dutyHoursPerWeek, available: u.availableHoursPerWeek }), { path: p('dutyShare') });
  const absence = num(u.absenceWeeks, 'weeks', L.absence, p('absenceWeeks'));
  const presence = value(F.presence, r.presence, F.presence.expr({ absenceWeeks: absence, weeksPerYear: weeks, absence: u.absenceWeeks, weeks: t.weeksPerYear }), { path: p('presence') });
  const clinicalFte = value(F.clinicalFte, r.clinicalFte, F.clinicalFte.expr({ employment, dutyShare, presence, duty: r.dutyShare, present: r.presence }), { path: p('clinicalFte') });
  const cwLabel = u.careWeightSource === 'doctor' ? INPUT_LABELS.doctorCareWeight : u.careWeightSource === 'unit' ? INPUT_LABELS.unitCareWeight : FORMULA_WORDS.mixedPopulation;
  const cwPath = u.careWeightSource === 'doctor' ? p('careWeight') : u.careWeightSource === 'unit' ? 'unit.careWeight' : undefined;
  const careWeight = value(F.careWeight, r.careWeight, F.careWeight.expr({ used: r.careWeight, label: cwLabel, path: cwPath }), { path: p('careWeight') });

  const total = num(u.stMonthsTotal, 'months', L.total, u.stMonthsTotalSource === 'doctor' ? p('stMonthsTotal') : undefined);
  const done = u.stMonthsDone === null ? null : num(u.stMonthsDone, 'months', L.done, p('stMonthsDone'));
  const progress = value(F.stProgress, u.stProgress, F.stProgress.expr({ done, total }));
  const g = profile.guideline;
  const ramp = profile.stRamp;
  const base = value(
    F.base,
    r.base,
    F.base.expr({
      category: d.category,
      categoryLabel: category,
      rampEnabled: ramp.enabled,
      specialist: num(g.specialist, 'patients', INPUT_LABELS.specialist, 'profile.guideline.specialist'),
      stMid: num(g.stMid, 'patients', INPUT_LABELS.stMid, 'profile.guideline.stMid'),
      startFactor: num(ramp.startFactor, 'factor', INPUT_LABELS.startFactor),
      endFactor: num(ramp.endFactor, 'factor', INPUT_LABELS.endFactor),
      start: ramp.startFactor,
      end: ramp.endFactor,
      progress,
    }),
    { path: p('base'), keep: true },
  );
  const capacityGuideline = value(F.capacityGuideline, r.capacityGuideline, F.capacityGuideline.expr({ base, clinicalFte, careWeight }), { path: p('capacityGuideline'), keep: true });

  const patientHoursYear = value(
    F.patientHoursYear,
    r.time.patientHoursYear,
    F.patientHoursYear.expr({ availableHours: available, dutyHours: duty, weeksPerYear: weeks, presence, available: u.availableHoursPerWeek, duty: r.dutyHoursPerWeek, present: r.presence }),
    { path: p('time.patientHoursYear'), keep: true },
  );
  const indirect = time('indirectShare', L.indirect, 'percent');
  const directHoursYear = value(F.directHoursYear, r.time.directHoursYear, F.directHoursYear.expr({ patientHours: patientHoursYear, indirectShare: indirect }), { path: p('time.directHoursYear'), keep: true });
  const visitMinutes = value(
    F.visitMinutes,
    r.time.visitMinutes,
    F.visitMinutes.expr({ plannedShare: time('plannedShare', L.plannedShare, 'percent'), plannedMinutes: time('plannedMinutes', L.plannedMinutes, 'minutes'), acuteMinutes: time('acuteMinutes', L.acuteMinutes, 'minutes') }),
    { path: p('time.visitMinutes'), keep: true },
  );
  const visitsYear = value(F.visitsYear, r.time.visitsYear, F.visitsYear.expr({ directHours: directHoursYear, visitMinutes, minutes: r.time.visitMinutes, noVisits: FORMULA_WORDS.noVisitLength }), { path: p('time.visitsYear'), keep: true });
  // §9 the team: with a share δ of the visits taken over, the time model divides by visitsPerPatientYear × (1 − δ).
  const perPatientLeaf = time('visitsPerPatientYear', L.perPatient, 'factor');
  const team = teamNodes(d, r, u, perPatientLeaf);
  const ownShare = time('ownPatientShare', L.own, 'percent');
  const capacityTime = value(
    F.capacityTime,
    r.capacityTime,
    F.capacityTime.expr({
      base, categoryLabel: category, visitsYear, careWeight, own: t.ownPatientShare, perPatient: team.perPatientValue,
      ownPatientShare: ownShare, visitsPerPatientYear: team.perPatient,
    }),
    { path: p('capacityTime'), keep: true },
  );
  const capacityTimeWithoutTeam =
    (r.delegation ?? 0) > 0
      ? value(
          F.capacityTime,
          r.capacityTimeWithoutTeam ?? r.capacityTime,
          F.capacityTime.expr({
            base, categoryLabel: category, visitsYear, careWeight, own: t.ownPatientShare, perPatient: t.visitsPerPatientYear,
            ownPatientShare: ownShare, visitsPerPatientYear: perPatientLeaf,
          }),
          { path: p('capacityTimeWithoutTeam'), keep: true, label: PEER_FORMULA_TEXT.capacityTimeWithoutTeam.label },
        )
      : capacityTime;
  const chosen = result.model === 'time' ? capacityTime : capacityGuideline;
  const capacity = value(F.capacity, r.capacity, F.capacity.expr({ chosen }), { path: p('capacity'), keep: true });
  const listedLeaf = num(r.listed ?? 0, 'patients', L.listed, p('listed'));
  const listed = value(F.loadRatio, r.listed ?? 0, listedLeaf, { path: p('listed'), kind: 'patients', label: FORMULA_WORDS.listedLabel });
  const loadRatio = value(F.loadRatio, r.loadRatio ?? 0, F.loadRatio.expr({ listed: listedLeaf, capacity, listedValue: r.listed ?? 0 }), { path: p('loadRatio') });

  const limits: DoctorGraph['limits'] = {};
  const ll = profile.listLimits;
  if (ll && r.limits) {
    const empFactor = ll.scaleWithEmployment ? employment : null;
    const stFactor = d.category === 'st' ? num(ll.stFactor, 'factor', INPUT_LABELS.stFactor) : null;
    const limit = (perFte: number, v: number, k: 'patients' | 'points', label: string) =>
      value(F.listLimit, v, F.listLimit.expr({ perFte: num(perFte, k, INPUT_LABELS.perFte), employment: empFactor, stFactor }), { kind: k, label });
    limits.min = limit(ll.minPerFte, r.limits.min, 'patients', LIMIT_LABELS.min);
    limits.max = limit(ll.maxPerFte, r.limits.max, 'patients', LIMIT_LABELS.max);
    if (ll.maxPointsPerFte !== null && r.limits.maxPoints !== null) limits.maxPoints = limit(ll.maxPointsPerFte, r.limits.maxPoints, 'points', LIMIT_LABELS.maxPoints);
  }

  const yearly = (f: AnyFormula, v: number, e: Expr, field: string) => value(f, v, e, { path: p(field) });
  const peers = peerDoctorNodes(plan, result, d, r, u, {
    employment, weeks, presence, visitsYear, capacity, capacityTime, capacityTimeWithoutTeam, delegation: team.delegation, perPatient: team.perPatient,
    listed: listedLeaf,
  });
  return {
    peers,
    nodes: {
      base, dutyHoursPerWeek: duty, dutyShare, presence, clinicalFte, careWeight, capacityGuideline, capacityTime, capacity, listed, loadRatio,
      'time.patientHoursYear': patientHoursYear,
      'time.directHoursYear': directHoursYear,
      'time.indirectHoursYear': yearly(F.indirectHoursYear, r.time.indirectHoursYear, F.indirectHoursYear.expr({ patientHours: patientHoursYear, indirectShare: indirect }), 'time.indirectHoursYear'),
      'time.dutyHoursYear': yearly(
        F.dutyHoursYear, r.time.dutyHoursYear,
        F.dutyHoursYear.expr({ dutyHours: duty, availableHours: available, weeksPerYear: weeks, presence, duty: r.dutyHoursPerWeek, available: u.availableHoursPerWeek, present: r.presence }),
        'time.dutyHoursYear',
      ),
      'time.absenceHoursYear': yearly(F.absenceHoursYear, r.time.absenceHoursYear, F.absenceHoursYear.expr({ availableHours: available, weeksPerYear: weeks, presence, present: r.presence }), 'time.absenceHoursYear'),
      'time.visitMinutes': visitMinutes,
      'time.visitsYear': visitsYear,
    },
    limits,
  };
}

function dutyLabel(x: { kind?: unknown; label?: unknown } | null | undefined): string {
  const kind = DUTY_LABELS[x?.kind as keyof typeof DUTY_LABELS] ?? String(x?.kind ?? '');
  return typeof x?.label === 'string' && x.label.trim() !== '' ? `${kind} – ${x.label.trim()} (tim/v)` : `${kind} (tim/v)`;
}

/** Each duty as the patients it costs in a model (domain.md §9). */
function dutyPatientsLines(model: CapacityModel, d: Doctor, r: DoctorResult, u: DoctorInputsUsed, result: PlanResult): NonNullable<Explanation['dutyPatients']> {
  const withDuty = model === 'time' ? r.capacityTime : r.capacityGuideline;
  const out: NonNullable<Explanation['dutyPatients']> = [];
  if (r.base <= 0) return out;
  for (const x of Array.isArray(d.duties) ? d.duties : []) {
    const h = dutyTermOf(x?.hoursPerWeek);
    if (h <= 0) continue;
    const without = capacityWithoutHours(model, r, u, h, result.time);
    const patients = dutyPatientsOf(without, withDuty);
    const kind = (DUTY_LABELS[x.kind] ?? String(x.kind)).toLowerCase();
    const what = typeof x.label === 'string' && x.label.trim() !== '' ? `${kind} (${x.label.trim()})` : kind;
    const root = value(F.dutyPatients, patients, sub(num(without, 'patients'), num(withDuty, 'patients')));
    out.push({ label: FORMULA_WORDS.dutyPatients(fmt.hours(h), what, fmt.patients(patients)), formula: printChain(root).formula, patients });
  }
  return out;
}

/** Why the two models differ for a doctor (domain.md §3: the UI explains the causes of the difference). */
function modelNotes(r: DoctorResult, result: PlanResult, other: CapacityModel): string[] {
  const notes = [FORMULA_WORDS.modelCompare(MODEL_LABELS[other], fmt.patients(other === 'time' ? r.capacityTime : r.capacityGuideline))];
  if (r.base <= 0 || r.capacityGuideline === r.capacityTime) return notes;
  notes.push(FORMULA_WORDS.modelWhy(fmt.patients(Math.floor(timePerFteOf(result.time))), fmt.patients(r.base)));
  if (r.category === 'st') notes.push(FORMULA_WORDS.modelWhySt);
  return notes;
}

/** What the ST base used, said in words: months not given, the total's source, months clamped, the ramp. */
function stNotes(d: Doctor, u: DoctorInputsUsed, result: PlanResult): string[] {
  const notes: string[] = [];
  const total = fmt.months(u.stMonthsTotal);
  if (u.stMonthsDone === null) notes.push(FORMULA_WORDS.stMonthsUnknown);
  else if (typeof d.stMonthsDone === 'number' && d.stMonthsDone !== u.stMonthsDone) notes.push(FORMULA_WORDS.stMonthsDoneClamped(fmt.months(d.stMonthsDone), fmt.months(u.stMonthsDone)));
  if (u.stMonthsTotalSource === 'default') notes.push(FORMULA_WORDS.stMonthsTotalMissing(fmt.months(DEFAULT_ST_MONTHS_TOTAL)));
  else if (u.stMonthsTotalSource === 'invalid') notes.push(FORMULA_WORDS.stMonthsTotalInvalid(fmt.months(Number(d.stMonthsTotal)), total));
  else if (u.stMonthsTotal === ST_MONTHS_TOTAL_HSLF) notes.push(FORMULA_WORDS.stMonthsTotalHslf(total));
  else if (u.stMonthsTotal === ST_MONTHS_TOTAL_SOSFS) notes.push(FORMULA_WORDS.stMonthsTotalSosfs(total));
  else notes.push(FORMULA_WORDS.stMonthsTotalRule(total));
  notes.push(result.profile.stRamp.enabled ? FORMULA_WORDS.stRampAssumption : FORMULA_WORDS.stRampOff);
  return notes;
}

/** One named value of a doctor, as a term of a unit sum: printed as its value when exact, else written out. */
export function doctorTerm(plan: Plan, result: PlanResult, i: number, field: 'clinicalFte'): Val | null {
  const d = plan.doctors[i];
  const r = result.doctors[i];
  if (!d || !r || d.id !== r.id) return null;
  const u = r.used ?? (computeDoctor(d, doctorContext(result.profile, result.time, plan.unit?.careWeight, result.model)).used as DoctorInputsUsed);
  const node = graphOf(plan, result, d, r, u).nodes[field];
  return { ...node, keep: true, quiet: true };
}

export function explainDoctor(plan: Plan, result: PlanResult, d: Doctor, r: DoctorResult, field: DoctorField): Explanation | null {
  const v = doctorValue(r, field);
  if (v === null) return null;
  const u = r.used ?? (computeDoctor(d, doctorContext(result.profile, result.time, plan.unit?.careWeight, result.model)).used as DoctorInputsUsed);
  const graph = graphOf(plan, result, d, r, u);
  const name = nameOf(d);
  const notes: string[] = [];
  if (typeof d.employment === 'number' && d.employment !== u.employment) notes.push(FORMULA_WORDS.employmentClamped(fmt.percent(d.employment), fmt.percent(u.employment)));
  const profileNote = FORMULA_WORDS.profileNote(result.profile.name);

  if (field.startsWith('limits.')) {
    const key = field.slice(7) as 'min' | 'max' | 'maxPoints';
    const root = graph.limits[key];
    if (!root) return null;
    return explanationOf(root, F.listLimit, result.profile, { label: `${root.label} – ${name}`, notes: [...notes, profileNote] });
  }
  if ((PEER_DOCTOR_FIELDS as readonly string[]).includes(field)) {
    const timeNotes = r.base > 0 ? [FORMULA_WORDS.floorNote] : [FORMULA_WORDS.notQualifyingTime];
    return explainPeerDoctor(plan, result, d, r, field as PeerDoctorField, graph.peers[field as PeerDoctorField], timeNotes);
  }
  const root = graph.nodes[field as keyof DoctorGraph['nodes']];
  let f: AnyFormula = FORMULA_OF[field as keyof typeof FORMULA_OF] ?? F.capacity;
  let dutyPatients: Explanation['dutyPatients'];
  switch (field) {
    case 'base':
      f = F.base;
      if (d.category === 'st' && r.base > 0) notes.push(...stNotes(d, u, result));
      if (d.category === 'dispensation') notes.push(FORMULA_WORDS.dispensationNote);
      if (r.ageGroup !== 'all') notes.push(FORMULA_WORDS.ageGroupNote(AGE_GROUP_LABELS[r.ageGroup]));
      notes.push(profileNote);
      break;
    case 'careWeight': {
      f = F.careWeight;
      notes.push(u.careWeightSource === 'doctor' ? FORMULA_WORDS.careWeightDoctor : u.careWeightSource === 'unit' ? FORMULA_WORDS.careWeightUnit : FORMULA_WORDS.careWeightDefault);
      const basis = u.careWeightSource === 'doctor' ? d.careWeightBasis : u.careWeightSource === 'unit' ? plan.unit.careWeightBasis : undefined;
      if (basis) notes.push(PEER_WORDS.basisNote(CARE_WEIGHT_BASIS_LABELS[basis]));
      notes.push(PEER_WORDS.careWeightModel);
      break;
    }
    case 'capacityGuideline':
      f = F.capacityGuideline;
      if (d.category === 'st' && r.base > 0) notes.push(...stNotes(d, u, result));
      if (r.base > 0) notes.push(FORMULA_WORDS.floorNote);
      if (r.careWeight !== 1) notes.push(PEER_WORDS.careWeightModel);
      notes.push(...modelNotes(r, result, 'time'));
      dutyPatients = dutyPatientsLines('guideline', d, r, u, result);
      break;
    case 'capacityTime':
      f = F.capacityTime;
      if (r.base <= 0) notes.push(FORMULA_WORDS.notQualifyingTime);
      else {
        notes.push(FORMULA_WORDS.floorNote);
        if (isDefaultTime(plan, 'ownPatientShare') && isDefaultTime(plan, 'visitsPerPatientYear')) notes.push(FORMULA_WORDS.calibrationNote);
        if ((r.delegation ?? 0) > 0) notes.push(r.used?.delegationSource === 'doctor' ? PEER_WORDS.teamDoctor : PEER_WORDS.teamUnit, PEER_WORDS.teamGuidelineNote);
      }
      notes.push(...modelNotes(r, result, 'guideline'));
      dutyPatients = dutyPatientsLines('time', d, r, u, result);
      break;
    case 'capacity':
      notes.push(FORMULA_WORDS.modelChosen(MODEL_LABELS[result.model]), ...modelNotes(r, result, result.model === 'time' ? 'guideline' : 'time'));
      dutyPatients = dutyPatientsLines(result.model, d, r, u, result);
      return explanationOf(root, F.capacity, result.profile, {
        label: `${F.capacity.label} – ${name}`,
        notes,
        rule: `${F.capacity.rule} ${(result.model === 'time' ? F.capacityTime : F.capacityGuideline).rule}`,
        source: (result.model === 'time' ? F.capacityTime : F.capacityGuideline).source,
        dutyPatients,
      });
    case 'listed':
    case 'loadRatio':
      f = F.loadRatio;
      if (isFictiveList(d)) notes.push(FORMULA_WORDS.fictiveList(String(d.fictiveListName).trim()));
      if (field === 'loadRatio' && r.listed !== null && r.loadRatio !== null && r.loadRatio > 1 && Number.isFinite(r.loadRatio)) {
        notes.push(FORMULA_WORDS.loadOver(fmt.patients(r.listed - r.capacity)));
      }
      if (field === 'listed') return explanationOf(root, f, result.profile, { label: `${root.label} – ${name}`, notes, rule: FORMULA_WORDS.listedRule });
      break;
  }
  return explanationOf(root, f, result.profile, { label: `${root.label} – ${name}`, notes, dutyPatients });
}
