// Plan-file version chain: the v0 draft fixture upgraded to v1, and the chain stays generic.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_PLAN_VERSION, MIGRATIONS, computePlan, migratePlanObject, parsePlan } from '../../../src/lib/engine/index';
import type { Migration } from '../../../src/lib/engine/index';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('version 0 → 1', () => {
  it('has one fixture per version and a step for every version below the current one', () => {
    expect(CURRENT_PLAN_VERSION).toBe(1);
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual([[0, 1]]);
    expect(fixture('plan-v0.json').format).toBeUndefined();
    expect(fixture('plan-v1.json').version).toBe(1);
  });
  it('turns percent into a share and flat hour fields into duties, keeping unknown fields', () => {
    const raw = fixture('plan-v0.json');
    const m = migratePlanObject(raw);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.fromVersion).toBe(0);
    expect(m.migrated).toBe(true);
    const v = m.value as { format: string; version: number; model: string; doctors: Record<string, unknown>[]; unit: Record<string, unknown> };
    expect(v.format).toBe('kapacitet/plan');
    expect(v.version).toBe(1);
    expect(v.model).toBe('guideline');
    expect(v.unit.notes).toBe('Utkastets fält som inte finns i version 1 ska följa med.');
    expect(v.doctors[0]).toEqual({
      id: 'd1',
      name: 'Greta Grön',
      category: 'specialist',
      employment: 0.8,
      duties: [
        { kind: 'supervision', hoursPerWeek: 2 },
        { kind: 'meetings', hoursPerWeek: 1.5 },
      ],
      listed: 1200,
      listPoints: 390,
      room: 'B12',
    });
    expect(v.doctors[1].employment).toBe(1);
    expect(v.doctors[1].duties).toEqual([
      { kind: 'research', hoursPerWeek: 4 },
      { kind: 'other', hoursPerWeek: 1 },
    ]);
    expect('employmentPercent' in v.doctors[1]).toBe(false);
    expect('researchHours' in v.doctors[1]).toBe(false);
    // the input is left as it was
    expect(raw.doctors[0].employmentPercent).toBe(80);
  });
  it('parses and computes the migrated draft', () => {
    const r = parsePlan(JSON.stringify(fixture('plan-v0.json')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.doctors[1].category).toBe('st');
    const res = computePlan(r.plan, { today: '2026-11-23' });
    // Greta: 0.8 × (1 − 3.5/32) × 1 = 0.7125 → 1 100 × 0.7125 / 1.1 = 712.5 → 712
    expect(res.doctors[0].capacityGuideline).toBe(712);
    // Sven: ST 24/60 → 550 × 0.9 = 495; duties 5 h: 0.875; presence 1 − 8/42; 495 × 0.875 × 0.8095 / 1.1 = 318.75 → 318
    expect(res.doctors[1].capacityGuideline).toBe(318);
  });
  it('reports a v0 file with a bad percent at the migrated path', () => {
    const raw = fixture('plan-v0.json');
    raw.doctors[0].employmentPercent = 300;
    const r = parsePlan(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['doctors[0].employment']);
  });
});

describe('the chain is generic', () => {
  it('runs every step in order up to the current version', () => {
    const chain: Migration[] = [
      ...MIGRATIONS,
      { from: 1, to: 2, migrate: (p) => ({ ...p, version: 2, steps: [...((p.steps as string[]) ?? []), '1→2'] }) },
      { from: 2, to: 3, migrate: (p) => ({ ...p, version: 3, steps: [...((p.steps as string[]) ?? []), '2→3'] }) },
    ];
    const m = migratePlanObject(fixture('plan-v0.json'), chain, 3);
    expect(m.ok && m.value.version).toBe(3);
    expect(m.ok && m.value.steps).toEqual(['1→2', '2→3']);
    const fromOne = migratePlanObject(fixture('plan-v1.json'), chain, 3);
    expect(fromOne.ok && fromOne.fromVersion).toBe(1);
  });
  it('says so when a step is missing', () => {
    const m = migratePlanObject(fixture('plan-v1.json'), MIGRATIONS, 2);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.errors[0].message).toMatch(/ingen uppgradering från filversion 1/);
  });
  it('leaves a current file unchanged', () => {
    const raw = fixture('plan-v1.json');
    const m = migratePlanObject(raw);
    expect(m.ok && m.migrated).toBe(false);
    expect(m.ok && m.value).toEqual(raw);
  });
});
