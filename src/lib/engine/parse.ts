/**
 * Plan-file reading (contracts.md): JSON string or object → migrated, validated Plan, or Swedish
 * errors at JSON paths ("doctors[2].employment", for code) with the place in the user's words
 * ("Läkare 3 (Anna Berg): Tjänstgöringsgrad", planErrorPlace.ts). Unknown fields are kept. serializePlan writes
 * the `.kapacitet.json` file.
 */
import { AGREEMENT_PARSE_TEXT } from '../strings/agreement.sv';
import { CATEGORY_NAMES, DUTY_LABELS, MODEL_LABELS, PARSE_TEXT, PROFILE_TEXT } from '../strings/engine.sv';
import { AGREEMENT_NOTE_MAX, textHoldsPersonnummer } from './agreement';
import { categoryFromText, dutyKindFromText, modelFromText } from './vocabulary';
import { isIsoDate } from './dates';
import { formatDecimal, formatNumber } from './format';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, migratePlanObject } from './migrate';
import { MAX_DOCTORS_PER_PLAN, MAX_PLAN_DEPTH, MAX_PLAN_FILE_CHARS } from './limits';
import { looksLikePersonnummer } from './personnummer';
import { planFromFile, planToFile } from './planFile';
import { withPlaces } from './planErrorPlace';
import { PROFILES } from './profiles';
import { TIME_KEYS } from './time';
import { CARE_WEIGHT_BASES, DOCTOR_CATEGORIES, DUTY_KINDS, PRIORITY_KEYS, TEAM_PROFESSIONS } from './types';
import { CARE_WEIGHT_BASIS_LABELS, PEER_PARSE_TEXT } from '../strings/peers.sv';
import { AGE_BAND_COUNT } from './ageReference';
import { MAX_TEAM_SHARE } from './formulas/constants';
import type { ParsePlanResult, Plan, PlanError } from './types';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

interface NumRule {
  min?: number;
  /** Exclusive minimum. */
  above?: number;
  max?: number;
  integer?: boolean;
  /** Message used instead of the generic range messages. */
  rangeMessage?: string;
}

class Checker {
  errors: PlanError[] = [];
  warnings: PlanError[] = [];
  error(path: string, message: string) {
    this.errors.push({ path, message });
  }
  warn(path: string, message: string) {
    this.warnings.push({ path, message });
  }

  /** A number field. Absent (undefined/null) → `fallback` (deleted when fallback is undefined). */
  num(o: Obj, key: string, path: string, rule: NumRule, fallback?: number, required = false): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.error(path, PARSE_TEXT.required);
      if (fallback === undefined) delete o[key];
      else o[key] = fallback;
      return fallback;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.error(path, PARSE_TEXT.notNumber);
      return undefined;
    }
    const bad = (msg: string) => {
      this.error(path, rule.rangeMessage ?? msg);
      return undefined;
    };
    if (rule.integer && !Number.isInteger(v)) return bad(PARSE_TEXT.notInteger);
    if (rule.min !== undefined && v < rule.min) return bad(PARSE_TEXT.atLeast(formatDecimal(rule.min, 3)));
    if (rule.above !== undefined && v <= rule.above) return bad(PARSE_TEXT.greaterThan(formatDecimal(rule.above, 3)));
    if (rule.max !== undefined && v > rule.max) return bad(PARSE_TEXT.atMost(formatDecimal(rule.max, 3)));
    return v;
  }

  str(o: Obj, key: string, path: string, required: boolean, fallback?: string): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required && fallback === undefined) this.error(path, PARSE_TEXT.required);
      if (fallback !== undefined) o[key] = fallback;
      else delete o[key];
      return fallback;
    }
    if (typeof v !== 'string') {
      this.error(path, PARSE_TEXT.notString);
      return undefined;
    }
    if (looksLikePersonnummer(v)) this.error(path, PARSE_TEXT.personnummer);
    return v;
  }

  bool(o: Obj, key: string, path: string, fallback: boolean): void {
    const v = o[key];
    if (v === undefined || v === null) o[key] = fallback;
    else if (typeof v !== 'boolean') this.error(path, PARSE_TEXT.notBoolean);
  }

  obj(o: Obj, key: string, path: string, required: boolean): Obj | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.error(path, PARSE_TEXT.required);
      return undefined;
    }
    if (!isObj(v)) {
      this.error(path, PARSE_TEXT.notObjectValue);
      return undefined;
    }
    return v;
  }
}

