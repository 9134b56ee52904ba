/**
 * "Hämta tom mall" (issue 13): the unit workbook without data — the same sheets, headers and formulas
 * as an export, an instructions sheet first, and Läkare rows that hold only the formulas — so a
 * manager who starts in Excel gets a file the importer reads cleanly once it is filled in.
 */
import { createEmptyPlan } from '../../engine/index';
import { TEMPLATE } from '../../strings/lakardel.sv';
import { exportWorkbook } from './export';

/** Läkare rows prepared with formulas (a large health centre has 20–40 doctors). */
export const TEMPLATE_DOCTOR_ROWS = 40;

export function exportTemplate(options: { today?: string } = {}): Uint8Array {
  return exportWorkbook(createEmptyPlan(''), {
    ...(options.today ? { today: options.today } : {}),
    template: {
      blankRows: TEMPLATE_DOCTOR_ROWS,
      instructions: { name: TEMPLATE.sheet, rows: [[TEMPLATE.title], ...TEMPLATE.lines.map((l) => [l])], colWidths: [100], wrapCols: [0] },
    },
  });
}
