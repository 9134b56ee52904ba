/**
 * One vocabulary for what people type (issue 17.2): doctor categories, duty kinds, the capacity model's
 * name, and shares. The doctor grid, the plan file (parsePlan), the workbook import and the workbook's
 * own formulas all read through here, so a word accepted in one place is accepted in every other.
 *
 * Words are compared after foldText (engine/text.ts): case, diacritics, hyphens, slashes, brackets and
 * extra spaces never matter ("ST-läkare" = "st lakare" = " St läkare "). The words themselves are Swedish
 * data in strings/engine.sv.ts.
 */
import {
  CATEGORY_LABELS, CATEGORY_NAMES, CATEGORY_WORDS, DUTY_LABELS, DUTY_WORDS, MODEL_LABELS, MODEL_WORDS,
} from '../strings/engine.sv';
import { parseSwedishNumber } from './format';
import { round9 } from './round';
import { foldText } from './text';
import { DOCTOR_CATEGORIES, DUTY_KINDS } from './types';
import type { CapacityModel, DoctorCategory, DutyKind, Share } from './types';

const MODELS = ['guideline', 'time'] as const satisfies readonly CapacityModel[];

/** A word table: folded word → value, and every word of a value as written (for spreadsheet formulas). */
interface Table<T extends string> {
  lookup: Map<string, T>;
  written: Map<T, string[]>;
}

function table<T extends string>(values: readonly T[], wordsOf: (v: T) => readonly string[]): Table<T> {
  const lookup = new Map<string, T>();
  const written = new Map<T, string[]>();
  for (const v of values) {
    const words = [v, ...wordsOf(v)];
    written.set(v, words);
    for (const w of words) {
      const k = foldText(w);
      const taken = lookup.get(k);
      // A word may name one thing only; the tables are data, so a clash is a programming error.
      if (taken !== undefined && taken !== v) throw new Error(`vocabulary: "${w}" names both ${taken} and ${v}`);
      lookup.set(k, v);
    }
  }
  return { lookup, written };
}

const CATEGORIES = table(DOCTOR_CATEGORIES, (c) => [CATEGORY_LABELS[c], CATEGORY_NAMES[c], ...CATEGORY_WORDS[c]]);
const DUTIES = table(DUTY_KINDS, (k) => [DUTY_LABELS[k], ...DUTY_WORDS[k]]);
const MODEL_TABLE = table(MODELS, (m) => [MODEL_LABELS[m], ...MODEL_WORDS[m]]);

function read<T extends string>(t: Table<T>, text: unknown): T | null {
  if (typeof text !== 'string') return null;
  const k = foldText(text);
  return k === '' ? null : (t.lookup.get(k) ?? null);
}

/** "ST", "st-läkare", "distriktsläkare", "AT/BT", "hyrläkare", "geriatrician" … → the category code, or null. */
export function categoryFromText(text: unknown): DoctorCategory | null {
  return read(CATEGORIES, text);
}

/** "Handledning", "handledare", "MLA", "möten", "APT", "supervision" … → the duty kind, or null. */
export function dutyKindFromText(text: unknown): DutyKind | null {
  return read(DUTIES, text);
}

/** "riktvärde", "tid", "tidsmodellen", "guideline", "time" … → the capacity model, or null. */
export function modelFromText(text: unknown): CapacityModel | null {
  return read(MODEL_TABLE, text);
}

/** The word the workbook writes for a model (`Enhet`, row Beräkningsmodell): "riktvärde", "tid". */
export function modelWord(model: CapacityModel): string {
  return MODEL_WORDS[model][0];
}

/**
 * How a spreadsheet formula sees a typed word: lower case, the punctuation foldText ignores ("-", "/", ".",
 * ",", "(", ")") as spaces, runs of spaces one space. Diacritics stay: a spreadsheet cannot strip them, so
 * every word is also listed without them (see `formulaWords`).
 */