const SHARE: NumRule = { min: 0, max: 1, rangeMessage: PARSE_TEXT.shareRange };
const PATIENTS: NumRule = { min: 0, max: 10_000_000 };
const CARE_WEIGHT: NumRule = { above: 0, max: 10, rangeMessage: PARSE_TEXT.careWeightRange };
const HOURS_WEEK: NumRule = { min: 0, max: 168, rangeMessage: PARSE_TEXT.hoursRange };

const TIME_RULES: Record<(typeof TIME_KEYS)[number], NumRule> = {
  fullTimeHours: { above: 0, max: 168 },
  weeksPerYear: { above: 0, max: 53 },
  indirectShare: { min: 0, max: 0.95 },
  plannedMinutes: { above: 0, max: 600 },
  acuteMinutes: { above: 0, max: 600 },
  plannedShare: SHARE,
  ownPatientShare: { min: 0, max: 1, rangeMessage: PARSE_TEXT.shareRange },
  visitsPerPatientYear: { above: 0, max: 100 },
};

function checkProfile(c: Checker, plan: Obj): void {
  const p = plan.profile;
  if (p === undefined || p === null) {
    plan.profile = 'national';
    return;
  }
  if (typeof p === 'string') {
    if (!Object.hasOwn(PROFILES, p)) c.error('profile', PARSE_TEXT.unknownProfile(p.slice(0, 40), Object.values(PROFILES).map((x) => `”${x.name}”`).join(', ')));
    return;
  }
  if (!isObj(p)) {
    c.error('profile', PARSE_TEXT.notObjectValue);
    return;
  }
  const start = c.errors.length;
  c.str(p, 'id', 'profile.id', false, 'custom');
  c.str(p, 'name', 'profile.name', false, PROFILE_TEXT.custom.name);
  c.str(p, 'source', 'profile.source', false, '');
  const g = c.obj(p, 'guideline', 'profile.guideline', true);
  if (g) {
    c.num(g, 'specialist', 'profile.guideline.specialist', { above: 0, max: 100_000 }, undefined, true);
    c.num(g, 'stMid', 'profile.guideline.stMid', { above: 0, max: 100_000 }, undefined, true);
  }
  if (p.stRamp === undefined || p.stRamp === null) p.stRamp = { ...PROFILES.national.stRamp };
  const r = c.obj(p, 'stRamp', 'profile.stRamp', true);
  if (r) {
    c.bool(r, 'enabled', 'profile.stRamp.enabled', true);
    c.num(r, 'startFactor', 'profile.stRamp.startFactor', { min: 0, max: 10 }, 0.5);
    c.num(r, 'endFactor', 'profile.stRamp.endFactor', { min: 0, max: 10 }, 1.5);
  }
  if (p.listLimits === undefined) p.listLimits = null;
  if (p.listLimits !== null) {
    const l = c.obj(p, 'listLimits', 'profile.listLimits', true);
    if (l) {
      const min = c.num(l, 'minPerFte', 'profile.listLimits.minPerFte', PATIENTS, undefined, true);
      const max = c.num(l, 'maxPerFte', 'profile.listLimits.maxPerFte', PATIENTS, undefined, true);
      if (min !== undefined && max !== undefined && min > max) c.error('profile.listLimits.minPerFte', PARSE_TEXT.limitsOrder);
      if (l.maxPointsPerFte === undefined) l.maxPointsPerFte = null;
      if (l.maxPointsPerFte !== null) c.num(l, 'maxPointsPerFte', 'profile.listLimits.maxPointsPerFte', { min: 0 });
      c.num(l, 'stFactor', 'profile.listLimits.stFactor', { min: 0, max: 10 }, 1);
      c.bool(l, 'scaleWithEmployment', 'profile.listLimits.scaleWithEmployment', true);
    }
  }
  if (p.coverageThreshold === undefined) p.coverageThreshold = null;
  if (p.coverageThreshold !== null) c.num(p, 'coverageThreshold', 'profile.coverageThreshold', SHARE);
  if (p.goals === undefined) p.goals = null;
  if (p.goals !== null) {
    const gl = c.obj(p, 'goals', 'profile.goals', true);
    if (gl) {
      c.num(gl, 'coverage', 'profile.goals.coverage', SHARE, undefined, true);
      c.num(gl, 'nursingHome', 'profile.goals.nursingHome', SHARE, undefined, true);
      c.num(gl, 'continuityIncrease', 'profile.goals.continuityIncrease', { min: 0, max: 10 }, 0);
    }
  }
  if (p.stimulus === undefined) p.stimulus = null;
  if (p.stimulus !== null) {
    const s = c.obj(p, 'stimulus', 'profile.stimulus', true);
    if (s) {
      c.num(s, 'sekPerListPoint', 'profile.stimulus.sekPerListPoint', { min: 0 }, undefined, true);
      c.num(s, 'sekPerCareWeightPoint', 'profile.stimulus.sekPerCareWeightPoint', { min: 0 }, 0);
      c.str(s, 'period', 'profile.stimulus.period', false, '');
    }
  }
  if (p.minEmploymentMonths === undefined) p.minEmploymentMonths = null;
  if (p.minEmploymentMonths !== null) c.num(p, 'minEmploymentMonths', 'profile.minEmploymentMonths', { min: 0, max: 120, integer: true });
  if (p.locumRule === undefined || p.locumRule === null) p.locumRule = { cannotHoldList: false, fictiveListMustStartWithUnit: false };
  const lr = c.obj(p, 'locumRule', 'profile.locumRule', true);
  if (lr) {
    c.bool(lr, 'cannotHoldList', 'profile.locumRule.cannotHoldList', false);
    c.bool(lr, 'fictiveListMustStartWithUnit', 'profile.locumRule.fictiveListMustStartWithUnit', false);
  }
  if (p.safeDayContacts !== undefined && p.safeDayContacts !== null) {
    c.num(p, 'safeDayContacts', 'profile.safeDayContacts', { above: 0, max: 100, rangeMessage: PEER_PARSE_TEXT.safeDayRange });
  } else delete p.safeDayContacts;
  if (c.errors.length > start) c.error('profile', PARSE_TEXT.profileInvalid);
}

