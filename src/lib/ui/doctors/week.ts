/**
 * A doctor's year as an average working week (the doctor's page): direct patient time, indirect work,
 * each duty kind and absence, from the engine's time breakdown (domain.md §3). Patient, duty and
 * absence hours add up to employment × fullTimeHours × weeksPerYear (engine README), so the week adds
 * up to the contracted week. The engine gives the duties' year hours as one sum; it is shared between
 * the kinds in proportion to their hours per week (both are capped together at the working time).
 */
import { DUTY_KINDS, DUTY_LABELS } from '../../engine/index';
import type { Doctor, DoctorResult, DutyKind, TimeAssumptions } from '../../engine/index';
import { PAGE } from '../../strings/doctorpage.sv';
import { CHART_COLORS } from '../charts/types';

export interface WeekPart {
  key: 'direct' | 'indirect' | `duty.${DutyKind}` | 'absence';
  label: string;
  hoursPerWeek: number;
  color: string;
}

const DUTY_COLORS: Record<DutyKind, string> = {
  supervision: CHART_COLORS.orange,
  management: CHART_COLORS.purple,
  research: CHART_COLORS.red,
  side: '#7c2d12',
  meetings: '#a16207',
  other: '#4d7c0f',
};

export function weekParts(d: Doctor, r: DoctorResult, time: TimeAssumptions): WeekPart[] {
  const wpy = time.weeksPerYear > 0 ? time.weeksPerYear : 1;
  const perWeek = (hoursYear: number) => hoursYear / wpy;
  const parts: WeekPart[] = [
    { key: 'direct', label: PAGE.direct, hoursPerWeek: perWeek(r.time.directHoursYear), color: CHART_COLORS.blue },
    { key: 'indirect', label: PAGE.indirect, hoursPerWeek: perWeek(r.time.indirectHoursYear), color: CHART_COLORS.teal },
  ];
  const byKind = new Map<DutyKind, number>();
  for (const x of d.duties ?? []) {
    if (x && Number.isFinite(x.hoursPerWeek) && x.hoursPerWeek > 0) byKind.set(x.kind, (byKind.get(x.kind) ?? 0) + x.hoursPerWeek);
  }
  const total = [...byKind.values()].reduce((s, h) => s + h, 0);
  for (const kind of DUTY_KINDS) {
    const h = byKind.get(kind);
    if (!h || total <= 0) continue;
    parts.push({ key: `duty.${kind}`, label: PAGE.dutyOf(DUTY_LABELS[kind].toLowerCase()), hoursPerWeek: perWeek((r.time.dutyHoursYear * h) / total), color: DUTY_COLORS[kind] });
  }
  if (r.time.absenceHoursYear > 0) parts.push({ key: 'absence', label: PAGE.absence, hoursPerWeek: perWeek(r.time.absenceHoursYear), color: CHART_COLORS.grey });
  return parts;
}
