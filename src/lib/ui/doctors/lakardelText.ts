/** A läkardel change as text: the field's name as the grid calls it, both values through fmt. */
import { CATEGORY_LABELS, DUTY_LABELS, fmt } from '../../engine/index';
import type { DoctorCategory, DutyKind } from '../../engine/index';
import type { LakardelChange } from '../../state/lakardel.svelte';
import { LAKARDEL_UI as T } from '../../strings/lakardel.sv';
import { dutyField } from '../../strings/fields.sv';
import { columnHeader } from './columns';

export function changeLabel(c: LakardelChange): string {
  if (c.field.startsWith('duty.')) return dutyField(DUTY_LABELS[c.field.slice(5) as DutyKind]);
  return columnHeader(c.field);
}

export function changeValue(c: LakardelChange, v: number | string | undefined): string {
  if (v === undefined || v === '') return T.empty;
  if (typeof v === 'string') return c.field === 'category' ? (CATEGORY_LABELS[v as DoctorCategory] ?? v) : v;
  switch (c.field) {
    case 'employment':
      return fmt.percent(v);
    case 'stMonthsDone':
    case 'stMonthsTotal':
      return fmt.months(v);
    case 'absenceWeeks':
      return fmt.weeks(v);
    case 'listed':
      return fmt.patients(v);
    case 'listPoints':
      return fmt.points(v);
    case 'careWeight':
      return fmt.careWeight(v);
    default:
      return fmt.hours(v);
  }
}
