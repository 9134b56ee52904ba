// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { computePlan } from '../../../src/lib/engine/index';
import FindingList from '../../../src/lib/ui/FindingList.svelte';
import { doc, plan } from '../engine/helpers';
import { internalWordsIn } from '../strings/internalWords';

describe('FindingList links say the field in words, never its key (issue 10.4)', () => {
  it('duties that exceed the time and uncovered priority patients', () => {
    const p = plan({
      unit: { listed: 3000, withNamedDoctor: 1000, priority: { multimorbid: 2500, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 } },
      doctors: [doc({ id: 'd1', name: 'Olof Berg', employment: 0.5, duties: [{ kind: 'management', hoursPerWeek: 30 }], listed: 100 })],
    });
    const r = computePlan(p, { today: '2026-12-01' });
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['duties-exceed-time', 'priority-uncovered']));
    render(FindingList, { findings: r.findings, doctors: p.doctors });
    const links = screen.getAllByRole('link').map((a) => a.textContent ?? '');
    expect(links).toContain('Gå till fältet: Olof Berg, andra uppdrag');
    expect(links).toContain('Gå till fältet: Prioriterade grupper (antal patienter)');
    for (const l of links) expect(internalWordsIn(l), l).toEqual([]);
    expect(internalWordsIn(document.body.textContent ?? '')).toEqual([]);
  });
});
