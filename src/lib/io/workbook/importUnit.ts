/**
 * The keyed sheets of a workbook (Enhet, Antaganden: label | value | note | key) as people make them
 * by hand (issue 13): items found by their hidden key, by the exported label, or by the words people
 * write for them ("Vårdtyngd", "Multisjuka", "Listade invånare"); with or without a header row; laid
 * out downwards or across. What cannot be read is a warning naming the sheet and cell — never dropped
 * silently.
 */
import type * as XLSX from 'xlsx';
import { PROFILES, foldText } from '../../engine/index';
import type { Plan, RuleProfile } from '../../engine/types';
import { HANDMADE } from '../../strings/handmade.sv';
import { IO_STRINGS, fill } from '../../strings/io.sv';
import { cellValue, sheetColCount, sheetRowCount, type CellValue } from '../sheetread';
import { maskedValue } from '../messages';
import { Problems, readName, readNumber, readText } from './cells';
import { UNIT_ROWS, colLetter, modelFromText } from './layout';

const M = IO_STRINGS.import;
const W = IO_STRINGS.workbook;

/** Where a keyed item was found: 0-based row and column of its value, and the value. */
export interface KeyedHit {
  row: number;
  col: number;
  value: CellValue;
}

/** Comparable form of a label: case, accents, punctuation and spacing ignored ("Prioriterade: SÄBO" = "prioriterade sabo"). */
const fold = (s: string) => foldText(s).replace(/%/g, '').trim();

/**
 * key → where its value is, from a sheet laid out as label | value | note | key (downwards), or as a
 * row of labels with the values under them (across). `labels` are the exported labels, `aliases` more
 * words per key; `known` are texts that are no item but belong there (headers, headings, results).
 * Unknown labels and values without a label are warnings at their cell.
 */
export function readKeyed(
  ws: XLSX.WorkSheet,
  sheet: string,
  labels: Record<string, string>,
  p: Problems,
  opts: { aliases?: Record<string, readonly string[]>; known?: readonly string[] } = {},
): Map<string, KeyedHit> {
  const out = new Map<string, KeyedHit>();
  const rows = Math.min(sheetRowCount(ws), 500);
  const byLabel = new Map<string, string>();
  for (const [k, label] of Object.entries(labels)) if (label) byLabel.set(fold(label), k);
  for (const [k, words] of Object.entries(opts.aliases ?? {})) for (const w of words) if (!byLabel.has(fold(w))) byLabel.set(fold(w), k);
  const known = new Set([...Object.values(W.headers), W.resultsHeading, ...(opts.known ?? [])].map(fold));
  const keyOf = (r: number, c: number) => {
    const t = readText(cellValue(ws, r, c));
    return t ? byLabel.get(fold(t)) : undefined;
  };

  // Across: the first row names two or more items and the next row holds values (no key column).
  const cols = Math.min(sheetColCount(ws), 60);
  for (let r = 0; r < Math.min(rows, 10); r++) {
    const across: [number, string][] = [];
    for (let c = 0; c < cols; c++) {
      const k = keyOf(r, c);
      if (k) across.push([c, k]);
    }
    if (across.length >= 2 && across.some(([c]) => c > 0) && keyOf(r + 1, 0) === undefined) {
      for (const [c, k] of across) if (!out.has(k)) out.set(k, { row: r + 1, col: c, value: cellValue(ws, r + 1, c) });
      for (let c = 0; c < cols; c++) {
        const t = readText(cellValue(ws, r, c));
        if (t && !keyOf(r, c) && !known.has(fold(t))) p.warn(sheet, r + 1, colLetter(c), HANDMADE.unknownUnitLabel(maskedValue(t, 60)));
      }
      return out;
    }
    if (across.length > 0) break;
  }

  // Downwards, from the first row: a sheet made by hand may start with its first item, without our
  // header row (the header texts "Uppgift"/"Nyckel" are no labels or keys, so they never match).
  for (let r = 0; r < rows; r++) {
    const key = readText(cellValue(ws, r, 3));
    const label = readText(cellValue(ws, r, 0));
    const k = key && key in labels ? key : label ? byLabel.get(fold(label)) : undefined;
    if (k) {
      if (!out.has(k)) out.set(k, { row: r, col: 1, value: cellValue(ws, r, 1) });
      continue;
    }
    if (label && !known.has(fold(label))) p.warn(sheet, r + 1, 'A', HANDMADE.unknownUnitLabel(maskedValue(label, 60)));
    else if (!label && cellValue(ws, r, 1) !== undefined) p.warn(sheet, r + 1, 'B', HANDMADE.valueWithoutLabel);
  }
  return out;
}

