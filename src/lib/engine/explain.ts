/**
 * explain(): every number of a PlanResult traced to its formula with the actual inputs, in plain
 * Swedish (contracts.md; brief: "numbers the user can trace"). The formula string ends with
 * "= <value>", formatted sv-SE exactly as the UI shows the value.
 */
import {
  AGE_GROUP_LABELS,
  CATEGORY_LABELS,
  DUTY_LABELS,
  EXPLAIN_LABELS,
  EXPLAIN_RULES,
  EXPLAIN_TEXT,
  EXPLAIN_WORDS as W,
  MODEL_LABELS,
  PRIORITY_LABELS,
} from '../strings/engine.sv';
import { DEFAULT_ST_MONTHS_TOTAL, employmentOf, stProgress, timeModelPatientsPerFte } from './doctor';
import { NBSP, formatDecimal, formatNumber, formatPercent } from './format';
import { round9 } from './round';
import { isDefaultTime, type TimeKey } from './time';
import { isFictiveList } from './unit';
import { PRIORITY_KEYS } from './types';
import type { Doctor, DoctorResult, Explanation, Plan, PlanResult, UnitResult } from './types';

type Input = Explanation['inputs'][number];

const int = (x: number) => formatNumber(x);
const dec = (x: number, k = 3) => formatDecimal(x, k);
/** Percent with at most one decimal: "62,2 %", "100 %". */
const pct = (x: number) => (Number.isFinite(x) ? `${formatDecimal(x * 100, 1)}${NBSP}%` : formatNumber(x));
const U = EXPLAIN_TEXT.units;

/** "expr = 850" or "expr = 850,48, avrundat nedåt = 850" (domain.md: whole patients). */
function floored(expr: string, raw: number, value: number): string {
  const r = round9(raw);
  if (!Number.isFinite(r) || Number.isInteger(r) || r < 0) return `${expr} = ${int(value)}`;
  return `${expr} = ${dec(r, 2)}, ${W.roundedDown} = ${int(value)}`;
}

function sumFormula(terms: string[], total: string, max = 12): string {
  if (terms.length === 0) return `0 = ${total}`;
  const shown = terms.length > max ? [...terms.slice(0, max), W.more(String(terms.length - max))] : terms;
  return `${shown.join(' + ')} = ${total}`;
}

const DOCTOR_FIELDS = [
  'base',
  'dutyHoursPerWeek',
  'dutyShare',
  'presence',
  'clinicalFte',
  'careWeight',
  'capacityGuideline',
  'capacityTime',
  'capacity',
  'listed',
  'loadRatio',
  'limits.min',
  'limits.max',
  'limits.maxPoints',
  'time.patientHoursYear',
  'time.directHoursYear',
  'time.indirectHoursYear',
  'time.dutyHoursYear',
  'time.absenceHoursYear',
  'time.visitMinutes',
  'time.visitsYear',
] as const;
type DoctorField = (typeof DOCTOR_FIELDS)[number];

const UNIT_FIELDS = [
  'listed',
  'capacity',
  'capacityGuideline',
  'capacityTime',
  'coverageToday',
  'coveragePossible',
  'gapPatients',
  'fteNeeded',
  'priorityTotal',
  'priorityCovered',
  'listedOnDoctors',
  'employmentFte',
  'clinicalFte',
  'stimulusSek',
  'paperListPatients',
  'doctorsOverCapacity',
] as const satisfies readonly (keyof UnitResult)[];
type UnitField = (typeof UNIT_FIELDS)[number];

function doctorValue(r: DoctorResult, field: DoctorField): number | null {
  if (field.startsWith('time.')) return r.time[field.slice(5) as keyof DoctorResult['time']];
  if (field.startsWith('limits.')) {
    if (!r.limits) return null;
    return r.limits[field.slice(7) as 'min' | 'max' | 'maxPoints'];
  }
  return r[field as Exclude<DoctorField, `time.${string}` | `limits.${string}`>] as number | null;
}

/** Every path explain() answers for this result (numbers that are null are left out). */
export function explainablePaths(result: PlanResult): string[] {
  const out: string[] = [];
  for (const f of UNIT_FIELDS) if (result.unit[f] !== null) out.push(`unit.${f}`);
  for (const r of result.doctors) {
    for (const f of DOCTOR_FIELDS) if (doctorValue(r, f) !== null) out.push(`doctors.${r.id}.${f}`);
  }
  return out;
}

