/**
 * What must never reach a user (issue 10.4, TEAM.md): the engine's field names, rule codes, profile ids,
 * category and duty codes, and spec references. Shared by the visible-text test of the built app
 * (tests/e2e/plainSwedish.e2e.ts) and the workbook cell test (tests/lib/io/visibleCells.test.ts).
 * Taken from the engine itself, so a new field or rule is checked without touching this file.
 */
import {
  computePlan,
  createDemoPlan,
  DOCTOR_CATEGORIES,
  DUTY_KINDS,
  FINDING_RULES,
  KNOWN_FIELDS,
  PROFILE_IDS,
} from '../../../src/lib/engine/index';

/**
 * Words that are codes in the engine but ordinary words in Swedish text (or too short to tell): these are not
 * looked for. "specialist" is the Swedish category name too; "format"/"version"/"extra" are Swedish words; "st"
 * is "stycken"; "id" is the contract's own header of the hidden Id column.
 */
const SWEDISH_TOO = new Set(['specialist', 'format', 'version', 'extra', 'st', 'id', 'kind', 'label', 'name']);

function resultKeys(): string[] {
  const plan = createDemoPlan();
  const r = computePlan(plan, { today: '2026-12-01' });
  const keys = new Set<string>();
  const walk = (o: unknown, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 2) return;
    for (const [k, v] of Object.entries(o)) {
      if (/^\d+$/.test(k)) continue;
      keys.add(k);
      walk(v, depth + 1);
    }
  };
  walk(r.unit, 0);
  walk(r.doctors[0], 0);
  walk(r.time, 0);
  return [...keys];
}

/** Every code word, unique, longest first. */
export const INTERNAL_WORDS: readonly string[] = [
  ...new Set([
    ...Object.values(KNOWN_FIELDS).flat(),
    ...resultKeys(),
    ...FINDING_RULES,
    ...PROFILE_IDS,
    'custom',
    ...DOCTOR_CATEGORIES,
    ...DUTY_KINDS,
    'guideline',
    'error',
    'warning',
  ]),
]
  .filter((w) => w.length > 2 && !SWEDISH_TOO.has(w))
  .sort((a, b) => b.length - a.length);

/** Spec references and programmer's leftovers. */
const LEFTOVERS = [/domain\.md/, /contracts\.md/, /§/, /\bundefined\b/, /\bNaN\b/, /\[object Object\]/, /\.svelte\b/, /\.ts\b/];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A code as a word of its own: not inside a longer word (letters, digits, å ä ö, é). Case-sensitive: codes are lower/camelCase. */
const CODE = new RegExp(`(?<![\\p{L}\\p{N}_])(${INTERNAL_WORDS.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');

/** One term per concept (TEAM.md): the words that must not stand for ours. */
export const OTHER_TERMS: readonly { re: RegExp; use: string }[] = [
  { re: /\bfynd\b|\bfynden\b/i, use: 'anmärkning' },
  { re: /iakttagelse/i, use: 'anmärkning' },
  { re: /kroniskt vårdbehov|kronisk sjukdom/i, use: 'Annat kontinuerligt vårdbehov' },
  { re: /Copeland/, use: 'Bice–Boxerman' },
];

/** Each offending word in `text`, with a little context. */
export function internalWordsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CODE)) out.push(`"${m[1]}" in …${text.slice(Math.max(0, m.index - 40), m.index + m[1].length + 40)}…`);
  for (const re of LEFTOVERS) {
    const m = re.exec(text);
    if (m) out.push(`"${m[0]}" in …${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)}…`);
  }
  for (const t of OTHER_TERMS) {
    const m = t.re.exec(text);
    if (m) out.push(`"${m[0]}" (say "${t.use}") in …${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)}…`);
  }
  return out;
}
