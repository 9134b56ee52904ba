/**
 * Översikt as a workbook (issue 15): sheet "Enheter" (one row per unit, the totals as live SUM
 * formulas over the units), "Läkare" (every doctor with the unit's name) and "Rapport till regionen"
 * (VGR's monthly reporting: per doctor the listed patients they are named doctor for, and each unit's
 * share against 70 %), laid out to copy into the region's form.
 *
 * Every number cell has the cell format of its kind from excelFormat (the unit workbook's formats);
 * every text a user typed (unit and doctor names, file names) is a text cell, never a formula.
 */
import * as XLSX from 'xlsx';
import { CATEGORY_LABELS } from '../strings/engine.sv';
import { COLUMNS, OVERVIEW_WORKBOOK as W, RULE_NAMES } from '../strings/overview.sv';
import { excelFormat, fmt, type QuantityKind } from '../engine/quantity';
import { PROFILES, isFictiveList, type Doctor, type DoctorResult, type FindingRule } from '../engine/index';
import { overviewTotals, type OverviewRow } from '../engine/overview';
import { MODEL_LABELS } from '../strings/engine.sv';

type Cell = XLSX.CellObject | null;

/** A user's text stays text: "=1+1", "+46…", "-x", "@x" are never formulas (contracts.md). */
function text(v: string): XLSX.CellObject {
  return { t: 's', v };
}

function num(kind: QuantityKind, v: number | null | undefined): Cell {
  if (v === null || v === undefined || Number.isNaN(v)) return null;
  if (!Number.isFinite(v)) return text(fmt[kind](v));
  return { t: 'n', v, z: excelFormat(kind, v) };
}

/** A live formula with the value it has cached (LibreOffice shows the cache until it recalculates). */
function formula(kind: QuantityKind, f: string, v: number | null): XLSX.CellObject {
  const value = v === null || !Number.isFinite(v) ? 0 : v;
  return { t: 'n', f, v: value, z: excelFormat(kind, value) };
}

function sheetOf(rows: Cell[][], widths: number[], autofilterRow?: number): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) ws[XLSX.utils.encode_cell({ r, c })] = cell;
    });
    maxC = Math.max(maxC, row.length - 1);
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: maxC } });
  ws['!cols'] = widths.map((wch) => ({ wch }));
  if (autofilterRow !== undefined) {
    const last = rows.length - 1;
    ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: autofilterRow, c: 0 }, e: { r: Math.max(autofilterRow, last), c: maxC } }) };
  }
  return ws;
}

const col = (c: number) => XLSX.utils.encode_col(c);

/** Whether a doctor's list is a named-doctor list (domain.md §1: a locum's fictive list never is). */
function holdsNamedList(d: Doctor, r: DoctorResult): boolean {
  return r.base > 0 && !isFictiveList(d);
}

function unitsSheet(rows: readonly OverviewRow[]): XLSX.WorkSheet {
  const rules = [...new Set(rows.flatMap((r) => r.findings.map((f) => f.rule)))] as FindingRule[];
  const header = [
    COLUMNS.name, W.source, W.profile, W.model, W.doctorCount,
    COLUMNS.listed, COLUMNS.withNamedDoctor, COLUMNS.capacityGuideline, COLUMNS.capacityTime,
    COLUMNS.coverageToday, COLUMNS.coveragePossible, COLUMNS.gapPatients, COLUMNS.fteNeeded,
    COLUMNS.doctorsOverCapacity, W.findingsTotal, ...rules.map((r) => RULE_NAMES[r] ?? r),
    COLUMNS.threshold, `${COLUMNS.threshold}: ${W.yes.toLowerCase()}/${W.no.toLowerCase()}`, COLUMNS.latestSnapshot,
    // Issue 16.4, appended so the columns before keep their places.
    COLUMNS.freePlaces,
  ];
  const out: Cell[][] = [header.map(text)];
  for (const r of rows) {
    const count = (rule: FindingRule) => r.findings.find((f) => f.rule === rule)?.count ?? 0;
    out.push([
      text(r.name),
      text(r.source === 'file' ? W.sourceFile(r.fileName ?? '') : W.sourceBrowser),
      text(r.result.profile.name),
      text(MODEL_LABELS[r.result.model]),
      num('count', r.doctorCount),
      num('patients', r.listed),
      num('patients', r.withNamedDoctor),
      num('patients', r.capacityGuideline),
      num('patients', r.capacityTime),
      num('share', r.coverageToday),
      num('share', r.coveragePossible),
      num('patients', r.gapPatients),
      num('fte', r.fteNeeded),
      num('count', r.doctorsOverCapacity),
      num('count', r.findingsTotal),
      ...rules.map((rule) => num('count', count(rule))),
      r.threshold ? num('percent', r.threshold.share) : null,
      r.thresholdMet === null ? null : text(r.thresholdMet ? W.yes : W.no),
      r.latestSnapshot ? text(r.latestSnapshot) : null,
      num('patients', r.freePlaces),
    ]);
  }
  // Totals: live formulas over the unit rows, so every total is visibly the sum of its units.
  const first = 2;
  const last = rows.length + 1;
  const range = (c: number) => `${col(c)}${first}:${col(c)}${last}`;
  const sum = (c: number, kind: QuantityKind, v: number) => formula(kind, `SUM(${range(c)})`, v);
  const t = totalsOf(rows);
  const ruleStart = 15;
  const thresholdYes = ruleStart + rules.length + 1;
  out.push([
    text(W.total),
    null,
    null,
    null,
    sum(4, 'count', t.doctors),
    sum(5, 'patients', t.listed),
    sum(6, 'patients', t.withNamed),
    sum(7, 'patients', t.capacityGuideline),
    sum(8, 'patients', t.capacityTime),
    formula('share', `IF(SUM(${range(5)})>0,SUM(${range(6)})/SUM(${range(5)}),0)`, t.listed > 0 ? t.withNamed / t.listed : 0),
    // Σ possible share × listed = Σ min(capacity, listed): each unit within its own list.
    formula('share', `IF(SUM(${range(5)})>0,SUMPRODUCT(${range(10)},${range(5)})/SUM(${range(5)}),0)`, t.listed > 0 ? t.possible / t.listed : 0),
    sum(11, 'patients', t.gap),
    sum(12, 'fte', t.fte),
    sum(13, 'count', t.over),
    sum(14, 'count', t.findings),
    ...rules.map((rule, i) => sum(ruleStart + i, 'count', rows.reduce((s, r) => s + (r.findings.find((f) => f.rule === rule)?.count ?? 0), 0))),
    null,
    formula('count', `COUNTIF(${range(thresholdYes)},"${W.yes}")`, rows.filter((r) => r.thresholdMet === true).length),
    null,
    formula('patients', `SUM(${range(thresholdYes + 2)})`, overviewTotals(rows).freePlaces),
  ]);
  return sheetOf(out, [30, 26, 30, 22, 8, 10, 12, 12, 12, 14, 12, 10, 10, 10, 12, ...rules.map(() => 14), 10, 10, 12, 12], 0);
}

