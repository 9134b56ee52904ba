/**
 * A doctor field's name as the läkardel grid shows it (for messages and finding links). Light on
 * purpose: the unit view's finding list needs it, and must not pull in the whole grid.
 */
import { DUTY_LABELS } from '../../strings/engine.sv';
import { DOCTOR_FIELDS, dutyField } from '../../strings/fields.sv';
import type { DutyKind } from '../../engine/types';

/** "employment" → "Tjänstgöringsgrad", "duty.supervision" → "Handledning (tim/v)"; unknown keys as they are. */
export function columnHeader(key: string): string {
  const label = key.startsWith('duty.') ? dutyField(DUTY_LABELS[key.slice(5) as DutyKind] ?? key.slice(5)) : (DOCTOR_FIELDS[key as keyof typeof DOCTOR_FIELDS] ?? key);
  // Headers carry soft hyphens so they wrap well in narrow columns; messages get the plain word.
  return label.replace(/\u00ad/g, '');
}