/**
 * The fields beyond the workbook (domain.md §9) of a unit or a doctor, all optional: where the care weight comes
 * from, the list's ages from a per-patient listing, and the team's shares of the doctor visits.
 */
function checkPeerFields(c: Checker, o: Obj, at: (k: string) => string): void {
  if (o.careWeightBasis === '' || o.careWeightBasis === null) delete o.careWeightBasis;
  if (o.careWeightBasis !== undefined && !(CARE_WEIGHT_BASES as readonly unknown[]).includes(o.careWeightBasis)) {
    c.error(at('careWeightBasis'), PEER_PARSE_TEXT.unknownBasis(String(o.careWeightBasis).slice(0, 40), Object.values(CARE_WEIGHT_BASIS_LABELS).join(', ')));
  }
  if (o.listAges === null) delete o.listAges;
  const ages = c.obj(o, 'listAges', at('listAges'), false);
  if (ages) {
    const counts = ages.counts;
    if (!Array.isArray(counts) || counts.length !== AGE_BAND_COUNT) c.error(at('listAges.counts'), PEER_PARSE_TEXT.ageCounts(String(AGE_BAND_COUNT)));
    else counts.forEach((_, b) => c.num(counts as unknown as Obj, String(b), `${at('listAges.counts')}[${b}]`, { ...PATIENTS, integer: true }, undefined, true));
    for (const k of ['unknown', 'female', 'male']) c.num(ages, k, at(`listAges.${k}`), { ...PATIENTS, integer: true });
    const asOf = c.str(ages, 'asOf', at('listAges.asOf'), false);
    if (asOf !== undefined && !isIsoDate(asOf)) c.error(at('listAges.asOf'), PARSE_TEXT.invalidDate(asOf));
  }
  if (o.delegation === null) delete o.delegation;
  const team = c.obj(o, 'delegation', at('delegation'), false);
  if (team) {
    let total = 0;
    for (const k of TEAM_PROFESSIONS) {
      const v = c.num(team, k, at(`delegation.${k}`), SHARE);
      if (v !== undefined) total += v;
    }
    if (total > MAX_TEAM_SHARE + 1e-9) c.error(at('delegation'), PEER_PARSE_TEXT.delegationTooLarge);
  }
}

