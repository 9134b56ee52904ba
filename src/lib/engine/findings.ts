/**
 * Findings (domain.md §5): rule breaks, limits and goal lines, each with a severity, the doctor
 * it concerns, a Swedish message naming the doctor and the numbers, and the input path it is about.
 */
import { AGE_GROUP_LABELS, FINDING_TEXT } from '../strings/engine.sv';
import { PEER_FINDING_TEXT } from '../strings/peers.sv';
import { DEFAULT_SAFE_DAY_CONTACTS } from './formulas/constants';
import { addMonths, isIsoDate } from './dates';
import { agreementFindings } from './agreement';
import { DEFAULT_MIN_EMPLOYMENT_MONTHS } from './profiles';
import { fmt } from './quantity';
import { clamp, num, round9 } from './round';
import { isFictiveList } from './unit';
import type { Doctor, DoctorResult, Finding, IsoDate, Plan, RuleProfile, Severity, TimeAssumptions, UnitResult } from './types';

/**
 * Every number in a finding goes through fmt.<kind> (quantity.ts), so a figure reads the same here as in the
 * grid, the report and the workbook: a load is whole percent, half away from zero ("107 %", never a
 * rounded-up "108 %"), and a list just over capacity says how many patients over.
 */
function nameOf(d: Doctor): string {
  const n = typeof d.name === 'string' ? d.name.trim() : '';
  return n !== '' ? n : d.id;
}