/** A time-model assumption as an input line, marked as a local assumption when it is the default. */
function timeInput(plan: Plan, result: PlanResult, key: TimeKey, label: string, fmt: (x: number) => string): Input {
  const suffix = isDefaultTime(plan, key) ? ` ${EXPLAIN_TEXT.localAssumption}` : '';
  return { label: label + suffix, value: fmt(result.time[key]), path: `time.${key}` };
}

/** Why the two models differ for a doctor (domain.md §3: the UI explains the causes of the difference). */
function modelWhy(r: DoctorResult, result: PlanResult, notes: string[]): void {
  if (r.base <= 0 || r.capacityGuideline === r.capacityTime) return;
  notes.push(W.modelWhy(int(Math.floor(timeModelPatientsPerFte(result.time))), dec(r.base, 1)));
  if (r.category === 'st') notes.push(W.modelWhySt);
}

function explainDoctor(plan: Plan, result: PlanResult, d: Doctor, r: DoctorResult, field: DoctorField): Explanation | null {
  const value = doctorValue(r, field);
  if (value === null) return null;
  const p = (f: string) => `doctors.${d.id}.${f}`;
  const t = result.time;
  const name = typeof d.name === 'string' && d.name.trim() !== '' ? d.name : d.id;
  const L = EXPLAIN_LABELS.doctor;
  const label = `${L[field]} – ${name}`;
  const notes: string[] = [];
  let formula: string;
  let rule: string;
  let unit: string = U.patients;
  let inputs: Input[] = [];
  let section = '§2';
  const profile = result.profile;
  const emp = employmentOf(d);

  switch (field) {
    case 'base': {
      if (r.base <= 0) {
        rule = EXPLAIN_RULES.baseNone;
        formula = `${W.notQualifying(CATEGORY_LABELS[d.category])} = 0`;
        inputs = [{ label: W.inputCategory, value: CATEGORY_LABELS[d.category], path: p('category') }];
      } else if (d.category === 'st') {
        const g = profile.guideline.stMid;
        inputs = [
          { label: W.inputCategory, value: CATEGORY_LABELS.st, path: p('category') },
          { label: W.guidelineSt, value: int(g), path: 'profile.guideline.stMid' },
        ];
        if (!profile.stRamp.enabled) {
          rule = EXPLAIN_RULES.baseStFlat;
          formula = `${W.guidelineSt} ${int(g)} = ${dec(value, 1)}`;
        } else {
          rule = EXPLAIN_RULES.baseStRamp;
          const { startFactor: s, endFactor: e } = profile.stRamp;
          const known = typeof d.stMonthsDone === 'number';
          const total = typeof d.stMonthsTotal === 'number' && d.stMonthsTotal > 0 ? d.stMonthsTotal : DEFAULT_ST_MONTHS_TOTAL;
          const progressText = known ? W.stMonths(dec(d.stMonthsDone as number, 1), dec(total, 1)) : dec(stProgress(d));
          const progressClamped = known && (d.stMonthsDone as number) > total;
          const inner = progressClamped ? '1' : progressText;
          formula =
            s === 0.5 && e === 1.5
              ? `${int(g)} × (0,5 + ${inner}) = ${dec(value, 1)}`
              : `${int(g)} × (${dec(s)} + ${inner} × (${dec(e)} − ${dec(s)})) = ${dec(value, 1)}`;
          if (known) {
            inputs.push({ label: W.inputStMonthsDone, value: dec(d.stMonthsDone as number, 1), path: p('stMonthsDone') });
            inputs.push({ label: W.inputStMonthsTotal, value: dec(total, 1), path: p('stMonthsTotal') });
            if (typeof d.stMonthsTotal !== 'number') notes.push(W.missingMonthsTotal);
          } else notes.push(W.stProgressUnknown);
          notes.push(W.stRampAssumption);
        }
      } else {
        rule =
          d.category === 'dispensation'
            ? EXPLAIN_RULES.baseDispensation
            : r.ageGroup !== 'all'
              ? EXPLAIN_RULES.baseAgeGroup(AGE_GROUP_LABELS[r.ageGroup])
              : EXPLAIN_RULES.baseSpecialist;
        formula = `${W.guidelineSpecialist} ${int(profile.guideline.specialist)} ${W.perFte} = ${int(value)}`;
        inputs = [
          { label: W.inputCategory, value: CATEGORY_LABELS[d.category], path: p('category') },
          { label: W.guidelineSpecialist, value: int(profile.guideline.specialist), path: 'profile.guideline.specialist' },
        ];
        if (r.ageGroup !== 'all') notes.push(W.ageGroupNote(AGE_GROUP_LABELS[r.ageGroup]));
      }
      notes.push(EXPLAIN_TEXT.profileRef(profile.name));
      break;
    }
    case 'dutyHoursPerWeek': {
      unit = U.hoursWeek;
      rule = EXPLAIN_RULES.dutyHours;
      const duties = (Array.isArray(d.duties) ? d.duties : []).filter((x) => x && Number(x.hoursPerWeek) > 0);
      const terms = duties.map((x) => `${typeof x.label === 'string' && x.label.trim() !== '' ? x.label : DUTY_LABELS[x.kind]} ${dec(x.hoursPerWeek, 2)}`);
      formula = terms.length === 0 ? `${W.noDuties} = 0` : sumFormula(terms, dec(value, 2));
      inputs = (Array.isArray(d.duties) ? d.duties : []).flatMap((x, i) =>
        x && typeof x === 'object'
          ? [{
              label: `${DUTY_LABELS[x.kind] ?? x.kind}${x.label ? ` (${x.label})` : ''}`,
              value: `${dec(x.hoursPerWeek, 2)} ${W.hoursPerWeek}`,
              path: `${p('duties')}[${i}].hoursPerWeek`,
            }]
          : [],
      );
      break;
    }
    case 'dutyShare': {
      unit = U.share;
      rule = EXPLAIN_RULES.dutyShare;
      const available = emp * t.fullTimeHours;
      formula =
        available <= 0
          ? `${W.employment} 0 → ${dec(value)}`
          : `min(1; ${dec(r.dutyHoursPerWeek, 2)} ${W.hoursPerWeek} ÷ (${W.employment} ${dec(emp)} × ${W.fullTime} ${dec(t.fullTimeHours, 2)} ${W.hoursPerWeek})) = ${dec(value)}`;
      inputs = [
        { label: L.dutyHoursPerWeek, value: dec(r.dutyHoursPerWeek, 2), path: p('dutyHoursPerWeek') },
        { label: W.employment, value: dec(emp), path: p('employment') },
        timeInput(plan, result, 'fullTimeHours', W.fullTime, (x) => dec(x, 2)),
      ];
      break;
    }
    case 'presence': {
      unit = U.share;
      rule = EXPLAIN_RULES.presence;
      formula = `1 − ${dec(d.absenceWeeks ?? 0, 1)} ${W.weeksAbsence} ÷ ${dec(t.weeksPerYear, 1)} ${W.weeksPerYear} = ${dec(value)}`;
      inputs = [
        { label: W.inputAbsenceWeeks, value: dec(d.absenceWeeks ?? 0, 1), path: p('absenceWeeks') },
        timeInput(plan, result, 'weeksPerYear', W.weeksPerYear, (x) => dec(x, 1)),
      ];
      break;
    }
    case 'clinicalFte': {
      unit = U.fte;
      rule = EXPLAIN_RULES.clinicalFte;
      formula = `${W.employment} ${dec(emp)} × (1 − ${dec(r.dutyShare)} ${W.dutyShare}) × ${W.presence} ${dec(r.presence)} = ${dec(value)}`;
      inputs = [
        { label: W.employment, value: dec(emp), path: p('employment') },
        { label: L.dutyShare, value: dec(r.dutyShare), path: p('dutyShare') },
        { label: L.presence, value: dec(r.presence), path: p('presence') },
      ];
      break;
    }
    case 'careWeight': {
      unit = U.careWeight;
      const own = typeof d.careWeight === 'number' && d.careWeight > 0;
      const unitCw = typeof plan.unit.careWeight === 'number' && plan.unit.careWeight > 0;
      rule = own ? EXPLAIN_RULES.careWeightDoctor : unitCw ? EXPLAIN_RULES.careWeightUnit : EXPLAIN_RULES.careWeightDefault;
      const word = own ? W.listCareWeight : unitCw ? W.unitCareWeight : W.defaultCareWeight;
      formula = `${word} = ${dec(value)}`;
      inputs = [{ label: word, value: dec(value), path: own ? p('careWeight') : 'unit.careWeight' }];
      break;
    }
    case 'capacityGuideline': {
      rule = EXPLAIN_RULES.capacityGuideline;
      formula =
        r.base <= 0
          ? `${W.notQualifying(CATEGORY_LABELS[d.category])} = 0`
          : floored(`${dec(r.base, 1)} × ${dec(r.clinicalFte)} ${W.clinicalFte} ÷ ${W.careWeight} ${dec(r.careWeight)}`, (r.base * r.clinicalFte) / r.careWeight, value);
      inputs = [
        { label: L.base, value: dec(r.base, 1), path: p('base') },
        { label: L.clinicalFte, value: dec(r.clinicalFte), path: p('clinicalFte') },
        { label: L.careWeight, value: dec(r.careWeight), path: p('careWeight') },
      ];
      notes.push(EXPLAIN_TEXT.floorNote);
      notes.push(W.modelCompare(MODEL_LABELS.time, int(r.capacityTime)));
      modelWhy(r, result, notes);
      break;
    }
    case 'capacityTime': {
      section = '§3';
      rule = EXPLAIN_RULES.capacityTime;
      const expr = `${int(Math.round(r.time.visitsYear))} ${W.visitsYear} × ${dec(t.ownPatientShare)} ${W.ownShare} ÷ (${dec(t.visitsPerPatientYear)} ${W.visitsPerPatient} × ${W.careWeight} ${dec(r.careWeight)})`;
      formula =
        r.base <= 0
          ? `${W.notQualifying(CATEGORY_LABELS[d.category])} = 0`
          : floored(expr, (r.time.visitsYear * t.ownPatientShare) / (t.visitsPerPatientYear * r.careWeight), value);
      inputs = [
        { label: L['time.visitsYear'], value: dec(r.time.visitsYear, 1), path: p('time.visitsYear') },
        timeInput(plan, result, 'ownPatientShare', W.ownShare, (x) => dec(x)),
        timeInput(plan, result, 'visitsPerPatientYear', W.visitsPerPatient, (x) => dec(x)),
        { label: L.careWeight, value: dec(r.careWeight), path: p('careWeight') },
      ];
      if (r.base <= 0) notes.push(W.notQualifyingNote);
      notes.push(EXPLAIN_TEXT.floorNote, W.calibrationNote);
      notes.push(W.modelCompare(MODEL_LABELS.guideline, int(r.capacityGuideline)));
      modelWhy(r, result, notes);
      break;
    }
    case 'capacity': {
      section = '§4';
      rule = EXPLAIN_RULES.capacity;
      const other = result.model === 'time' ? 'guideline' : 'time';
      const chosenPath = result.model === 'time' ? 'capacityTime' : 'capacityGuideline';
      formula = `${W.chosenModel(MODEL_LABELS[result.model])} = ${int(value)}`;
      inputs = [{ label: L[chosenPath], value: int(value), path: p(chosenPath) }];
      notes.push(W.modelCompare(MODEL_LABELS[other], int(other === 'time' ? r.capacityTime : r.capacityGuideline)));
      modelWhy(r, result, notes);
      break;
    }
    case 'listed': {
      section = '§4';
      rule = EXPLAIN_RULES.listed;
      formula = `${W.listed} = ${int(value)}`;
      inputs = [{ label: L.listed, value: int(value), path: p('listed') }];
      if (isFictiveList(d)) notes.push(W.fictiveList(String(d.fictiveListName)));
      break;
    }
    case 'loadRatio': {
      section = '§4';
      unit = U.ratio;
      rule = EXPLAIN_RULES.loadRatio;
      formula = `${int(r.listed ?? 0)} ${W.listed} ÷ ${W.capacity} ${int(r.capacity)} = ${dec(value, 2)}`;
      inputs = [
        { label: L.listed, value: int(r.listed ?? 0), path: p('listed') },
        { label: L.capacity, value: int(r.capacity), path: p('capacity') },
      ];
      notes.push(W.loadPercent(Number.isFinite(value) ? formatPercent(value) : '∞'));
      if (isFictiveList(d)) notes.push(W.fictiveList(String(d.fictiveListName)));
      break;
    }
    case 'limits.min':
    case 'limits.max':
    case 'limits.maxPoints': {
      section = '§5';
      const l = profile.listLimits;
      if (!l) return null;
      unit = field === 'limits.maxPoints' ? W.listPoints : U.patients;
      rule = EXPLAIN_RULES.limits;
      const perFte = field === 'limits.min' ? l.minPerFte : field === 'limits.max' ? l.maxPerFte : (l.maxPointsPerFte ?? 0);
      const parts = [`${int(perFte)} ${W.perFte}`];
      if (l.scaleWithEmployment) parts.push(`${W.employment} ${dec(emp)}`);
      if (d.category === 'st') parts.push(`${W.stFactor} ${dec(l.stFactor)}`);
      formula = `${parts.join(' × ')} = ${dec(value, 1)}`;
      inputs = [{ label: W.employment, value: dec(emp), path: p('employment') }];
      notes.push(EXPLAIN_TEXT.profileRef(profile.name));
      break;
    }
    case 'time.patientHoursYear': {
      section = '§3';
      unit = U.hoursYear;
      rule = EXPLAIN_RULES.patientHoursYear;
      formula = `max(0; ${dec(emp)} × ${dec(t.fullTimeHours, 2)} ${W.hoursPerWeek} − ${dec(r.dutyHoursPerWeek, 2)} ${W.hoursPerWeek}) × ${dec(t.weeksPerYear, 1)} ${W.weeks} × ${W.presence} ${dec(r.presence)} = ${dec(value, 1)}`;
      inputs = [
        { label: W.employment, value: dec(emp), path: p('employment') },
        timeInput(plan, result, 'fullTimeHours', W.fullTime, (x) => dec(x, 2)),
        { label: L.dutyHoursPerWeek, value: dec(r.dutyHoursPerWeek, 2), path: p('dutyHoursPerWeek') },
        timeInput(plan, result, 'weeksPerYear', W.weeksPerYear, (x) => dec(x, 1)),
        { label: L.presence, value: dec(r.presence), path: p('presence') },
      ];
      break;
    }
    case 'time.directHoursYear': {
      section = '§3';
      unit = U.hoursYear;
      rule = EXPLAIN_RULES.directHoursYear;
      formula = `${dec(r.time.patientHoursYear, 1)} ${W.hours} × (1 − ${dec(t.indirectShare)} ${W.indirectShare}) = ${dec(value, 1)}`;
      inputs = [
        { label: L['time.patientHoursYear'], value: dec(r.time.patientHoursYear, 1), path: p('time.patientHoursYear') },
        timeInput(plan, result, 'indirectShare', W.indirectShare, (x) => dec(x)),
      ];
      break;
    }
    case 'time.indirectHoursYear': {
      section = '§3';
      unit = U.hoursYear;
      rule = EXPLAIN_RULES.indirectHoursYear;
      formula = `${dec(r.time.patientHoursYear, 1)} ${W.hours} × ${dec(t.indirectShare)} ${W.indirectShare} = ${dec(value, 1)}`;
      inputs = [
        { label: L['time.patientHoursYear'], value: dec(r.time.patientHoursYear, 1), path: p('time.patientHoursYear') },
        timeInput(plan, result, 'indirectShare', W.indirectShare, (x) => dec(x)),
      ];
      break;
    }
    case 'time.dutyHoursYear': {
      section = '§3';
      unit = U.hoursYear;
      rule = EXPLAIN_RULES.dutyHoursYear;
      const capped = Math.min(r.dutyHoursPerWeek, emp * t.fullTimeHours);
      formula = `${dec(capped, 2)} ${W.hoursPerWeek} × ${dec(t.weeksPerYear, 1)} ${W.weeks} × ${W.presence} ${dec(r.presence)} = ${dec(value, 1)}`;
      inputs = [
        { label: L.dutyHoursPerWeek, value: dec(r.dutyHoursPerWeek, 2), path: p('dutyHoursPerWeek') },
        timeInput(plan, result, 'weeksPerYear', W.weeksPerYear, (x) => dec(x, 1)),
        { label: L.presence, value: dec(r.presence), path: p('presence') },
      ];
      break;
    }
    case 'time.absenceHoursYear': {
      section = '§3';
      unit = U.hoursYear;
      rule = EXPLAIN_RULES.absenceHoursYear;
      formula = `${dec(emp)} × ${dec(t.fullTimeHours, 2)} ${W.hoursPerWeek} × ${dec(t.weeksPerYear, 1)} ${W.weeks} × (1 − ${W.presence} ${dec(r.presence)}) = ${dec(value, 1)}`;
      inputs = [
        { label: W.employment, value: dec(emp), path: p('employment') },
        timeInput(plan, result, 'fullTimeHours', W.fullTime, (x) => dec(x, 2)),
        timeInput(plan, result, 'weeksPerYear', W.weeksPerYear, (x) => dec(x, 1)),
        { label: L.presence, value: dec(r.presence), path: p('presence') },
      ];
      break;
    }
    case 'time.visitMinutes': {
      section = '§3';
      unit = U.minutes;
      rule = EXPLAIN_RULES.visitMinutes;
      formula = `${dec(t.plannedShare)} × ${dec(t.plannedMinutes, 1)} ${W.minutes} + (1 − ${dec(t.plannedShare)}) × ${dec(t.acuteMinutes, 1)} ${W.minutes} = ${dec(value, 2)}`;
      inputs = [
        timeInput(plan, result, 'plannedShare', W.plannedShare, (x) => dec(x)),
        timeInput(plan, result, 'plannedMinutes', W.inputPlannedMinutes, (x) => dec(x, 1)),
        timeInput(plan, result, 'acuteMinutes', W.inputAcuteMinutes, (x) => dec(x, 1)),
      ];
      break;
    }
    case 'time.visitsYear': {
      section = '§3';
      unit = U.visitsYear;
      rule = EXPLAIN_RULES.visitsYear;
      formula = `${dec(r.time.directHoursYear, 1)} ${W.hours} × 60 ÷ ${dec(r.time.visitMinutes, 2)} ${W.minutesPerVisit} = ${dec(value, 1)}`;
      inputs = [
        { label: L['time.directHoursYear'], value: dec(r.time.directHoursYear, 1), path: p('time.directHoursYear') },
        { label: L['time.visitMinutes'], value: dec(r.time.visitMinutes, 2), path: p('time.visitMinutes') },
      ];
      break;
    }
  }
  notes.push(EXPLAIN_TEXT.specRef(section));
  return { label, value, unit, formula, rule, inputs, notes };
}

