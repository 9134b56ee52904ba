/**
 * Allocation suggestion (domain.md §6, issue 16.6): patients without a named doctor, grouped by priority group,
 * age band and care weight, are proposed to doctors with free places — priority groups first, age-group
 * eligibility respected, competence weighed, load balanced; each placement says why.
 *
 * Capacity model (domain.md §2 and §4):
 * - A doctor's capacity (by the plan's model) is a number of *slots*: patients at the doctor's list
 *   care weight cw(d), because capacityGuideline = base × clinicalFte ÷ cw(d) (§2) and likewise for
 *   the time model (§3). Every patient already listed fills one slot.
 * - free(d) = the result's freePlacesOpen: capacity, at most the agreed list size (§8), − listed, never below 0
 *   (an unknown list counts as 0 and the reasons say so; a fictive list has none). Σ free(d) is the unit's
 *   "lediga platser att fördela", the figure the unit part names beside its "prioriterade som ryms".
 * - A new patient of care weight w uses w ÷ cw(d) slots: a heavier patient than the list's average
 *   takes more of the doctor's time (§2 divides by care weight for the same reason). Patients of
 *   unknown weight use exactly one slot.
 * - No doctor is given more than free(d) slots. Load ratio (§4) after the proposal = (listed + slots given) ÷ capacity.
 *
 * Eligibility (§2): locums and AT/BT (base 0) hold no named list and take none; a geriatrician
 * takes only 65+, a paediatrician only 0–17; a patient of unknown age goes only to doctors without
 * an age limit.
 *
 * Competence (issue 16.6): a geriatrician is offered 65+ patients (a paediatrician 0–17) before any doctor
 * without an age group, so their room goes to the patients they are specialists for; a trainee (ST) fills at
 * most a settable share of their free places with priority-group patients (the app's default: the unit's own
 * share of priority patients among the listed), so complex patients do not all land on the least experienced.
 *
 * Order: priority tiers strictly first (multimorbid, SÄBO, home care, palliative, chronic, others);
 * within a tier the groups that the fewest doctors may take go first, then heavier care weight first.
 * Each patient goes to the preferred eligible doctor (age specialist first) whose load ratio after taking them is
 * lowest (water-filling towards equal load ratios); ties go to the doctor listed first in the plan.
 * A lower tier never changes what a higher tier received (the allocation of tiers 1..t is the same
 * with or without tiers after t).
 */
