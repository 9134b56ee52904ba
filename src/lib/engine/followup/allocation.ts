/**
 * Allocation suggestion (domain.md §6): patients without a named doctor, grouped by priority group,
 * age band and care weight, are proposed to doctors with free capacity — priority groups first,
 * age-group eligibility respected, load balanced.
 *
 * Capacity model (domain.md §2 and §4):
 * - A doctor's capacity (by the plan's model) is a number of *slots*: patients at the doctor's list
 *   care weight cw(d), because capacityGuideline = base × clinicalFte ÷ cw(d) (§2) and likewise for
 *   the time model (§3). Every patient already listed fills one slot.
 * - free(d) = capacity(d) − listed(d) (never below 0; an unknown list counts as 0 and the reasons say so).
 * - A new patient of care weight w uses w ÷ cw(d) slots: a heavier patient than the list's average
 *   takes more of the doctor's time (§2 divides by care weight for the same reason). Patients of
 *   unknown weight use exactly one slot.
 * - No doctor is given more than free(d) slots (never over capacity). Load ratio (§4) after the
 *   proposal = (listed + slots given) ÷ capacity.
 *
 * Eligibility (§2): locums and AT/BT (base 0) hold no named list and take none; a geriatrician
 * takes only 65+, a paediatrician only 0–17; a patient of unknown age goes only to doctors without
 * an age limit.
 *
 * Order: priority tiers strictly first (multimorbid, SÄBO, home care, palliative, chronic, others);
 * within a tier the groups that the fewest doctors may take go first (so a geriatrician's room is
 * used by 65+ patients before others fill the generalists), then heavier care weight first.
 * Each patient goes to the eligible doctor whose load ratio after taking them is lowest
 * (water-filling towards equal load ratios); ties go to the doctor listed first in the plan.
 * A lower tier never changes what a higher tier received (the allocation of tiers 1..t is the same
 * with or without tiers after t).
 */
import type { DoctorCategory, Plan, PlanResult } from '../types';
import { formatDecimal, formatNumber, formatPercent } from '../format';
import type {
  AgeBand,
  AllocationDoctor,
  AllocationGroup,
  AllocationPriority,
  AllocationReason,
  AllocationResult,
  AllocationShare,
  DoctorAllocation,
  UnassignedGroup,
} from './types';
import { ALLOCATION_PRIORITIES } from './types';
import { FOLLOWUP_ENGINE } from '../../strings/followup.sv';

const EPS = 1e-9;

/** Categories that can never hold a named list (domain.md §2: base 0). */
const NO_LIST: readonly DoctorCategory[] = ['locum', 'junior'];

export function isEligible(d: AllocationDoctor, band: AgeBand): boolean {
  if (d.base <= 0 || d.capacity <= 0 || NO_LIST.includes(d.category)) return false;
  if (d.ageGroup === 'all') return true;
  return d.ageGroup === band;
}

/** Doctors as the allocation sees them, from the plan and its computed result. */
export function allocationDoctors(plan: Plan, result: PlanResult): AllocationDoctor[] {
  return result.doctors.map((r) => {
    const doc = plan.doctors.find((d) => d.id === r.id);
    return {
      id: r.id,
      name: r.name,
      category: r.category,
      capacity: r.capacity,
      listed: r.listed ?? (typeof doc?.listed === 'number' ? doc.listed : null),
      careWeight: r.careWeight > 0 ? r.careWeight : 1,
      ageGroup: r.ageGroup,
      base: r.base,
    };
  });
}

function priorityRank(p: AllocationPriority): number {
  const i = ALLOCATION_PRIORITIES.indexOf(p);
  return i < 0 ? ALLOCATION_PRIORITIES.length : i;
}

/** Slots one patient of weight w uses at doctor d (see the model above). */
export function slotsPerPatient(w: number | null, d: AllocationDoctor): number {
  if (w === null || !(w > 0)) return 1;
  return w / (d.careWeight > 0 ? d.careWeight : 1);
}

