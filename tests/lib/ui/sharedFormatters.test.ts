/**
 * Each figure has one formatter (TEAM.md, polish item 6): the follow-up panels and the duty editor print
 * every number through the shared fmt.<kind> (engine/quantity.ts), never the low-level formatNumber,
 * formatPercent or formatDecimal. The one exception is an edit field's text (the stored value to edit,
 * not a figure), which says so in a comment on the line before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fmt } from '../../../src/lib/engine/index';

const ROOT = join(import.meta.dirname, '../../..');
const FILES = [
  ...readdirSync(join(ROOT, 'src/lib/ui/followup')).filter((f) => /\.(svelte|ts)$/.test(f)).map((f) => `src/lib/ui/followup/${f}`),
  'src/lib/ui/doctors/DutyEditor.svelte',
  // Figures of the what-if panel and the listing import (the last note's "still calling low-level formatters").
  'src/lib/ui/scenarios/WhatIfPanel.svelte',
  'src/lib/ui/io/ListingImportDialog.svelte',
];
const LOW_LEVEL = /\b(formatNumber|formatPercent|formatDecimal|toFixed|toLocaleString|Intl\.NumberFormat)\s*\(/;

describe('follow-up panels, the duty editor, the what-if panel and the listing import use the shared formatters', () => {
  for (const file of FILES) {
    it(file, () => {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      const offending = lines
        .map((line, i) => ({ line, i }))
        .filter(({ line, i }) => LOW_LEVEL.test(line) && !/edit|field/i.test(lines[i - 1] ?? ''))
        .map(({ line, i }) => `${i + 1}: ${line.trim()}`);
      expect(offending).toEqual([]);
    });
  }

  it('a continuity index prints with up to two decimals, as before', () => {
    expect(fmt.index(0.6666)).toBe('0,67');
    expect(fmt.index(0.7)).toBe('0,7');
    expect(fmt.index(1)).toBe('1');
    expect(fmt.index(null)).toBe('–');
  });
});
