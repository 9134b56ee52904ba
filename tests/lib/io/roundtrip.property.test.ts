/**
 * Property: for any valid plan, importWorkbook(exportWorkbook(plan)) gives the same plan back, and
 * the cached capacities in the workbook equal computePlan's.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { computePlan } from '../../../src/lib/engine/index';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { planArb } from './arbitraries';

describe('workbook round trip (property)', () => {
  it('import(export(plan)) = plan, and cached capacities = computePlan', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const bytes = exportWorkbook(plan, { today: '2026-11-23' });
        const r = importWorkbook(bytes);
        if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
        expect(r.plan).toEqual(plan);
        const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(bytes, { type: 'array' }).Sheets['Läkare']);
        const res = computePlan(plan, { today: '2026-11-23' });
        expect(rows.map((x) => [x['Kapacitet (riktvärde)'], x['Kapacitet (tid)']])).toEqual(res.doctors.map((d) => [d.capacityGuideline, d.capacityTime]));
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
