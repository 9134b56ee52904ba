/// <reference types="node" />
// The same with the engine's default ST length changed (72 months here): the workbook's formula follows the
// engine's constant, so it can never silently disagree when the default moves (issue 17.1, 17.8).
import { describe, expect, it, vi } from 'vitest';
import { computePlan, DEFAULT_ST_MONTHS_TOTAL } from '../../../src/lib/engine/index';
import { sofficePath } from './libreoffice';
import { expectWorkbookAgreesOnStDefault, stWithoutTotalPlan } from './stDefault';

vi.mock('../../../src/lib/engine/formulas/constants', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/lib/engine/formulas/constants')>()),
  DEFAULT_ST_MONTHS_TOTAL: 72,
}));

describe.runIf(sofficePath() !== null || process.env.CI === 'true')('the workbook’s default ST length, changed in the engine', () => {
  it('LibreOffice recomputes every ST base with the changed default, as computePlan does', () => {
    expect(DEFAULT_ST_MONTHS_TOTAL).toBe(72);
    expect(computePlan(stWithoutTotalPlan()).doctors[0].base).toBeCloseTo(550 * (0.5 + 6 / 72), 9);
    expectWorkbookAgreesOnStDefault();
  }, 120_000);
});
