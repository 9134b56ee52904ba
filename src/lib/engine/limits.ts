/**
 * Sizes a plan may have (issue 12.5): what a unit, a chain's office or a region can live with, and
 * what every surface (the unit view, the grid, the diagram view, a restore) handles smoothly. A plan
 * file of 100 000 doctors took 43 s to restore and 32 s to show on every load, and crashed the diagram
 * view: such files are refused with a message, never half-read. The workbook import has the same
 * 2 000-row bound for its doctors sheet (io/limits.ts).
 */

/** Doctors in one plan. The largest Swedish units have a few dozen; a region's pool a few hundred. */
export const MAX_DOCTORS_PER_PLAN = 2000;

/** Scenarios (plans besides the current one) in one unit. */
export const MAX_SCENARIOS_PER_UNIT = 100;

/**
 * Nesting of a plan file (objects and arrays in each other). The plan itself needs five levels; an
 * unknown field may nest more, but a file nested thousands deep is an attack (it overflowed the stack).
 */
export const MAX_PLAN_DEPTH = 64;

/**
 * Characters of a plan file's text (about its bytes). A unit's backup of every plan — 2 000 doctors
 * and a hundred scenarios is far beyond any real unit — stays well under it; a 200 MB file ended in
 * the browser's own English storage error.
 */
export const MAX_PLAN_FILE_CHARS = 50_000_000;