/** The age index's reference table (domain.md §9), when the unit has its own. */
function checkAgeReference(c: Checker, unit: Obj): void {
  if (unit.ageReference === null) delete unit.ageReference;
  const ref = c.obj(unit, 'ageReference', 'unit.ageReference', false);
  if (!ref) return;
  const rates = ref.rates;
  if (!Array.isArray(rates) || rates.length !== AGE_BAND_COUNT) c.error('unit.ageReference.rates', PEER_PARSE_TEXT.referenceRates(String(AGE_BAND_COUNT)));
  else rates.forEach((_, b) => c.num(rates as unknown as Obj, String(b), `unit.ageReference.rates[${b}]`, { min: 0, max: 100 }, undefined, true));
  c.num(ref, 'mean', 'unit.ageReference.mean', { above: 0, max: 100 }, undefined, true);
  c.str(ref, 'name', 'unit.ageReference.name', false);
  if (ref.own !== undefined && ref.own !== null) c.bool(ref, 'own', 'unit.ageReference.own', false);
  else delete ref.own;
}

function checkUnit(c: Checker, plan: Obj): void {
  const u = c.obj(plan, 'unit', 'unit', true);
  if (!u) return;
  c.str(u, 'name', 'unit.name', true);
  const listed = c.num(u, 'listed', 'unit.listed', { ...PATIENTS, integer: true }, undefined, true);
  c.num(u, 'careWeight', 'unit.careWeight', CARE_WEIGHT, 1);
  const withNamed = c.num(u, 'withNamedDoctor', 'unit.withNamedDoctor', { ...PATIENTS, integer: true }, 0);
  // A warning, not an error: while a user edits listed and withNamedDoctor one after the other, the plan may
  // pass through this state (the app validates every edit), and computePlan copes with it.
  if (listed !== undefined && withNamed !== undefined && withNamed > listed) c.warn('unit.withNamedDoctor', PARSE_TEXT.withNamedAboveListed);
  c.num(u, 'targetCoverage', 'unit.targetCoverage', SHARE, 1);
  checkPeerFields(c, u, (k) => `unit.${k}`);
  checkAgeReference(c, u);
  if (u.priority === undefined || u.priority === null) u.priority = {};
  const pr = c.obj(u, 'priority', 'unit.priority', true);
  if (pr) for (const k of PRIORITY_KEYS) c.num(pr, k, `unit.priority.${k}`, { ...PATIENTS, integer: true }, 0);
  const nh = c.num(u, 'withNamedDoctorNursingHome', 'unit.withNamedDoctorNursingHome', { ...PATIENTS, integer: true });
  if (nh !== undefined && pr && typeof pr.nursingHome === 'number' && nh > pr.nursingHome) {
    c.warn('unit.withNamedDoctorNursingHome', PARSE_TEXT.nursingHomeAboveTotal);
  }
}

function checkTime(c: Checker, plan: Obj): number {
  if (plan.time === undefined || plan.time === null) {
    plan.time = {};
    return 42;
  }
  const t = c.obj(plan, 'time', 'time', false);
  if (!t) return 42;
  for (const k of TIME_KEYS) c.num(t, k, `time.${k}`, TIME_RULES[k]);
  return typeof t.weeksPerYear === 'number' ? t.weeksPerYear : 42;
}