function totalsOf(rows: readonly OverviewRow[]) {
  const t = overviewTotals(rows);
  return {
    listed: t.listed,
    withNamed: t.withNamedDoctor,
    capacityGuideline: t.capacityGuideline,
    capacityTime: t.capacityTime,
    possible: t.possiblePatients,
    gap: t.gapPatients,
    fte: t.fteNeeded,
    over: t.doctorsOverCapacity,
    findings: t.findingsTotal,
    doctors: rows.reduce((s, r) => s + r.doctorCount, 0),
  };
}

function doctorsSheet(rows: readonly OverviewRow[]): XLSX.WorkSheet {
  const h = W.doctorHeaders;
  const out: Cell[][] = [[h.unit, h.name, h.category, h.employment, h.listed, h.capacityGuideline, h.capacityTime, h.load, h.named].map(text)];
  for (const r of rows) {
    r.plan.doctors.forEach((d, i) => {
      const res = r.result.doctors[i];
      if (!res) return;
      out.push([
        text(r.name),
        text(String(d.name ?? '')),
        text(CATEGORY_LABELS[res.category] ?? String(d.category)),
        num('percent', Number(d.employment)),
        typeof d.listed === 'number' ? num('patients', d.listed) : null,
        num('patients', res.capacityGuideline),
        num('patients', res.capacityTime),
        res.loadRatio === null ? null : num('load', res.loadRatio),
        text(holdsNamedList(d, res) ? W.yes : isFictiveList(d) ? W.fictive : W.no),
      ]);
    });
  }
  return sheetOf(out, [30, 26, 14, 12, 10, 12, 12, 10, 16], 0);
}

function reportSheet(rows: readonly OverviewRow[], today: string): XLSX.WorkSheet {
  const R = W.report;
  const requirement = PROFILES.vgr.coverageThreshold ?? 0.7;
  const out: Cell[][] = [[text(R.title(today))], [text(R.help)], [text(R.requirement(fmt.percent(requirement)))], []];
  out.push(R.unitHeaders.map(text));
  for (const r of rows) {
    const share = r.listed > 0 ? r.withNamedDoctor / r.listed : null;
    out.push([
      text(r.name),
      num('patients', r.listed),
      num('patients', r.withNamedDoctor),
      num('share', share),
      num('percent', requirement),
      share === null ? null : text(share >= requirement - 1e-12 ? W.yes : W.no),
    ]);
  }
  out.push([]);
  out.push(R.doctorHeaders.map(text));
  for (const r of rows) {
    r.plan.doctors.forEach((d, i) => {
      const res = r.result.doctors[i];
      if (!res || !holdsNamedList(d, res)) return;
      out.push([text(r.name), text(String(d.name ?? '')), typeof d.listed === 'number' ? num('patients', d.listed) : text(R.listUnknown)]);
    });
  }
  return sheetOf(out, [30, 26, 22, 16, 10, 14]);
}

/** The overview rows (as shown: filtered and sorted) as an .xlsx workbook. */
export function overviewWorkbook(rows: readonly OverviewRow[], options: { today: string }): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, unitsSheet(rows), W.unitsSheet);
  XLSX.utils.book_append_sheet(wb, doctorsSheet(rows), W.doctorsSheet);
  XLSX.utils.book_append_sheet(wb, reportSheet(rows, options.today), W.reportSheet);
  wb.Props = { Title: W.title(options.today) };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
