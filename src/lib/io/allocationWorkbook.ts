/**
 * The allocation proposal as a workbook for the listing staff (domain.md §6). Only pseudonymous
 * keys are written. (The patient list the proposal starts from is read by patientList.ts; the
 * values-only writer is sheets.ts, re-exported here for its earlier importers.)
 */
import { allocationReasonText, placementWhyText, type AllocationResult, type Cell } from '../engine/followup/index';
import { AGE_BAND_LABELS, ALLOCATION_WORKBOOK as W, PRIORITY_LABELS } from '../strings/followup.sv';
import { sheetsWorkbook, type SimpleSheet } from './sheets';

export { sheetsWorkbook, type SimpleSheet };

const weightText = (w: number | null) => (w === null ? W.unknownWeight : w);

/**
 * The allocation proposal as a workbook the listing staff can act on: sheet "Förslag" (one row per
 * doctor with the numbers and the reasons), the groups per doctor, "Patienter" (row-level imports:
 * one row per patient key with the proposed doctor and a done column), "Ej fördelade".
 */
export function allocationWorkbook(result: AllocationResult, options: { unitName: string; today: string }): Uint8Array {
  const h = W.headers;
  const summary: Cell[][] = [
    [W.title(options.unitName, options.today)],
    [W.explain],
    [],
    [h.doctor, h.id, h.free, h.assigned, h.slots, h.loadBefore, h.loadAfter, h.reasons],
  ];
  for (const d of result.doctors) {
    summary.push([
      d.name,
      d.doctorId,
      Math.round(d.freeBefore * 10) / 10,
      d.assigned,
      Math.round(d.slotsUsed * 10) / 10,
      d.loadBefore,
      d.loadAfter,
      d.reasons.map(allocationReasonText).join(' '),
    ]);
  }
  summary.push([]);
  summary.push([h.doctor, h.priority, h.ageBand, h.careWeight, h.count, h.why]);
  for (const d of result.doctors)
    for (const s of d.shares) summary.push([d.name, PRIORITY_LABELS[s.priority], AGE_BAND_LABELS[s.ageBand], weightText(s.careWeight), s.count, placementWhyText(s)]);

  const sheets: SimpleSheet[] = [{ name: W.summarySheet, rows: summary, colWidths: [24, 10, 14, 14, 12, 12, 12, 90] }];

  const hasKeys = result.doctors.some((d) => d.shares.some((s) => s.keys && s.keys.length));
  if (hasKeys) {
    const rows: Cell[][] = [[h.patientKey, h.doctor, h.id, h.priority, h.ageBand, h.careWeight, h.done]];
    for (const d of result.doctors)
      for (const s of d.shares)
        for (const k of s.keys ?? []) rows.push([k, d.name, d.doctorId, PRIORITY_LABELS[s.priority], AGE_BAND_LABELS[s.ageBand], weightText(s.careWeight), '']);
    sheets.push({ name: W.patientsSheet, rows, colWidths: [26, 24, 10, 22, 16, 10, 8] });
  }
  const un: Cell[][] = [[h.priority, h.ageBand, h.careWeight, h.count, h.cause, ...(hasKeys ? [h.patientKey] : [])]];
  for (const u of result.unassigned) {
    if (hasKeys && u.keys) {
      for (const k of u.keys) un.push([PRIORITY_LABELS[u.priority], AGE_BAND_LABELS[u.ageBand], weightText(u.careWeight), 1, W.causes[u.cause], k]);
    } else {
      un.push([PRIORITY_LABELS[u.priority], AGE_BAND_LABELS[u.ageBand], weightText(u.careWeight), u.count, W.causes[u.cause]]);
    }
  }
  sheets.push({ name: W.unassignedSheet, rows: un, colWidths: [22, 16, 10, 8, 60, 26] });
  return sheetsWorkbook(sheets);
}