function checkDoctor(c: Checker, d: Obj, i: number, ids: Set<string>, weeksPerYear: number): void {
  const at = (k: string) => `doctors[${i}].${k}`;
  if (typeof d.id === 'number' && Number.isFinite(d.id)) d.id = String(d.id);
  const id = c.str(d, 'id', at('id'), true);
  if (id !== undefined) {
    if (id.trim() === '') c.error(at('id'), PARSE_TEXT.emptyId);
    else if (ids.has(id)) c.error(at('id'), PARSE_TEXT.duplicateId(id));
    ids.add(id);
  }
  c.str(d, 'name', at('name'), true, '');
  const cat = categoryFromText(d.category);
  if (cat) d.category = cat;
  else if (d.category === undefined || d.category === null) c.error(at('category'), PARSE_TEXT.required);
  else {
    const allowed = DOCTOR_CATEGORIES.map((k) => CATEGORY_NAMES[k]).join(', ');
    c.error(at('category'), PARSE_TEXT.unknownCategory(String(d.category).slice(0, 40), allowed));
  }
  c.num(d, 'employment', at('employment'), { min: 0, max: 1, rangeMessage: PARSE_TEXT.employmentRange }, undefined, true);
  const total = c.num(d, 'stMonthsTotal', at('stMonthsTotal'), { above: 0, max: 240 });
  const done = c.num(d, 'stMonthsDone', at('stMonthsDone'), { min: 0, max: 240 });
  if (cat === 'st' && total !== undefined && done !== undefined && done > total) c.warn(at('stMonthsDone'), PARSE_TEXT.stMonthsDoneAboveTotal);

  if (d.duties === undefined || d.duties === null) d.duties = [];
  if (!Array.isArray(d.duties)) c.error(at('duties'), PARSE_TEXT.notArray);
  else {
    d.duties.forEach((duty: unknown, j: number) => {
      const dp = `${at('duties')}[${j}]`;
      if (!isObj(duty)) {
        c.error(dp, PARSE_TEXT.notObjectValue);
        return;
      }
      const kind = dutyKindFromText(duty.kind);
      if (kind) duty.kind = kind;
      else if (duty.kind === undefined || duty.kind === null) c.error(`${dp}.kind`, PARSE_TEXT.required);
      else {
        const allowed = DUTY_KINDS.map((k) => DUTY_LABELS[k]).join(', ');
        c.error(`${dp}.kind`, PARSE_TEXT.unknownDutyKind(String(duty.kind).slice(0, 40), allowed));
      }
      c.num(duty, 'hoursPerWeek', `${dp}.hoursPerWeek`, HOURS_WEEK, undefined, true);
      c.str(duty, 'label', `${dp}.label`, false);
    });
  }
  const absence = c.num(d, 'absenceWeeks', at('absenceWeeks'), { min: 0, max: 53 }, 0);
  if (absence !== undefined && absence > weeksPerYear) c.warn(at('absenceWeeks'), PARSE_TEXT.absenceAboveYear(formatDecimal(absence, 1)));
  const listed = c.num(d, 'listed', at('listed'), { ...PATIENTS, integer: true });
  const points = c.num(d, 'listPoints', at('listPoints'), { min: 0, max: 10_000_000 });
  if (points !== undefined && points > 0 && listed === 0) c.warn(at('listPoints'), PARSE_TEXT.pointsWithoutList);
  c.num(d, 'careWeight', at('careWeight'), CARE_WEIGHT);
  checkPeerFields(c, d, at);
  c.num(d, 'careWeightPoints', at('careWeightPoints'), { min: 0, max: 10_000_000 });
  if (d.plannedEnd === '') delete d.plannedEnd;
  const end = c.str(d, 'plannedEnd', at('plannedEnd'), false);
  if (end !== undefined && !isIsoDate(end)) c.error(at('plannedEnd'), PARSE_TEXT.invalidDate(end));
  if (d.fictiveListName === '') delete d.fictiveListName;
  c.str(d, 'fictiveListName', at('fictiveListName'), false);
  checkAgreement(c, d, at);
}

