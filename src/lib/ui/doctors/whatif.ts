/**
 * What-ifs on the doctor's page: a draft of the inputs a conversation turns on (employment, each
 * duty's hours, the list's care weight, absence), read as the grid reads them (columns.ts parseInput),
 * and the plan as it would be with the draft — computed, never stored, until applied.
 */
import type { Doctor, Duty, Plan } from '../../engine/index';
import { fmt } from '../../engine/index';
import { nonNegative, parseInput } from './columns';

export interface WhatIfDraft {
  employment: string;
  /** Hours per week of each of the doctor's duties, by index. */
  duties: string[];
  careWeight: string;
  absenceWeeks: string;
}

export function draftOf(d: Doctor): WhatIfDraft {
  return {
    employment: fmt.percent(d.employment),
    duties: (d.duties ?? []).map((x) => fmt.hours(x.hoursPerWeek)),
    careWeight: d.careWeight === undefined ? '' : fmt.careWeight(d.careWeight),
    absenceWeeks: fmt.weeks(d.absenceWeeks ?? 0),
  };
}

export type DraftField = 'employment' | 'careWeight' | 'absenceWeeks' | `duty.${number}`;

export interface DraftOutcome {
  /** The fields that differ from the doctor, as one patch (duties as a whole list). */
  patch: Partial<Doctor>;
  errors: { field: DraftField; message: string }[];
}

/** The draft as a patch of the doctor: only what changed; unreadable fields are errors (and left out). */
export function draftPatch(d: Doctor, draft: WhatIfDraft): DraftOutcome {
  const patch: Partial<Doctor> = {};
  const errors: DraftOutcome['errors'] = [];
  const read = (field: 'employment' | 'careWeight' | 'absenceWeeks', text: string) => {
    const out = parseInput(d, field, text);
    if (!out.ok) {
      errors.push({ field, message: out.message });
      return;
    }
    const v = out.patch[field];
    const now = field === 'absenceWeeks' ? (d.absenceWeeks ?? 0) : d[field];
    if (field === 'absenceWeeks' && v === undefined) {
      if (now !== 0) patch.absenceWeeks = 0;
      return;
    }
    if (v !== now) (patch as Record<string, unknown>)[field] = v;
  };
  read('employment', draft.employment);
  read('careWeight', draft.careWeight);
  read('absenceWeeks', draft.absenceWeeks);
  const duties: Duty[] = [];
  let dutiesChanged = false;
  (d.duties ?? []).forEach((duty, i) => {
    const text = (draft.duties[i] ?? '').trim();
    const n = text === '' ? 0 : nonNegative(text);
    if (typeof n === 'string') {
      errors.push({ field: `duty.${i}`, message: n });
      duties.push(duty);
      return;
    }
    if (n !== duty.hoursPerWeek) dutiesChanged = true;
    duties.push({ ...duty, hoursPerWeek: n });
  });
  if (dutiesChanged) patch.duties = duties;
  return { patch, errors };
}

/** The plan with the doctor changed by `patch` (a new object; the plan itself is untouched). */
export function planWith(plan: Plan, doctorId: string, patch: Partial<Doctor>): Plan {
  return {
    ...plan,
    doctors: plan.doctors.map((x) => {
      if (x.id !== doctorId) return x;
      const next: Doctor = { ...x, ...patch };
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
      return next;
    }),
  };
}
