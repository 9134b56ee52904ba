/**
 * Findings (domain.md §5): rule breaks, limits and goal lines, each with a severity, the doctor
 * it concerns, a Swedish message naming the doctor and the numbers, and the input path it is about.
 */
import { AGE_GROUP_LABELS, FINDING_TEXT } from '../strings/engine.sv';
import { addMonths, isIsoDate } from './dates';
import { formatDecimal, formatNumber, formatPercent } from './format';
import { DEFAULT_MIN_EMPLOYMENT_MONTHS } from './profiles';
import { num, round9 } from './round';
import { isFictiveList } from './unit';
import type { Doctor, DoctorResult, Finding, IsoDate, Plan, RuleProfile, Severity, TimeAssumptions, UnitResult } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const fmtPatients = (x: number) => formatDecimal(x, 1);
const fmtLoad = (x: number) => (Number.isFinite(x) ? formatPercent(x) : '∞');
const nameOf = (d: Doctor) => (d.name && d.name.trim() !== '' ? d.name.trim() : d.id);

/** Normalised for the prefix test: trimmed, one space between words, lower case. */
function norm(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');
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

export interface FindingsContext {
  plan: Plan;
  profile: RuleProfile;
  time: TimeAssumptions;
  today: IsoDate;
  doctors: DoctorResult[];
  unit: UnitResult;
}

function doctorFindings(d: Doctor, r: DoctorResult, ctx: FindingsContext, out: Finding[]): void {
  const { profile, time, plan, today } = ctx;
  const name = nameOf(d);
  const p = (field: string) => `doctors.${d.id}.${field}`;
  const add = (rule: Finding['rule'], severity: Severity, message: string, field: string) =>
    out.push({ rule, severity, doctorId: d.id, message, field: p(field) });
  const listed = r.listed;
  const fictive = isFictiveList(d);

  // duties-exceed-time: duty hours > employment × fullTimeHours (domain.md §5).
  const availableWeek = round9(Math.max(0, num(d.employment)) * time.fullTimeHours);
  if (r.dutyHoursPerWeek > availableWeek) {
    add('duties-exceed-time', 'error', FINDING_TEXT.dutiesExceedTime(name, formatDecimal(r.dutyHoursPerWeek, 1), formatDecimal(availableWeek, 1)), 'duties');
  }

  // not-eligible (domain.md §5; seed 001: who may be fast läkarkontakt).
  if (listed !== null && listed > 0) {
    if (d.category === 'junior') {
      add('not-eligible', 'error', FINDING_TEXT.notEligibleJunior(name, formatNumber(listed)), 'listed');
    } else if (d.category === 'geriatrician' || d.category === 'pediatrician') {
      add('not-eligible', 'info', FINDING_TEXT.notEligibleAgeGroup(name, AGE_GROUP_LABELS[r.ageGroup]), 'listed');
    }
  }

  // locum-holds-list (seed 000): a locum's patients belong on a fictive list.
  if (profile.locumRule.cannotHoldList && d.category === 'locum' && listed !== null && listed > 0 && !fictive) {
    add('locum-holds-list', 'error', FINDING_TEXT.locumHoldsList(name, formatNumber(listed)), 'listed');
  }

  // fictive-list-name (seed 000): "<unit> Dr <name>".
  if (profile.locumRule.fictiveListMustStartWithUnit && fictive && !fictiveNameStartsWithUnit(d.fictiveListName as string, plan.unit.name ?? '')) {
    add('fictive-list-name', 'warning', FINDING_TEXT.fictiveListName(name, (d.fictiveListName as string).trim(), plan.unit.name ?? ''), 'fictiveListName');
  }

  // list limits (domain.md §5, seed 001).
  if (r.limits && listed !== null) {
    if (listed < r.limits.min) add('list-below-min', 'warning', FINDING_TEXT.listBelowMin(name, formatNumber(listed), fmtPatients(r.limits.min)), 'listed');
    if (listed > r.limits.max) add('list-above-max', 'warning', FINDING_TEXT.listAboveMax(name, formatNumber(listed), fmtPatients(r.limits.max)), 'listed');
  }
  if (r.limits && r.limits.maxPoints !== null && typeof d.listPoints === 'number' && Number.isFinite(d.listPoints) && d.listPoints > r.limits.maxPoints) {
    add('points-above-max', 'warning', FINDING_TEXT.pointsAboveMax(name, formatDecimal(d.listPoints, 1), fmtPatients(r.limits.maxPoints)), 'listPoints');
  }

  // short-employment: planned end earlier than today + minEmploymentMonths (default 12), for doctors who can hold a named list.
  if (r.base > 0 && isIsoDate(d.plannedEnd)) {
    const months = profile.minEmploymentMonths ?? DEFAULT_MIN_EMPLOYMENT_MONTHS;
    const limit = addMonths(today, months);
    if (d.plannedEnd < limit) add('short-employment', 'warning', FINDING_TEXT.shortEmployment(name, d.plannedEnd, formatNumber(months), limit), 'plannedEnd');
  }

  // over-capacity: loadRatio > 1 (domain.md §4). A fictive list is no named-doctor list, so it carries no load.
  if (!fictive && r.loadRatio !== null && r.loadRatio > 1 && listed !== null) {
    add('over-capacity', 'warning', FINDING_TEXT.overCapacity(name, formatNumber(listed), formatNumber(r.capacity), fmtLoad(r.loadRatio)), 'listed');
  }
}

function unitFindings(ctx: FindingsContext, out: Finding[]): void {
  const { plan, profile, unit } = ctx;
  const coverage = round9(unit.coverageToday);
  const withNamed = Math.max(0, num(plan.unit.withNamedDoctor));

  if (profile.coverageThreshold !== null && unit.listed > 0 && coverage < profile.coverageThreshold) {
    out.push({
      rule: 'coverage-below-threshold',
      severity: 'warning',
      message: FINDING_TEXT.coverageBelowThreshold(formatPercent(unit.coverageToday, 1), formatPercent(profile.coverageThreshold), formatNumber(withNamed), formatNumber(unit.listed)),
      field: 'unit.withNamedDoctor',
    });
  }
  if (unit.capacity < unit.priorityTotal) {
    out.push({
      rule: 'priority-uncovered',
      severity: 'warning',
      message: FINDING_TEXT.priorityUncovered(formatNumber(unit.capacity), formatNumber(unit.priorityTotal), formatNumber(unit.priorityTotal - unit.capacity)),
      field: 'unit.priority',
    });
  }
  const goals = profile.goals;
  if (goals && unit.listed > 0 && coverage < goals.coverage) {
    out.push({
      rule: 'goal-coverage',
      severity: 'info',
      message: FINDING_TEXT.goalCoverage(formatPercent(unit.coverageToday, 1), formatPercent(goals.coverage)),
      field: 'unit.withNamedDoctor',
    });
  }
  const nhWith = plan.unit.withNamedDoctorNursingHome;
  const nhTotal = num(plan.unit.priority?.nursingHome);
  if (goals && typeof nhWith === 'number' && Number.isFinite(nhWith) && nhTotal > 0) {
    const share = nhWith / nhTotal;
    if (round9(share) < goals.nursingHome) {
      out.push({
        rule: 'goal-nursing-home',
        severity: 'info',
        message: FINDING_TEXT.goalNursingHome(formatPercent(share, 1), formatPercent(goals.nursingHome), formatNumber(nhWith), formatNumber(nhTotal)),
        field: 'unit.withNamedDoctorNursingHome',
      });
    }
  }
}

/** All findings, errors first, then warnings, then info; within a severity in plan order. */
export function computeFindings(ctx: FindingsContext): Finding[] {
  const out: Finding[] = [];
  unitFindings(ctx, out);
  ctx.plan.doctors.forEach((d, i) => doctorFindings(d, ctx.doctors[i], ctx, out));
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