export function formulaFold(word: string): string {
  return word.toLowerCase().replace(/[-/.,()]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The characters `formulaFold` turns into spaces, for the formula side (SUBSTITUTE of each). */
export const FORMULA_FOLDED_CHARACTERS = ['-', '/', '.', ',', '(', ')'] as const;

function formulaWords<T extends string>(t: Table<T>, values: readonly T[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    for (const w of t.written.get(v) ?? []) {
      const f = formulaFold(w);
      out.add(f);
      out.add(f.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    }
  }
  return [...out];
}

/**
 * Every word read as one of `categories`, as a spreadsheet formula compares them with a folded cell
 * (formulaFold; spreadsheet comparison ignores case): the workbook's `Läkare` formulas use these, so a
 * word typed in Excel gives the same base there as after import.
 */
export function categoryWords(categories: readonly DoctorCategory[]): string[] {
  return formulaWords(CATEGORIES, categories);
}

/** Every word read as the model, as a spreadsheet formula compares them (see categoryWords). */
export function modelWords(model: CapacityModel): string[] {
  return formulaWords(MODEL_TABLE, [model]);
}

/**
 * The share rule, decided once for every field that holds a share (tjänstgöringsgrad, måltäckning, the time
 * model's shares), wherever a person types: the grid, the forms, a workbook cell (import and formulas).
 * - "80 %" (a percent sign) is 80 %;
 * - a plain number up to 1 is the share itself: "0,8" is 80 %, "1" is 100 %;
 * - a plain number above 1 and up to 100 is percent: "80" is 80 %, "3" is 3 %, "1,5" is 1,5 % (nobody works
 *   80 full times, and no share is above 1, so a number above 1 can only be meant as percent);
 * - above 100 % or below 0 is refused.
 */
export const SHARE_PERCENT_ABOVE = 1;
export const SHARE_PERCENT_MAX = 100;

export type ShareReading =
  | { ok: true; share: Share; readAsPercent: boolean }
  | { ok: false; reason: 'notNumber' | 'outOfRange' };

/** Reads a typed share by the share rule: "80", "80 %", "0,8" → 0,8. */
export function readShare(input: string | number): ShareReading {
  let n: number | null;
  let percentSign = false;
  if (typeof input === 'number') n = Number.isFinite(input) ? input : null;
  else {
    percentSign = input.includes('%');
    n = parseSwedishNumber(input);
  }
  if (n === null) return { ok: false, reason: 'notNumber' };
  const readAsPercent = !percentSign && n > SHARE_PERCENT_ABOVE && n <= SHARE_PERCENT_MAX;
  const share = round9(readAsPercent ? n / 100 : n);
  if (share < 0 || share > 1) return { ok: false, reason: 'outOfRange' };
  return { ok: true, share, readAsPercent };
}

/** The share rule as a spreadsheet formula over a numeric cell (a typed "80" reads 80 %), before clamping. */
export function shareFormula(ref: string): string {
  return `IF(AND(N(${ref})>${SHARE_PERCENT_ABOVE},N(${ref})<=${SHARE_PERCENT_MAX}),N(${ref})/100,N(${ref}))`;
}

/** parseCategory and parseDutyKind: the engine's earlier names (index.ts contract). */
export const parseCategory = categoryFromText;
export const parseDutyKind = dutyKindFromText;

/**
 * A spreadsheet test that a cell holds one of `words` (from categoryWords / modelWords): the cell folded as
 * formulaFold does it (each FORMULA_FOLDED_CHARACTERS a space, then TRIM, which also joins runs of spaces),
 * looked up with MATCH, which ignores case. Works the same in Excel and LibreOffice.
 */
export function wordMatchFormula(ref: string, words: readonly string[]): string {
  let folded = ref;
  for (const ch of FORMULA_FOLDED_CHARACTERS) folded = `SUBSTITUTE(${folded},"${ch}"," ")`;
  return `ISNUMBER(MATCH(TRIM(${folded}),{${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(',')}},0))`;
}
