/**
 * The engine's own constants that formulas and their spreadsheet forms share (one home each, so the workbook
 * can never repeat one as a literal that drifts from the engine).
 */

/**
 * The ST length used when a plan has none (or one that cannot be used): what plan files meant before
 * HSLF-FS 2021:8 (SOSFS 2015:8, five years), so no stored figure changes (domain.md §9).
 */
export const DEFAULT_ST_MONTHS_TOTAL = 60;
/** HSLF-FS 2021:8: ST at least 5 years 6 months including BT; what a new ST doctor gets (domain.md §9). */
export const ST_MONTHS_TOTAL_HSLF = 66;
/** SOSFS 2015:8: 5 years; offered for doctors under the older rules. */
export const ST_MONTHS_TOTAL_SOSFS = 60;
/** Without months done an ST doctor counts as mid-training: the guideline's own point (550; domain.md §2). */
export const ST_PROGRESS_UNKNOWN = 0.5;
/** Minutes in an hour (visitsYear, domain.md §3). */
export const MINUTES_PER_HOUR = 60;
/** Working days in a week (visits per working day, domain.md §9). */
export const WORKING_DAYS_PER_WEEK = 5;
/** Contacts a GP can safely have in a working day when the profile sets none: the BMA's figure (domain.md §9). */
export const DEFAULT_SAFE_DAY_CONTACTS = 25;
/** The most of today's doctor visits the team may take over together (δ; domain.md §9): a doctor still sees patients. */
export const MAX_TEAM_SHARE = 0.9;