function explainUnit(plan: Plan, result: PlanResult, field: UnitField): Explanation | null {
  const u = result.unit;
  const value = u[field];
  if (value === null) return null;
  const L = EXPLAIN_LABELS.unit;
  const notes: string[] = [];
  let unit: string = U.patients;
  let rule: string;
  let formula: string;
  let inputs: Input[] = [];
  let section = '§4';
  const name = (r: DoctorResult) => (typeof r.name === 'string' && r.name.trim() !== '' ? r.name : r.id);
  const perDoctor = (key: 'capacity' | 'capacityGuideline' | 'capacityTime' | 'clinicalFte', fmt: (x: number) => string) => {
    inputs = result.doctors.map((r) => ({ label: name(r), value: fmt(r[key]), path: `doctors.${r.id}.${key}` }));
    return sumFormula(result.doctors.map((r) => fmt(r[key])), fmt(value));
  };

  switch (field) {
    case 'listed':
      rule = EXPLAIN_RULES.unitListed;
      formula = `${W.listed} = ${int(value)}`;
      inputs = [{ label: L.listed, value: int(value), path: 'unit.listed' }];
      break;
    case 'capacity':
    case 'capacityGuideline':
    case 'capacityTime':
      rule = EXPLAIN_RULES.unitCapacitySum;
      formula = perDoctor(field, int);
      if (field === 'capacity') notes.push(EXPLAIN_TEXT.modelChosen(MODEL_LABELS[result.model]));
      if (field === 'capacityTime') section = '§3, §4';
      break;
    case 'coverageToday': {
      unit = U.percent;
      rule = EXPLAIN_RULES.coverageToday;
      const w = Math.max(0, Number(plan.unit.withNamedDoctor) || 0);
      formula = u.listed > 0 ? `${int(w)} ${W.withNamedDoctor} ÷ ${int(u.listed)} ${W.listed} = ${pct(value)}` : `0 ${W.listed} → ${pct(value)}`;
      inputs = [
        { label: W.inputWithNamedDoctor, value: int(w), path: 'unit.withNamedDoctor' },
        { label: L.listed, value: int(u.listed), path: 'unit.listed' },
      ];
      break;
    }
    case 'coveragePossible':
      unit = U.percent;
      rule = EXPLAIN_RULES.coveragePossible;
      formula = u.listed > 0 ? `min(100${NBSP}%; ${W.capacity} ${int(u.capacity)} ÷ ${int(u.listed)} ${W.listed}) = ${pct(value)}` : `0 ${W.listed} → ${pct(value)}`;
      inputs = [
        { label: L.capacity, value: int(u.capacity), path: 'unit.capacity' },
        { label: L.listed, value: int(u.listed), path: 'unit.listed' },
      ];
      break;
    case 'gapPatients': {
      rule = EXPLAIN_RULES.gapPatients;
      const target = result.unit.listed > 0 ? Math.ceil(round9(Math.max(0, Number(plan.unit.targetCoverage ?? 1)) * u.listed)) : 0;
      formula = `max(0; ${pct(Number(plan.unit.targetCoverage ?? 1))} × ${int(u.listed)} ${W.listed} → ${int(target)} − ${W.capacity} ${int(u.capacity)}) = ${int(value)}`;
      inputs = [
        { label: W.target, value: pct(Number(plan.unit.targetCoverage ?? 1)), path: 'unit.targetCoverage' },
        { label: L.listed, value: int(u.listed), path: 'unit.listed' },
        { label: L.capacity, value: int(u.capacity), path: 'unit.capacity' },
      ];
      notes.push(W.ceilNote);
      break;
    }
    case 'fteNeeded': {
      unit = U.fte;
      rule = EXPLAIN_RULES.fteNeeded;
      const g = result.profile.guideline.specialist;
      const cw = Number(plan.unit.careWeight) > 0 ? Number(plan.unit.careWeight) : 1;
      formula = `${int(u.gapPatients)} ${W.patients} × ${W.careWeight} ${dec(cw)} ÷ ${int(g)} ${W.perFte} = ${dec(value, 2)}`;
      inputs = [
        { label: L.gapPatients, value: int(u.gapPatients), path: 'unit.gapPatients' },
        { label: W.inputUnitCareWeight, value: dec(cw), path: 'unit.careWeight' },
        { label: W.guidelineSpecialist, value: int(g), path: 'profile.guideline.specialist' },
      ];
      notes.push(W.fteProfileNote(int(g)));
      break;
    }
    case 'priorityTotal': {
      rule = EXPLAIN_RULES.priorityTotal;
      const pr = plan.unit.priority ?? ({} as Plan['unit']['priority']);
      const vals = PRIORITY_KEYS.map((k) => Math.max(0, Number(pr[k]) || 0));
      formula = `${PRIORITY_KEYS.map((k, i) => `${int(vals[i])} ${PRIORITY_LABELS[k]}`).join(' + ')} = ${int(value)}`;
      inputs = PRIORITY_KEYS.map((k, i) => ({ label: PRIORITY_LABELS[k], value: int(vals[i]), path: `unit.priority.${k}` }));
      break;
    }
    case 'priorityCovered':
      rule = EXPLAIN_RULES.priorityCovered;
      formula = `min(${int(u.priorityTotal)} ${W.priority}; ${W.capacity} ${int(u.capacity)}) = ${int(value)}`;
      inputs = [
        { label: L.priorityTotal, value: int(u.priorityTotal), path: 'unit.priorityTotal' },
        { label: L.capacity, value: int(u.capacity), path: 'unit.capacity' },
      ];
      break;
    case 'listedOnDoctors': {
      rule = EXPLAIN_RULES.listedOnDoctors;
      const known = result.doctors.filter((r) => r.listed !== null);
      inputs = known.map((r) => ({ label: name(r), value: int(r.listed as number), path: `doctors.${r.id}.listed` }));
      formula = sumFormula(known.map((r) => int(r.listed as number)), int(value));
      break;
    }
    case 'employmentFte':
      unit = U.fte;
      rule = EXPLAIN_RULES.employmentFte;
      inputs = plan.doctors.map((d) => ({ label: d.name || d.id, value: dec(employmentOf(d)), path: `doctors.${d.id}.employment` }));
      formula = sumFormula(plan.doctors.map((d) => dec(employmentOf(d))), dec(value));
      break;
    case 'clinicalFte':
      unit = U.fte;
      rule = EXPLAIN_RULES.clinicalFteSum;
      formula = perDoctor('clinicalFte', (x) => dec(x));
      break;
    case 'paperListPatients': {
      rule = EXPLAIN_RULES.paperListPatients;
      const w = Math.max(0, Number(plan.unit.withNamedDoctor) || 0);
      formula = `max(0; ${int(w)} ${W.withNamedDoctor} − ${W.capacity} ${int(u.capacity)}) = ${int(value)}`;
      inputs = [
        { label: W.inputWithNamedDoctor, value: int(w), path: 'unit.withNamedDoctor' },
        { label: L.capacity, value: int(u.capacity), path: 'unit.capacity' },
      ];
      notes.push(W.paperListNote);
      section = '§6';
      break;
    }
    case 'doctorsOverCapacity': {
      unit = U.doctors;
      rule = EXPLAIN_RULES.doctorsOverCapacity;
      const over = result.findings.filter((f) => f.rule === 'over-capacity' && f.doctorId);
      const byId = new Map(result.doctors.map((r) => [r.id, r]));
      inputs = over.map((f) => {
        const r = byId.get(f.doctorId as string) as DoctorResult;
        return { label: name(r), value: `${int(r.listed ?? 0)} ${W.listed} ÷ ${W.capacity} ${int(r.capacity)}`, path: `doctors.${r.id}.loadRatio` };
      });
      formula = over.length === 0 ? `${W.noneOverCapacity} = 0` : sumFormula(over.map(() => '1'), int(value));
      break;
    }
    case 'stimulusSek': {
      section = '§5';
      unit = U.sek;
      rule = EXPLAIN_RULES.stimulus;
      const s = result.profile.stimulus;
      if (!s) return null;
      let points = 0;
      let cw = 0;
      plan.doctors.forEach((d, i) => {
        if (result.doctors[i].base <= 0 || isFictiveList(d)) return;
        if (typeof d.listPoints === 'number') points += Math.max(0, d.listPoints);
        if (typeof d.careWeightPoints === 'number') cw += Math.max(0, d.careWeightPoints);
      });
      const th = result.profile.coverageThreshold;
      const below = th !== null && round9(u.coverageToday) < th;
      formula = below
        ? `${W.belowThreshold(pct(u.coverageToday), formatPercent(th as number))} → ${int(value)}`
        : `${dec(s.sekPerListPoint, 2)} ${W.sekPerListPoint} × ${dec(points, 1)} ${W.listPoints} + ${dec(s.sekPerCareWeightPoint, 2)} ${W.sekPerCareWeightPoint} × ${dec(cw, 1)} ${W.careWeightPoints} = ${int(value)}`;
      inputs = [];
      plan.doctors.forEach((d, i) => {
        if (result.doctors[i].base <= 0 || isFictiveList(d)) return;
        const who = d.name || d.id;
        if (typeof d.listPoints === 'number') inputs.push({ label: `${W.listPoints} – ${who}`, value: dec(d.listPoints, 1), path: `doctors.${d.id}.listPoints` });
        if (typeof d.careWeightPoints === 'number') inputs.push({ label: `${W.careWeightPoints} – ${who}`, value: dec(d.careWeightPoints, 1), path: `doctors.${d.id}.careWeightPoints` });
      });
      inputs.push({ label: L.coverageToday, value: pct(u.coverageToday), path: 'unit.coverageToday' });
      notes.push(W.stimulusPointsNote, W.stimulusPeriod(s.period), EXPLAIN_TEXT.profileRef(result.profile.name));
      break;
    }
  }
  notes.push(EXPLAIN_TEXT.specRef(section));
  return { label: L[field], value, unit, formula, rule, inputs, notes };
}

/**
 * Explain one number. Paths: `unit.<field>`, `doctors.<id>.<field>`, `doctors.<id>.time.<field>`,
 * `doctors.<id>.limits.<min|max|maxPoints>`. Returns null for an unknown path or a number that is null.
 */
export function explain(plan: Plan, result: PlanResult, path: string): Explanation | null {
  if (path.startsWith('unit.')) {
    const f = path.slice(5);
    return (UNIT_FIELDS as readonly string[]).includes(f) ? explainUnit(plan, result, f as UnitField) : null;
  }
  if (!path.startsWith('doctors.')) return null;
  const rest = path.slice(8);
  const field = DOCTOR_FIELDS.find((f) => rest.endsWith(`.${f}`) && rest.length > f.length + 1);
  if (!field) return null;
  const id = rest.slice(0, rest.length - field.length - 1);
  const i = result.doctors.findIndex((r) => r.id === id);
  if (i < 0 || !plan.doctors[i] || plan.doctors[i].id !== id) return null;
  return explainDoctor(plan, result, plan.doctors[i], result.doctors[i], field);
}
