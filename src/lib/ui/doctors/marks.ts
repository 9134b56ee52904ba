/**
 * Findings as marks on the läkardel grid: each doctor finding on the cell of the field it is about
 * (else the name), an over-capacity mark on the load, the row's findings marker (worst severity, count,
 * every message), and a collapsed group's summary cell carrying the marks of the columns it hides.
 */
import type { DoctorResult, Finding, Severity } from '../../engine/index';
import { DOCTORS } from '../../strings/doctors.sv';
import type { CellStatus } from '../grid/types';
import { DOCTOR_COLUMNS, groupColumnKey, type DoctorGroup } from './columns';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Marks by "<doctorId>|<column key>". */
export type Marks = Record<string, CellStatus>;

function add(m: Marks, key: string, level: Severity, text: string): void {
  const prev = m[key];
  if (!prev) m[key] = { level, message: text };
  else m[key] = { level: RANK[level] > RANK[prev.level] ? level : prev.level, message: prev.message + ' ' + text };
}

/** The grid column a finding belongs on. */
export function findingColumn(f: Finding, firstDutyKind: (doctorId: string | undefined) => string): string {
  const seg = f.field?.split('.') ?? [];
  const field = seg.length >= 3 && seg[0] === 'doctors' ? seg.slice(2).join('.') : '';
  if (f.rule === 'over-capacity') return 'loadRatio';
  if (field === 'duties') return `duty.${firstDutyKind(f.doctorId)}`;
  if (DOCTOR_COLUMNS.some((c) => c.key === field && c.kind !== 'computed')) return field;
  return 'name';
}

export interface RowFindings {
  level: Severity;
  count: number;
}

/** Marks for every doctor cell, plus per doctor the worst severity and the number of findings. */
export function buildMarks(
  findings: readonly Finding[],
  doctors: readonly DoctorResult[],
  firstDutyKind: (doctorId: string | undefined) => string,
): { marks: Marks; rows: Record<string, RowFindings> } {
  const marks: Marks = {};
  const rows: Record<string, RowFindings> = {};
  for (const f of findings) {
    if (!f.doctorId) continue;
    const col = findingColumn(f, firstDutyKind);
    add(marks, `${f.doctorId}|${col}`, f.severity, f.message);
    add(marks, `${f.doctorId}|findings`, f.severity, f.message);
    const group = DOCTOR_COLUMNS.find((c) => c.key === col)?.group;
    if (group) add(marks, `${f.doctorId}|${groupColumnKey(group)}`, f.severity, f.message);
    const r = rows[f.doctorId];
    rows[f.doctorId] = r ? { level: RANK[f.severity] > RANK[r.level] ? f.severity : r.level, count: r.count + 1 } : { level: f.severity, count: 1 };
  }
  for (const r of doctors) {
    // A load above 1 without an over-capacity finding (a locum's fictive list): still marked, with why.
    if (r.loadRatio !== null && r.loadRatio > 1 && !marks[`${r.id}|loadRatio`]) {
      add(marks, `${r.id}|loadRatio`, 'warning', Number.isFinite(r.loadRatio) ? DOCTORS.overCapacity + '.' : DOCTORS.listWithoutCapacity);
    }
  }
  return { marks, rows };
}

/** Sort value of the findings marker: errors before warnings before info, more before fewer. */
export function findingsRank(r: RowFindings | undefined): number {
  return r ? RANK[r.level] * 1000 + r.count : -1;
}

export type { DoctorGroup };
