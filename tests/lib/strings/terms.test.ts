// One term per concept (issue 10.4, TEAM.md), held in the strings module: every Swedish text of the app,
// report and workbook lives in src/lib/strings/*.sv.ts; no text there uses a second word for a concept we name
// one way, none carries an engine code, and the terms that several surfaces share are the same words.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { internalWordsIn, OTHER_TERMS } from './internalWords';
import { UNIT, SEVERITY, PAPER_LIST } from '../../../src/lib/strings/ui.sv';
import { REPORT_SV } from '../../../src/lib/strings/report.sv';
import { PRIORITY_LABELS, SEVERITY_LABELS } from '../../../src/lib/strings/engine.sv';
import { PRIORITY_LABELS as FOLLOWUP_PRIORITY } from '../../../src/lib/strings/followup.sv';
import { WORKSHOP as W } from '../../../src/lib/strings/workshop.sv';
import { IO_STRINGS } from '../../../src/lib/strings/io.sv';

const DIR = new URL('../../../src/lib/strings/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.sv.ts'));

/** Every text a strings module holds: string values, and what each function gives for sample arguments. */
function texts(o: unknown, path: string, out: { path: string; text: string }[], depth = 0): void {
  if (depth > 6) return;
  if (typeof o === 'string') out.push({ path, text: o });
  else if (typeof o === 'function') {
    for (const args of [['X', 'Y', 'Z', 'V', 'W', 'U', 'T', 'S'], [2, 3, 4, 5, 6, 7, 8, 9], [true, false, true, true, false, true, false, true]]) {
      try {
        const v = (o as (...a: unknown[]) => unknown)(...args);
        texts(v, `${path}()`, out, depth + 1);
      } catch {
        /* a function that needs other arguments: its literal parts are checked through the others */
      }
    }
  } else if (Array.isArray(o)) o.forEach((x, i) => texts(x, `${path}[${i}]`, out, depth + 1));
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) texts(v, `${path}.${k}`, out, depth + 1);
}

describe('strings: one term per concept', async () => {
  const all: { path: string; text: string }[] = [];
  for (const f of files) texts(await import(/* @vite-ignore */ new URL(f, DIR).href), f, all);

  it('reads every strings file', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(all.length).toBeGreaterThan(500);
  });

  it('no text uses another word for a concept we name one way (anmärkning, Annat kontinuerligt vårdbehov, Bice–Boxerman)', () => {
    const bad = all.filter(({ path }) => !/_WORDS\.|_ALIASES\./.test(path)).filter(({ text }) => OTHER_TERMS.some((t) => t.re.test(text))).map(({ path, text }) => `${path}: ${text}`);
    expect(bad).toEqual([]);
  });

  /**
   * Not shown as text of ours: the vocabulary of what people may type (`CATEGORY_WORDS`, the hand-made
   * workbook's `…_ALIASES` … read, never written), the plan-file messages that quote the file's own values (`PARSE_TEXT`: a file says "guideline"),
   * the SQL for a region's data warehouse (its column names are the SQL's), and the Ordlista's own keys (a
   * term's id and source code, never shown: the source is shown by its label).
   */
  const NOT_SHOWN = /_WORDS\.|_ALIASES\.|PARSE_TEXT\.|continuity\.sql|TERMS\[\d+\]\.(id|source)$/;

  it('no text carries an engine code, a spec section or a file name', () => {
    const bad = all
      .filter(({ path }) => !NOT_SHOWN.test(path))
      .flatMap(({ path, text }) => internalWordsIn(text.replace(/\{\w+\}/g, '…')).map((p) => `${path}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('the fifth priority group is "Annat kontinuerligt vårdbehov" on every surface', () => {
    expect(UNIT.priority.chronic).toBe('Annat kontinuerligt vårdbehov');
    expect(FOLLOWUP_PRIORITY.chronic).toBe('Annat kontinuerligt vårdbehov');
    expect(PRIORITY_LABELS.chronic).toBe('annat kontinuerligt vårdbehov');
    expect(IO_STRINGS.workbook.unitLabels['priority.chronic']).toBe('Prioriterade: annat kontinuerligt vårdbehov');
  });

  it('rule results are "anmärkningar" in the app and the report; severities are one set of words', () => {
    expect(UNIT.findingsHeading).toBe('Anmärkningar');
    expect(REPORT_SV.findingsHeading).toBe('Anmärkningar');
    expect(UNIT.noFindings).toMatch(/^Inga anmärkningar/);
    expect(REPORT_SV.noFindings).toMatch(/^Inga anmärkningar/);
    expect(SEVERITY).toEqual(SEVERITY_LABELS);
  });

  it('lists on paper are said with one sentence in the unit summary, the report and the APT', () => {
    expect([W.paperListLabel, W.paperListOne, W.paperListMany, W.paperListNone]).toEqual([PAPER_LIST.label, PAPER_LIST.one, PAPER_LIST.many, PAPER_LIST.none]);
  });
});