/** Normalised for the prefix test: trimmed, one space between words, lower case (å, ä, ö lower-case the same in every locale). */
function norm(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether a fictive list name begins with the unit's name (seed 000: "<unit> Dr <name>" or a number).
 * Case and repeated spaces are ignored; the unit's name must be followed by the end or a non-letter,
 * so "Vårdcentralen Exempelby Dr X" does not pass for the unit "Vårdcentralen Exempel".
 */
export function fictiveNameStartsWithUnit(listName: string, unitName: string): boolean {
  const l = norm(listName);
  const u = norm(unitName);
  if (u === '' || !l.startsWith(u)) return false;
  const next = l.charAt(u.length);
  return next === '' || !/\p{L}|\p{N}/u.test(next);
}

type Buckets = Record<Severity, Finding[]>;

/** Plan-wide values the doctor rules share (computed once per plan). */
interface DoctorRuleContext extends FindingsContext {
  employmentMonths: number;
  /** today + employmentMonths: a planned end before this is short (ISO dates compare as strings). */
  employmentLimit: IsoDate;
}

export interface FindingsContext {
  plan: Plan;
  profile: RuleProfile;
  time: TimeAssumptions;
  today: IsoDate;
  doctors: DoctorResult[];
  unit: UnitResult;
}

function addDoctorFinding(out: Buckets, id: string, rule: Finding['rule'], severity: Severity, message: string, field: string): void {
  out[severity].push({ rule, severity, doctorId: id, message, field: `doctors.${id}.${field}` });
}

function doctorFindings(d: Doctor, r: DoctorResult, ctx: DoctorRuleContext, out: Buckets): void {
  const { profile, time, plan } = ctx;
  const name = nameOf(d);
  const add = (rule: Finding['rule'], severity: Severity, message: string, field: string) => addDoctorFinding(out, d.id, rule, severity, message, field);
  const listed = r.listed;
  const fictive = isFictiveList(d);

  // duties-exceed-time: duty hours > employment × fullTimeHours (domain.md §5).
  const availableWeek = round9(clamp(num(d.employment), 0, 1) * time.fullTimeHours);
  if (r.dutyHoursPerWeek > availableWeek) {
    add('duties-exceed-time', 'error', FINDING_TEXT.dutiesExceedTime(name, fmt.hours(r.dutyHoursPerWeek), fmt.hours(availableWeek)), 'duties');
  }

  // not-eligible (domain.md §5; seed 001: who may be fast läkarkontakt).
  let listError = false;
  if (listed !== null && listed > 0) {
    if (d.category === 'junior') {
      listError = true;
      add('not-eligible', 'error', FINDING_TEXT.notEligibleJunior(name, fmt.patients(listed)), 'listed');
    } else if (d.category === 'geriatrician' || d.category === 'pediatrician') {
      add('not-eligible', 'info', FINDING_TEXT.notEligibleAgeGroup(name, AGE_GROUP_LABELS[r.ageGroup]), 'listed');
    }
  }

  // locum-holds-list (seed 000): a locum's patients belong on a fictive list.
  if (profile.locumRule.cannotHoldList && d.category === 'locum' && listed !== null && listed > 0 && !fictive) {
    listError = true;
    add('locum-holds-list', 'error', FINDING_TEXT.locumHoldsList(name, fmt.patients(listed)), 'listed');
  }

  // fictive-list-name (seed 000): "<unit> Dr <name>".
  if (profile.locumRule.fictiveListMustStartWithUnit && fictive && !fictiveNameStartsWithUnit(d.fictiveListName as string, plan.unit.name ?? '')) {
    add('fictive-list-name', 'warning', FINDING_TEXT.fictiveListName(name, (d.fictiveListName as string).trim(), plan.unit.name ?? ''), 'fictiveListName');
  }

  // list limits (domain.md §5, seed 001).
  if (r.limits && listed !== null) {
    if (listed < r.limits.min) add('list-below-min', 'warning', FINDING_TEXT.listBelowMin(name, fmt.patients(listed), fmt.patients(r.limits.min)), 'listed');
    if (listed > r.limits.max) add('list-above-max', 'warning', FINDING_TEXT.listAboveMax(name, fmt.patients(listed), fmt.patients(r.limits.max)), 'listed');
  }
  if (r.limits && r.limits.maxPoints !== null && typeof d.listPoints === 'number' && Number.isFinite(d.listPoints) && d.listPoints > r.limits.maxPoints) {
    add('points-above-max', 'warning', FINDING_TEXT.pointsAboveMax(name, fmt.points(d.listPoints), fmt.points(r.limits.maxPoints)), 'listPoints');
  }

  // short-employment: planned end earlier than today + minEmploymentMonths (default 12), for doctors who can hold a named list.
  if (r.base > 0 && typeof d.plannedEnd === 'string' && d.plannedEnd < ctx.employmentLimit && isIsoDate(d.plannedEnd)) {
    add('short-employment', 'warning', FINDING_TEXT.shortEmployment(name, d.plannedEnd, fmt.months(ctx.employmentMonths), ctx.employmentLimit), 'plannedEnd');
  }

  // day-above-safe (domain.md §9): the time model's visits per working day above the profile's safe day (BMA: 25),
  // compared as shown (one decimal), so "25,1 besök, över gränsen 25" never reads "25 besök, över gränsen 25".
  const perDay = r.visitsPerDay;
  const safeDay = safeDayOf(profile);
  if (perDay !== null && perDay !== undefined && Math.round(round9(perDay) * 10) / 10 > safeDay) {
    out.warning.push({ rule: 'day-above-safe', severity: 'warning', doctorId: d.id, message: PEER_FINDING_TEXT.dayAboveSafe(name, fmt.perDay(perDay), fmt.perDay(safeDay)) });
  }

  // over-capacity: loadRatio > 1 (domain.md §4). A fictive list is no named-doctor list, so it carries no load;
  // and a list that already has an error (locum or AT/BT holding a list) is not reported twice.
  if (!fictive && !listError && r.loadRatio !== null && r.loadRatio > 1 && listed !== null) {
    add('over-capacity', 'warning', FINDING_TEXT.overCapacity(name, fmt.patients(listed), fmt.patients(r.capacity), fmt.patients(listed - r.capacity), fmt.load(r.loadRatio)), 'listed');
  }
}

function unitFindings(ctx: FindingsContext, out: Buckets): void {
  const { plan, profile, unit } = ctx;
  const coverage = round9(unit.coverageToday);
  const withNamed = Math.max(0, num(plan.unit.withNamedDoctor));

  if (profile.coverageThreshold !== null && unit.listed > 0 && coverage < profile.coverageThreshold) {
    out.warning.push({
      rule: 'coverage-below-threshold',
      severity: 'warning',
      message: FINDING_TEXT.coverageBelowThreshold(fmt.share(unit.coverageToday), fmt.percent(profile.coverageThreshold), fmt.patients(withNamed), fmt.patients(unit.listed)),
      field: 'unit.withNamedDoctor',
    });
  }
  if (unit.capacity < unit.priorityTotal) {
    out.warning.push({
      rule: 'priority-uncovered',
      severity: 'warning',
      message: FINDING_TEXT.priorityUncovered(fmt.patients(unit.capacity), fmt.patients(unit.priorityTotal), fmt.patients(unit.priorityTotal - unit.capacity)),
      field: 'unit.priority',
    });
  }
  const goals = profile.goals;
  if (goals && unit.listed > 0 && coverage < goals.coverage) {
    out.info.push({
      rule: 'goal-coverage',
      severity: 'info',
      message: FINDING_TEXT.goalCoverage(fmt.share(unit.coverageToday), fmt.percent(goals.coverage)),
      field: 'unit.withNamedDoctor',
    });
  }
  const nhWith = plan.unit.withNamedDoctorNursingHome;
  const nhTotal = num(plan.unit.priority?.nursingHome);
  if (goals && typeof nhWith === 'number' && Number.isFinite(nhWith) && nhTotal > 0) {
    const share = nhWith / nhTotal;
    if (round9(share) < goals.nursingHome) {
      out.info.push({
        rule: 'goal-nursing-home',
        severity: 'info',
        message: FINDING_TEXT.goalNursingHome(fmt.share(share), fmt.percent(goals.nursingHome), fmt.patients(nhWith), fmt.patients(nhTotal)),
        field: 'unit.withNamedDoctorNursingHome',
      });
    }
  }
}

/** All findings, errors first, then warnings, then info; within a severity in plan order. */
export function computeFindings(ctx: FindingsContext): Finding[] {
  const out: Buckets = { error: [], warning: [], info: [] };
  unitFindings(ctx, out);
  const employmentMonths = ctx.profile.minEmploymentMonths ?? DEFAULT_MIN_EMPLOYMENT_MONTHS;
  const dctx: DoctorRuleContext = { ...ctx, employmentMonths, employmentLimit: addMonths(ctx.today, employmentMonths) };
  const doctors = ctx.plan.doctors;
  const model = ctx.plan.model === 'time' ? 'time' : 'guideline';
  for (let i = 0; i < doctors.length; i++) {
    doctorFindings(doctors[i], ctx.doctors[i], dctx, out);
    for (const f of agreementFindings(doctors[i], ctx.doctors[i], ctx.today, model)) out[f.severity].push(f);
  }
  return out.error.concat(out.warning, out.info);
}

/** Contacts a doctor can safely have in a working day: the profile's figure, else the BMA's 25 (domain.md §9). */
export function safeDayOf(profile: RuleProfile): number {
  const v = profile.safeDayContacts;
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_SAFE_DAY_CONTACTS;
}
