// Public contract of the engine (shared/spec/contracts.md). Pure: importable from plain Node.
export * from './types';
export * from './format';
export * from './quantity';
export { normalizeSpace, foldText, nameKey } from './text';
export * from './personnummer';
export { computePlan } from './compute';
export { parsePlan, serializePlan, validatePlanObject } from './parse';
export { pathSegments, placeOfPath, planErrorText, withPlaces } from './planErrorPlace';
export { planFromFile, planToFile, planFromStored, KNOWN_FIELDS } from './planFile';
export type { PlanFile, DoctorFile, DutyFile, UnitInputsFile, FileObject } from './planFile';
export { CURRENT_PLAN_VERSION, PLAN_FORMAT, MIGRATIONS, migratePlanObject, detectVersion } from './migrate';
export type { Migration, MigrationResult } from './migrate';
export { PROFILES, PROFILE_IDS, resolveProfile, createCustomProfile, DEFAULT_MIN_EMPLOYMENT_MONTHS } from './profiles';
export { DEFAULT_TIME, TIME_KEYS, resolveTime, isDefaultTime } from './time';
export type { TimeKey } from './time';
export { createDemoPlan, createEmptyPlan, createDoctor } from './demo';
export { explain, explainablePaths } from './explain';
export {
  parseCategory, parseDutyKind, categoryFromText, dutyKindFromText, modelFromText, modelWord, categoryWords, modelWords,
  readShare, shareFormula, wordMatchFormula, formulaFold, FORMULA_FOLDED_CHARACTERS, SHARE_PERCENT_ABOVE, SHARE_PERCENT_MAX,
} from './vocabulary';
export type { ShareReading } from './vocabulary';
export { isIsoDate, addMonths, todayIso } from './dates';
export { isQualifying, ageGroupOf } from './doctor';
export {
  DEFAULT_ST_MONTHS_TOTAL, ST_MONTHS_TOTAL_CHOICES, ST_MONTHS_TOTAL_HSLF, ST_MONTHS_TOTAL_SOSFS, ST_PROGRESS_UNKNOWN, FORMULAS,
} from './formulas/index';
export type { Formula, AnyFormula, FormulaSource, SpecSection, InputDef } from './formulas/index';
export { isFictiveList } from './unit';
export { CATEGORY_LABELS, CATEGORY_NAMES, DUTY_LABELS } from '../strings/engine.sv';
export { MAX_DOCTORS_PER_PLAN, MAX_SCENARIOS_PER_UNIT, MAX_PLAN_DEPTH, MAX_PLAN_FILE_CHARS } from './limits';
export { AGREEMENT_FIELDS, AGREEMENT_NOTE_MAX, agreedListSizeOf, agreementExpired, agreementFindings } from './agreement';
export type { AgreementField } from './agreement';