/** The agreement fields (domain.md §8), all optional; an empty text is no value. */
function checkAgreement(c: Checker, d: Obj, at: (k: string) => string): void {
  c.num(d, 'agreedListSize', at('agreedListSize'), { ...PATIENTS, integer: true });
  const dates: Record<string, string | undefined> = {};
  for (const k of ['agreedOn', 'agreedUntil'] as const) {
    if (d[k] === '') delete d[k];
    const v = c.str(d, k, at(k), false);
    if (v !== undefined && !isIsoDate(v)) c.error(at(k), PARSE_TEXT.invalidDate(v));
    else dates[k] = v;
  }
  if (dates.agreedOn !== undefined && dates.agreedUntil !== undefined && dates.agreedUntil < dates.agreedOn) {
    c.warn(at('agreedUntil'), AGREEMENT_PARSE_TEXT.untilBeforeOn(dates.agreedOn, dates.agreedUntil));
  }
  if (d.agreementNote === '') delete d.agreementNote;
  const note = c.str(d, 'agreementNote', at('agreementNote'), false);
  if (note !== undefined && textHoldsPersonnummer(note) && !looksLikePersonnummer(note)) c.error(at('agreementNote'), PARSE_TEXT.personnummer);
  if (note !== undefined && note.length > AGREEMENT_NOTE_MAX) c.error(at('agreementNote'), AGREEMENT_PARSE_TEXT.noteTooLong(formatNumber(AGREEMENT_NOTE_MAX)));
}

/** Validate a current-version plain object in place (defaults filled, names normalised). */
export function validatePlanObject(plan: Obj): { errors: PlanError[]; warnings: PlanError[] } {
  const c = new Checker();
  // A missing format on a versioned object is filled in (hand-made or program-made plans); another format is refused.
  if (plan.format === undefined || plan.format === null) plan.format = PLAN_FORMAT;
  else if (plan.format !== PLAN_FORMAT) c.error('format', PARSE_TEXT.wrongFormat(String(plan.format)));
  checkProfile(c, plan);
  if (plan.model === undefined || plan.model === null) plan.model = 'guideline';
  else if (modelFromText(plan.model)) plan.model = modelFromText(plan.model);
  else c.error('model', PARSE_TEXT.unknownModel(String(plan.model).slice(0, 40), MODEL_LABELS.guideline, MODEL_LABELS.time));
  checkUnit(c, plan);
  const weeks = checkTime(c, plan);
  if (!Array.isArray(plan.doctors)) {
    if (plan.doctors === undefined || plan.doctors === null) c.error('doctors', PARSE_TEXT.required);
    else c.error('doctors', PARSE_TEXT.notArray);
  } else if (plan.doctors.length > MAX_DOCTORS_PER_PLAN) {
    // Refused before any doctor is read: 100 000 of them would take seconds to check (issue 12.5).
    c.error('doctors', PARSE_TEXT.tooManyDoctors(formatNumber(plan.doctors.length), formatNumber(MAX_DOCTORS_PER_PLAN)));
  } else {
    const ids = new Set<string>();
    let listedOnDoctors = 0;
    plan.doctors.forEach((d: unknown, i: number) => {
      if (!isObj(d)) c.error(`doctors[${i}]`, PARSE_TEXT.notObjectValue);
      else {
        checkDoctor(c, d, i, ids, weeks);
        if (typeof d.listed === 'number' && Number.isFinite(d.listed)) listedOnDoctors += d.listed;
      }
    });
    const unit = plan.unit;
    if (isObj(unit) && typeof unit.listed === 'number' && listedOnDoctors > unit.listed) {
      c.warn('doctors', PARSE_TEXT.listsAboveListed(formatNumber(listedOnDoctors), formatNumber(unit.listed)));
    }
  }
  return { errors: c.errors, warnings: c.warnings };
}

/**
 * Why a value cannot be a plan file's tree: nested deeper than MAX_PLAN_DEPTH, or (an object handed in
 * from memory) holding itself. Recursion is bounded by the depth limit; each object is visited once.
 */