interface Work {
  d: AllocationDoctor;
  eligibleAny: boolean;
  capacity: number;
  used: number; // slots: listed + given
  free0: number;
  given: number;
  slotsGiven: number;
  shares: Map<string, AllocationShare>;
}

function groupKey(g: { priority: string; ageBand: string; careWeight: number | null }): string {
  return `${g.priority}|${g.ageBand}|${g.careWeight ?? ''}`;
}

export function allocate(groupsIn: readonly AllocationGroup[], doctors: readonly AllocationDoctor[]): AllocationResult {
  const work: Work[] = doctors.map((d) => {
    const listed = d.listed ?? 0;
    const capacity = Math.max(0, d.capacity);
    return {
      d,
      eligibleAny: isEligible(d, '65+') || isEligible(d, '0-17') || isEligible(d, '18-64'),
      capacity,
      used: listed,
      free0: Math.max(0, capacity - listed),
      given: 0,
      slotsGiven: 0,
      shares: new Map(),
    };
  });
  const groups = groupsIn
    .filter((g) => g.count > 0)
    .map((g, i) => ({ g, i, nEligible: work.filter((w) => isEligible(w.d, g.ageBand)).length }))
    .sort(
      (a, b) =>
        priorityRank(a.g.priority) - priorityRank(b.g.priority) ||
        a.nEligible - b.nEligible ||
        (b.g.careWeight ?? 1) - (a.g.careWeight ?? 1) ||
        a.i - b.i,
    );

  const unassigned: UnassignedGroup[] = [];
  let totalPatients = 0;
  let totalAssigned = 0;
  let priorityPatients = 0;
  let priorityAssigned = 0;

  for (const { g, nEligible } of groups) {
    const count = Math.floor(g.count);
    totalPatients += count;
    const isPriority = g.priority !== 'other';
    if (isPriority) priorityPatients += count;
    const elig = work.filter((w) => isEligible(w.d, g.ageBand));
    const need = elig.map((w) => slotsPerPatient(g.careWeight, w.d));
    let k = 0;
    for (; k < count; k++) {
      let best = -1;
      let bestRatio = Infinity;
      for (let j = 0; j < elig.length; j++) {
        const w = elig[j];
        if (w.used + need[j] > w.capacity + EPS) continue;
        const ratio = (w.used + need[j]) / w.capacity;
        if (ratio < bestRatio - EPS) {
          bestRatio = ratio;
          best = j;
        }
      }
      if (best < 0) break; // nobody has room: the need per patient is the same for the rest of the group
      const w = elig[best];
      w.used += need[best];
      w.given++;
      w.slotsGiven += need[best];
      const key = groupKey(g);
      let share = w.shares.get(key);
      if (!share) {
        share = { priority: g.priority, ageBand: g.ageBand, careWeight: g.careWeight, count: 0, slots: 0 };
        if (g.keys) share.keys = [];
        w.shares.set(key, share);
      }
      share.count++;
      share.slots += need[best];
      if (g.keys && share.keys) share.keys.push(g.keys[k]);
    }
    totalAssigned += k;
    if (isPriority) priorityAssigned += k;
    if (k < count) {
      const rest: UnassignedGroup = {
        priority: g.priority,
        ageBand: g.ageBand,
        careWeight: g.careWeight,
        count: count - k,
        cause: nEligible === 0 ? 'noEligibleDoctor' : 'noCapacity',
      };
      if (g.keys) rest.keys = g.keys.slice(k, count);
      unassigned.push(rest);
    }
  }

  const result: DoctorAllocation[] = work.map((w) => {
    const d = w.d;
    const listed = d.listed ?? 0;
    const shares = [...w.shares.values()].sort(
      (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.ageBand.localeCompare(b.ageBand),
    );
    const loadBefore = w.capacity > 0 && d.listed !== null ? listed / w.capacity : null;
    const loadAfter = w.capacity > 0 ? w.used / w.capacity : null;
    const reasons: AllocationReason[] = [];
    if (!w.eligibleAny) {
      reasons.push({ kind: 'noList', category: d.category });
    } else {
      reasons.push({
        kind: 'capacity',
        capacity: w.capacity,
        listed,
        listedUnknown: d.listed === null,
        free: w.free0,
        careWeight: d.careWeight,
      });
      if (d.ageGroup !== 'all') reasons.push({ kind: 'ageGroup', ageGroup: d.ageGroup });
      if (w.free0 <= EPS) reasons.push({ kind: 'full' });
      if (w.given > 0) {
        const byP = new Map<AllocationPriority, number>();
        for (const s of shares) byP.set(s.priority, (byP.get(s.priority) ?? 0) + s.count);
        reasons.push({
          kind: 'received',
          byPriority: [...byP.entries()].map(([priority, count]) => ({ priority, count })),
          total: w.given,
          slots: w.slotsGiven,
        });
        if (shares.some((s) => s.careWeight !== null && Math.abs(s.careWeight - d.careWeight) > EPS))
          reasons.push({ kind: 'careWeight', careWeight: d.careWeight });
        reasons.push({ kind: 'load', before: loadBefore, after: loadAfter });
        reasons.push({ kind: 'balanced' });
      }
    }
    return {
      doctorId: d.id,
      name: d.name,
      eligible: w.eligibleAny,
      freeBefore: w.free0,
      freeAfter: Math.max(0, w.capacity - w.used),
      assigned: w.given,
      slotsUsed: w.slotsGiven,
      loadBefore,
      loadAfter,
      shares,
      reasons,
    };
  });

  return { doctors: result, unassigned, totalPatients, totalAssigned, priorityPatients, priorityAssigned };
}

/** Swedish sentence for one reason, numbers in sv-SE format. */
export function allocationReasonText(r: AllocationReason): string {
  const t = FOLLOWUP_ENGINE.allocation;
  switch (r.kind) {
    case 'noList':
      return t.noList(t.category[r.category] ?? r.category);
    case 'capacity':
      return t.capacity(formatNumber(r.capacity), formatNumber(r.listed), formatDecimal(r.free, 1), r.listedUnknown);
    case 'careWeight':
      return t.careWeight(formatDecimal(r.careWeight, 2));
    case 'ageGroup':
      return r.ageGroup === '65+' ? t.ageOld : t.ageYoung;
    case 'full':
      return t.full;
    case 'received':
      return t.received(
        r.byPriority.map((p) => `${formatNumber(p.count)} ${t.priorityShort[p.priority]}`).join(', '),
        formatNumber(r.total),
        formatDecimal(r.slots, 1),
      );
    case 'load':
      return t.load(r.before === null ? null : formatPercent(r.before), r.after === null ? '–' : formatPercent(r.after));
    case 'balanced':
      return t.balanced;
  }
}

/** Groups rows (row-level listing import) into allocation groups, keeping keys. */
export function groupPatients(
  rows: readonly { key: string; priority: AllocationPriority; ageBand: AgeBand; careWeight: number | null }[],
): AllocationGroup[] {
  const map = new Map<string, AllocationGroup>();
  for (const r of rows) {
    const k = groupKey(r);
    let g = map.get(k);
    if (!g) {
      g = { priority: r.priority, ageBand: r.ageBand, careWeight: r.careWeight, count: 0, keys: [] };
      map.set(k, g);
    }
    g.count++;
    g.keys!.push(r.key);
  }
  return [...map.values()];
}

/** Age band of an age in whole years. */
export function ageBandOf(age: number | null): AgeBand {
  if (age === null || !Number.isFinite(age) || age < 0) return 'unknown';
  if (age < 18) return '0-17';
  if (age < 65) return '18-64';
  return '65+';
}