import type { DoctorCategory, Plan, PlanResult } from '../types';
import { fmt } from '../quantity';
import type {
  AgeBand,
  AllocationDoctor,
  AllocationGroup,
  AllocationOptions,
  AllocationPriority,
  AllocationReason,
  AllocationResult,
  AllocationShare,
  DoctorAllocation,
  PlacementWhy,
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

/** Doctors as the allocation sees them, from the plan and its computed result (free places are the result's). */
export function allocationDoctors(plan: Plan, result: PlanResult): AllocationDoctor[] {
  return result.doctors.map((r) => {
    const doc = plan.doctors.find((d) => d.id === r.id);
    const out: AllocationDoctor = {
      id: r.id,
      name: r.name,
      category: r.category,
      capacity: r.capacity,
      listed: r.listed ?? (typeof doc?.listed === 'number' ? doc.listed : null),
      careWeight: r.careWeight > 0 ? r.careWeight : 1,
      ageGroup: r.ageGroup,
      base: r.base,
    };
    if (r.freePlacesOpen !== undefined) out.freeOpen = r.freePlacesOpen;
    if (r.agreedListSize !== undefined && r.agreedListSize !== null && r.agreedListSize < r.capacity) out.agreedListSize = r.agreedListSize;
    return out;
  });
}

/**
 * The app's default cap for trainees (issue 16.6: "no more than the unit's share"): the unit's priority patients
 * ÷ its listed, 0–1; null when nobody is listed.
 */
export function unitPriorityShare(result: PlanResult): number | null {
  const u = result.unit;
  return u.listed > 0 ? Math.min(1, u.priorityTotal / u.listed) : null;
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

/** Whether a doctor is the age group's own specialist for a band (geriatrician 65+, paediatrician 0–17). */
function specialistFor(d: AllocationDoctor, band: AgeBand): boolean {
  return d.ageGroup !== 'all' && d.ageGroup === band;
}

interface Work {
  d: AllocationDoctor;
  eligibleAny: boolean;
  capacity: number;
  /** The most slots the list may hold: listed + free places. */
  limit: number;
  used: number; // slots: listed + given
  free0: number;
  given: number;
  slotsGiven: number;
  /** Trainees: the most slots that may go to priority patients; Infinity for others. */
  priorityCap: number;
  prioritySlots: number;
  shares: Map<string, AllocationShare & { whySet: Set<PlacementWhy> }>;
}

function groupKey(g: { priority: string; ageBand: string; careWeight: number | null }): string {
  return `${g.priority}|${g.ageBand}|${g.careWeight ?? ''}`;
}

export function allocate(groupsIn: readonly AllocationGroup[], doctors: readonly AllocationDoctor[], options: AllocationOptions = {}): AllocationResult {
  const share = options.traineePriorityShare;
  const traineeShare = typeof share === 'number' && Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : null;
  const work: Work[] = doctors.map((d) => {
    const listed = d.listed ?? 0;
    const capacity = Math.max(0, d.capacity);
    const free0 = Math.max(0, d.freeOpen ?? capacity - listed);
    return {
      d,
      eligibleAny: isEligible(d, '65+') || isEligible(d, '0-17') || isEligible(d, '18-64'),
      capacity,
      limit: listed + free0,
      used: listed,
      free0,
      given: 0,
      slotsGiven: 0,
      priorityCap: d.category === 'st' && traineeShare !== null ? Math.floor(Math.round(traineeShare * free0 * 1e9) / 1e9) : Infinity,
      prioritySlots: 0,
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
    const key = groupKey(g);
    let k = 0;
    for (; k < count; k++) {
      let best = -1;
      let bestRatio = Infinity;
      let bestSpecialist = false;
      let withRoom = 0;
      // The lowest load a trainee at their cap would have had (for the reason: the cap decided this placement).
      let cappedRatio = Infinity;
      for (let j = 0; j < elig.length; j++) {
        const w = elig[j];
        if (w.used + need[j] > w.limit + EPS) continue;
        if (isPriority && w.prioritySlots + need[j] > w.priorityCap + EPS) {
          cappedRatio = Math.min(cappedRatio, (w.used + need[j]) / w.capacity);
          continue;
        }
        withRoom++;
        const specialist = specialistFor(w.d, g.ageBand);
        const ratio = (w.used + need[j]) / w.capacity;
        // An age-group specialist with room comes before every doctor without an age group.
        if ((specialist && !bestSpecialist) || (specialist === bestSpecialist && ratio < bestRatio - EPS)) {
          bestRatio = ratio;
          best = j;
          bestSpecialist = specialist;
        }
      }
      if (best < 0) break; // nobody has room: the need per patient is the same for the rest of the group
      const w = elig[best];
      w.used += need[best];
      w.given++;
      w.slotsGiven += need[best];
      if (isPriority) w.prioritySlots += need[best];
      let sh = w.shares.get(key);
      if (!sh) {
        sh = { priority: g.priority, ageBand: g.ageBand, careWeight: g.careWeight, count: 0, slots: 0, whySet: new Set() };
        if (g.keys) sh.keys = [];
        w.shares.set(key, sh);
      }
      sh.count++;
      sh.slots += need[best];
      sh.whySet.add(bestSpecialist ? 'ageSpecialist' : withRoom === 1 ? 'onlyRoom' : 'lowestLoad');
      if (!bestSpecialist && cappedRatio < bestRatio - EPS) sh.whySet.add('traineeCapElsewhere');
      if (g.keys && sh.keys) sh.keys.push(g.keys[k]);
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

  const WHY_ORDER: PlacementWhy[] = ['ageSpecialist', 'lowestLoad', 'onlyRoom', 'traineeCapElsewhere'];
  const result: DoctorAllocation[] = work.map((w) => {
    const d = w.d;
    const listed = d.listed ?? 0;
    const shares: AllocationShare[] = [...w.shares.values()]
      .sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.ageBand.localeCompare(b.ageBand))
      .map(({ whySet, ...s }) => ({ ...s, why: WHY_ORDER.filter((x) => whySet.has(x)) }));
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
      if (d.agreedListSize !== undefined && d.agreedListSize !== null) reasons.push({ kind: 'agreement', agreed: d.agreedListSize, capacity: w.capacity });
      if (d.ageGroup !== 'all') reasons.push({ kind: 'ageGroup', ageGroup: d.ageGroup }, { kind: 'ageFirst', ageGroup: d.ageGroup });
      if (Number.isFinite(w.priorityCap) && traineeShare !== null) {
        reasons.push({ kind: 'traineeCap', share: traineeShare, cap: w.priorityCap, used: w.prioritySlots, reached: w.prioritySlots > 0 && w.prioritySlots + 1 > w.priorityCap + EPS });
      }
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
      freeAfter: Math.max(0, w.limit - w.used),
      assigned: w.given,
      slotsUsed: w.slotsGiven,
      loadBefore,
      loadAfter,
      shares,
      reasons,
      traineeCap: Number.isFinite(w.priorityCap) ? w.priorityCap : null,
      prioritySlots: w.prioritySlots,
    };
  });

  const freeSlots = work.reduce((s, w) => (w.eligibleAny ? s + w.free0 : s), 0);
  return { doctors: result, unassigned, totalPatients, totalAssigned, priorityPatients, priorityAssigned, freeSlots, traineePriorityShare: traineeShare };
}

/** Swedish sentence for one reason, every number through fmt.<kind> (as the grid and the unit part show it). */
export function allocationReasonText(r: AllocationReason): string {
  const t = FOLLOWUP_ENGINE.allocation;
  switch (r.kind) {
    case 'noList':
      return t.noList(t.category[r.category] ?? r.category);
    case 'capacity':
      return t.capacity(fmt.patients(r.capacity), fmt.patients(r.listed), fmt.patients(r.free), r.listedUnknown);
    case 'careWeight':
      return t.careWeight(fmt.careWeight(r.careWeight));
    case 'ageGroup':
      return r.ageGroup === '65+' ? t.ageOld : t.ageYoung;
    case 'ageFirst':
      return r.ageGroup === '65+' ? t.ageFirstOld : t.ageFirstYoung;
    case 'agreement':
      return t.agreement(fmt.patients(r.agreed), fmt.patients(r.capacity));
    case 'traineeCap':
      return t.traineeCap(fmt.share(r.share), fmt.patients(r.cap), fmt.patients(r.used), r.reached);
    case 'full':
      return t.full;
    case 'received':
      return t.received(
        r.byPriority.map((p) => `${fmt.count(p.count)} ${t.priorityShort[p.priority]}`).join(', '),
        fmt.count(r.total),
        fmt.patients(r.slots),
      );
    case 'load':
      return t.load(r.before === null ? null : fmt.load(r.before), r.after === null ? '–' : fmt.load(r.after));
    case 'balanced':
      return t.balanced;
  }
}

/** Why one group's patients went to the doctor, in words (each placement says why). */
export function placementWhyText(share: Pick<AllocationShare, 'why' | 'ageBand'>): string {
  const t = FOLLOWUP_ENGINE.allocation.why;
  return (share.why ?? []).map((w) => (w === 'ageSpecialist' ? (share.ageBand === '0-17' ? t.ageSpecialistYoung : t.ageSpecialistOld) : t[w])).join('; ');
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
