/**
 * A per-patient listing's ages into the plan (domain.md §9, issue 16.1): each matched doctor's list gets its
 * patients per age band of the age reference (`listAges`), the unit all the listing's rows. Aggregates only:
 * no patient, key or birth date is kept. Pure (the io listing import calls it before the plan is applied).
 */
import { bandCountsOfYears } from '../engine/ageReference';
import type { Doctor, IsoDate, ListAges, Plan } from '../engine/index';
import type { ImportListingResult } from '../io/index';

type Listing = Extract<ImportListingResult, { ok: true }>;
type ListingDoctor = Listing['doctors'][number];

function agesOf(ld: ListingDoctor, asOf: IsoDate): ListAges | null {
  if (!ld.ageYears) return null;
  const counts = bandCountsOfYears(ld.ageYears);
  if (counts.every((n) => n === 0)) return null;
  const out: ListAges = { counts, unknown: ld.ageBands?.unknown ?? 0, asOf };
  if (ld.sex && ld.sex.female + ld.sex.male > 0) {
    out.female = ld.sex.female;
    out.male = ld.sex.male;
  }
  return out;
}

function sum(a: ListAges, b: ListAges): ListAges {
  const out: ListAges = { counts: a.counts.map((n, i) => n + b.counts[i]), unknown: (a.unknown ?? 0) + (b.unknown ?? 0), asOf: a.asOf ?? b.asOf };
  if (a.female !== undefined || b.female !== undefined) out.female = (a.female ?? 0) + (b.female ?? 0);
  if (a.male !== undefined || b.male !== undefined) out.male = (a.male ?? 0) + (b.male ?? 0);
  return out;
}

/**
 * The plan with the listing's ages: per doctor matched by id (a fictive locum list by its locum), a new doctor
 * by name, and the unit over every row of the listing (also fictive lists and the unit's own list). A listing
 * without ages (one row per doctor, or no age column) leaves the plan as it is.
 */
export function withListingAges(plan: Plan, listing: Listing, asOf: IsoDate): Plan {
  let unit: ListAges | null = null;
  const byDoctor = new Map<string, ListAges>();
  for (const ld of listing.doctors) {
    const ages = agesOf(ld, asOf);
    if (!ages) continue;
    unit = unit ? sum(unit, ages) : ages;
    const id =
      ld.match.kind === 'doctor' ? ld.match.doctorId
      : ld.match.kind === 'fictive' ? ld.match.doctorId
      : plan.doctors.find((d) => d.name === ld.name.trim() && !byDoctor.has(d.id))?.id;
    if (id) byDoctor.set(id, byDoctor.has(id) ? sum(byDoctor.get(id)!, ages) : ages);
  }
  if (!unit) return plan;
  const doctors = plan.doctors.map((d): Doctor => (byDoctor.has(d.id) ? { ...d, listAges: byDoctor.get(d.id) } : d));
  return { ...plan, unit: { ...plan.unit, listAges: unit }, doctors };
}
