// The agreement (domain.md §8): its fields in parsePlan and the plan file, and its three findings.
import { describe, expect, it } from 'vitest';
import { computePlan, parsePlan, serializePlan } from '../../../src/lib/engine/index';
import { doc, plan, sv, TODAY } from './helpers';
import type { FindingRule, Plan } from '../../../src/lib/engine/types';

const only = (p: Plan, rule: FindingRule, today = TODAY) => computePlan(p, { today }).findings.filter((f) => f.rule === rule);

describe('list-above-agreed', () => {
  it('fires when the list is larger than the agreed size, naming doctor, list, agreement and excess', () => {
    const [f] = only(plan({ doctors: [doc({ listed: 1250, agreedListSize: 1100 })] }), 'list-above-agreed');
    expect(f).toMatchObject({ severity: 'warning', doctorId: 'd1', field: 'doctors.d1.listed' });
    expect(f.message).toBe(sv('Anna A har 1 250 listade, 150 fler än den överenskomna listlängden 1 100.'));
  });
  it('is silent at the agreed size, without an agreement, without a known list and for a fictive list', () => {
    expect(only(plan({ doctors: [doc({ listed: 1100, agreedListSize: 1100 })] }), 'list-above-agreed')).toEqual([]);
    expect(only(plan({ doctors: [doc({ listed: 1250 })] }), 'list-above-agreed')).toEqual([]);
    expect(only(plan({ doctors: [doc({ agreedListSize: 0 })] }), 'list-above-agreed')).toEqual([]);
    const locum = doc({ category: 'locum', listed: 300, agreedListSize: 100, fictiveListName: 'Vårdcentralen Test Dr X' });
    expect(only(plan({ doctors: [locum] }), 'list-above-agreed')).toEqual([]);
  });
  it('an agreed size of 0 with patients listed fires', () => {
    expect(only(plan({ doctors: [doc({ listed: 1, agreedListSize: 0 })] }), 'list-above-agreed')).toHaveLength(1);
  });
});

describe('agreement-expired', () => {
  it('fires the day after agreedUntil, not on it', () => {
    const p = plan({ doctors: [doc({ agreedUntil: '2026-11-22' })] });
    const [f] = only(p, 'agreement-expired');
    expect(f).toMatchObject({ severity: 'warning', doctorId: 'd1', field: 'doctors.d1.agreedUntil' });
    expect(f.message).toContain('2026-11-22');
    expect(f.message).toContain('Anna A');
    expect(only(p, 'agreement-expired', '2026-11-22')).toEqual([]);
    expect(only(plan({ doctors: [doc({})] }), 'agreement-expired')).toEqual([]);
  });
});

describe('agreed-above-capacity', () => {
  it('is info when the agreement exceeds the capacity of the chosen model', () => {
    // 1 100 × 0,8 = 880 (guideline); the time model gives more for a full-time specialist with no duties.
    const p = plan({ doctors: [doc({ employment: 0.8, agreedListSize: 900 })] });
    const [f] = only(p, 'agreed-above-capacity');
    expect(f).toMatchObject({ severity: 'info', doctorId: 'd1', field: 'doctors.d1.agreedListSize' });
    expect(f.message).toContain(sv('900'));
    expect(f.message).toContain('880');
    expect(f.message).toContain('riktvärdet');
    expect(only(plan({ doctors: [doc({ employment: 0.8, agreedListSize: 880 })] }), 'agreed-above-capacity')).toEqual([]);
    const timeCap = computePlan({ ...p, model: 'time' }, { today: TODAY }).doctors[0].capacityTime;
    const timeFindings = only({ ...p, model: 'time' }, 'agreed-above-capacity');
    expect(timeFindings).toHaveLength(timeCap < 900 ? 1 : 0);
  });
});

describe('parsePlan and the plan file keep the agreement', () => {
  it('round trips the four fields', () => {
    const p = plan({ doctors: [doc({ agreedListSize: 1050, agreedOn: '2026-01-10', agreedUntil: '2026-12-31', agreementNote: 'Ses igen efter sommaren.' })] });
    const r = parsePlan(serializePlan(p));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.doctors[0]).toMatchObject({ agreedListSize: 1050, agreedOn: '2026-01-10', agreedUntil: '2026-12-31', agreementNote: 'Ses igen efter sommaren.' });
    expect(r.warnings).toEqual([]);
  });
  it.each([
    ['agreedListSize', -1],
    ['agreedListSize', 10.5],
    ['agreedListSize', '1000'],
    ['agreedOn', '2026-02-30'],
    ['agreedUntil', '31/12/2026'],
    ['agreementNote', 42],
    ['agreementNote', 'Anna 19121212-1212'],
    ['agreementNote', 'x'.repeat(2001)],
  ])('refuses %s = %j with its path', (field, value) => {
    const r = parsePlan(plan({ doctors: [doc({ [field]: value })] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(`doctors[0].${field}`);
  });
  it('drops empty texts and warns when the agreement ends before it was made', () => {
    const r = parsePlan(plan({ doctors: [doc({ agreedOn: '2026-05-01', agreedUntil: '2026-04-30', agreementNote: '' })] }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.doctors[0]).not.toHaveProperty('agreementNote');
    expect(r.warnings.map((w) => w.path)).toEqual(['doctors[0].agreedUntil']);
  });
});