export interface UnitRead {
  name?: string;
  listed?: number;
  careWeight?: number;
  withNamedDoctor?: number;
  withNamedDoctorNursingHome?: number;
  targetCoverage?: number;
  priority: Record<string, number>;
  model: Plan['model'];
  profileRef: string | RuleProfile;
  /** The 1-based row each item was found on (for placing the engine's messages). */
  rows: Map<string, number>;
}

/** The Enhet sheet: every unit input, the model and the profile reference (domain.md §4, §5). */
export function readUnitSheet(ws: XLSX.WorkSheet, sheet: string, p: Problems, data: Record<string, unknown> | null, aliases: Record<string, readonly string[]>): UnitRead {
  const results = ['capacity', 'capacityGuideline', 'capacityTime', 'coverageToday', 'coveragePossible', 'gapPatients', 'fteNeeded', 'priorityTotal', 'priorityCovered', 'listedOnDoctors'] as const;
  const cells = readKeyed(ws, sheet, W.unitLabels, p, { aliases, known: results.map((k) => W.unitLabels[k]) });
  const at = (k: keyof typeof UNIT_ROWS): [string, number, string] => {
    const hit = cells.get(k);
    return hit ? [sheet, hit.row + 1, hit.col === 1 ? W.headers.value : colLetter(hit.col)] : [sheet, UNIT_ROWS[k], W.headers.value];
  };
  const value = (k: keyof typeof UNIT_ROWS) => cells.get(k)?.value;
  const missing = (k: keyof typeof UNIT_ROWS) => {
    // Not on the sheet at all: name the item, not a cell that holds something else.
    if (cells.has(k)) p.error(...at(k), M.missingValue);
    else p.error(sheet, null, null, HANDMADE.missingItem(W.unitLabels[k]));
  };
  const num = (k: keyof typeof UNIT_ROWS, rule: Parameters<typeof readNumber>[3], required = false) => {
    const n = readNumber(value(k), p, at(k), rule);
    if (n === undefined && required) missing(k);
    return typeof n === 'number' ? n : undefined;
  };
  const name = readName(value('name'));
  if (!name) missing('name');
  const out: UnitRead = {
    name,
    listed: num('listed', { min: 0, whole: true }, true),
    careWeight: num('careWeight', { min: 0.01, max: 20 }),
    withNamedDoctor: num('withNamedDoctor', { min: 0, whole: true }),
    withNamedDoctorNursingHome: num('withNamedDoctorNursingHome', { min: 0, whole: true }),
    targetCoverage: num('targetCoverage', { min: 0, max: 1, share: true }),
    priority: {},
    model: 'guideline',
    profileRef: 'national',
    rows: new Map([...cells].map(([k, hit]) => [k, hit.row + 1])),
  };
  for (const k of ['multimorbid', 'nursingHome', 'homeCare', 'palliative', 'chronic'] as const) {
    const v = num(`priority.${k}`, { min: 0, whole: true });
    if (v !== undefined) out.priority[k] = v;
  }
  const modelText = readText(value('model')) ?? '';
  if (modelText) {
    const m = modelFromText(modelText);
    if (m) out.model = m;
    else p.error(...at('model'), fill(M.unknownModel, { value: maskedValue(modelText, 40) }));
  }
  // The profile as the export writes it (its Swedish name, or "Egen"), or its id as older files have it.
  const profileText = profileKeyOf((readText(value('profile')) ?? '').trim());
  if (profileText === '' || profileText.toLowerCase() in PROFILES) out.profileRef = profileText ? profileText.toLowerCase() : typeof data?.profile === 'string' ? data.profile : 'national';
  else if (profileText.toLowerCase() === 'custom' || profileText.toLowerCase() === 'egen') {
    if (typeof data?.profile === 'object' && data.profile !== null) out.profileRef = data.profile as RuleProfile;
    else p.error(...at('profile'), M.customProfileMissing);
  } else p.error(...at('profile'), fill(M.unknownProfile, { value: maskedValue(profileText, 40), names: Object.values(PROFILES).map((x) => x.name).join(', ') }));
  return out;
}

/** A shipped profile's Swedish name ("Nationellt riktvärde", any case and spacing) → its id; other text as it is. */
function profileKeyOf(text: string): string {
  const folded = foldText(text);
  return Object.values(PROFILES).find((x) => foldText(x.name) === folded)?.id ?? text;
}