function shapeProblem(root: unknown): string | null {
  const onPath = new Set<object>();
  const done = new Set<object>();
  const visit = (v: unknown, depth: number): string | null => {
    if (v === null || typeof v !== 'object') return null;
    if (onPath.has(v)) return PARSE_TEXT.cyclic;
    if (done.has(v)) return null;
    if (depth >= MAX_PLAN_DEPTH) return PARSE_TEXT.tooDeep(MAX_PLAN_DEPTH);
    onPath.add(v);
    for (const k of Object.keys(v)) {
      const problem = visit((v as Obj)[k], depth + 1);
      if (problem) return problem;
    }
    onPath.delete(v);
    done.add(v);
    return null;
  };
  return visit(root, 0);
}

/**
 * Where JSON.parse stopped, as line and column (1-based), from its message: V8 says "at position 123"
 * and, lately, "(line 5 column 3)". The engine's English words never reach the user.
 */
function jsonErrorAt(text: string, e: unknown): { line: number; column: number } | null {
  const msg = e instanceof Error ? e.message : '';
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(msg);
  if (!pos) return null;
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(pos[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * Read a plan file (JSON text) or object: migrate, validate, keep unknown fields. Never throws, on any
 * input (issue 12.4): a key such as `__proto__`, `constructor` or `toString` is data like any other
 * (only own properties are read), nesting is bounded, and anything unforeseen is a Swedish error.
 */
export function parsePlan(input: unknown): ParsePlanResult {
  try {
    return parsePlanUnguarded(input);
  } catch {
    return { ok: false, errors: [{ path: '', message: PARSE_TEXT.unreadable }] };
  }
}

function parsePlanUnguarded(input: unknown): ParsePlanResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_PLAN_FILE_CHARS) {
      const mb = (n: number) => formatNumber(Math.ceil(n / 1_000_000));
      return { ok: false, errors: [{ path: '', message: PARSE_TEXT.fileTooLarge(mb(input.length), mb(MAX_PLAN_FILE_CHARS)) }] };
    }
    try {
      raw = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      const at = jsonErrorAt(input, e);
      return { ok: false, errors: [{ path: '', message: PARSE_TEXT.notJson(at ? formatNumber(at.line) : '', at ? formatNumber(at.column) : '') }] };
    }
  }
  // Too many doctors: refused before the file is walked or copied (100 000 took seconds).
  const doctors = raw !== null && typeof raw === 'object' && Object.hasOwn(raw, 'doctors') ? (raw as Obj).doctors : undefined;
  if (Array.isArray(doctors) && doctors.length > MAX_DOCTORS_PER_PLAN) {
    return { ok: false, errors: [{ path: 'doctors', place: '', message: PARSE_TEXT.tooManyDoctors(formatNumber(doctors.length), formatNumber(MAX_DOCTORS_PER_PLAN)) }] };
  }
  const problem = shapeProblem(raw);
  if (problem) return { ok: false, errors: [{ path: '', message: problem }] };
  const migrated = migratePlanObject(raw);
  if (!migrated.ok) return { ok: false, errors: withPlaces(migrated.errors, raw) };
  const plan = migrated.value;
  const checked = validatePlanObject(plan);
  const errors = withPlaces(checked.errors, plan);
  const warnings = withPlaces(checked.warnings, plan);
  if (errors.length > 0) return { ok: false, errors };
  plan.version = CURRENT_PLAN_VERSION;
  // Unknown fields into the `extra` bags. Text is a file: a field of it named "extra" is an unknown field
  // like any other. An object may be a plan already in memory (the app validates every edit), whose
  // `extra` bags are kept as they are.
  return { ok: true, plan: planFromFile(plan, typeof input !== 'string'), warnings };
}

/** The `.kapacitet.json` file: pretty JSON with `format` and `version` first, unknown fields back in place. */
export function serializePlan(plan: Plan): string {
  const { format: _f, version: _v, ...rest } = planToFile(plan);
  return JSON.stringify({ format: PLAN_FORMAT, version: CURRENT_PLAN_VERSION, ...rest }, null, 2) + '\n';
}
