/// <reference types="node" />
// An ST doctor without an ST length: the workbook's formula uses the engine's default (60 months, domain.md §9)
// and agrees with the engine after a real spreadsheet program recalculates (issue 17.8, a surviving mutant).
import { describe, expect, it } from 'vitest';
import { computePlan, DEFAULT_ST_MONTHS_TOTAL } from '../../../src/lib/engine/index';
import { sofficePath } from './libreoffice';
import { expectWorkbookAgreesOnStDefault, stWithoutTotalPlan } from './stDefault';

describe.runIf(sofficePath() !== null || process.env.CI === 'true')('the workbook’s default ST length', () => {
  it('is the engine’s (60 months): LibreOffice recomputes every ST base as computePlan does', () => {
    expect(DEFAULT_ST_MONTHS_TOTAL).toBe(60);
    // The default matters for these doctors: 33 of 60 months is not 33 of 66.
    expect(computePlan(stWithoutTotalPlan()).doctors[0].base).toBe(550 * (0.5 + 6 / 60));
    expectWorkbookAgreesOnStDefault();
  }, 120_000);
});
