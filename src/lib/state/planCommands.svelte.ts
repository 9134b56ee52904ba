/**
 * The edit commands of the plan in view (README.md, "Edit commands"): each is ONE undo step and ONE
 * Dexie transaction, through PlanSession.edit. Inputs may be Svelte `$state` proxies: they are
 * snapshotted before anything else sees them (a proxy cannot be structured-cloned or stored).
 */
import {
  createDoctor,
  parsePlan,
  type CapacityModel,
  type Doctor,
  type DoctorCategory,
  type Duty,
  type Plan,
  type RuleProfile,
  type TimeAssumptions,
} from '../engine/index';
import { DATA_SV } from '../strings/data.sv';
import { pathMessage, type AppCore } from './core.svelte';
import type { PlanSession } from './session.svelte';
import {
  EditRefused,
  withDoctorAdded,
  withDoctorMoved,
  withDoctorPatches,
  withDoctorRemoved,
  withDuties,
  withModel,
  withProfile,
  withTime,
  withUnit,
  type UnitPatch,
} from './planEdits';

export type ReplaceReason = 'import' | 'restore' | 'file';
export type DoctorPatches = { doctorId: string; patch: Partial<Doctor> }[];

const missingDoctor = (): Error => new EditRefused(DATA_SV.errors.doctorGone);

export class PlanCommands {
  readonly #core: AppCore;
  readonly #session: PlanSession;

  constructor(core: AppCore, session: PlanSession) {
    this.#core = core;
    this.#session = session;
  }

  updateUnit(patch: UnitPatch): Promise<boolean> {
    const clean = $state.snapshot(patch) as UnitPatch;
    return this.#session.edit(DATA_SV.undo.unit, (p) => withUnit(p, clean));
  }

  updateDoctor(doctorId: string, patch: Partial<Doctor>): Promise<boolean> {
    const clean = $state.snapshot(patch) as Partial<Doctor>;
    return this.#session.edit(DATA_SV.undo.doctor, (p) => withDoctorPatches(p, [{ doctorId, patch: clean }], missingDoctor));
  }

  /**
   * A pasted block: many doctors, one undo step, one transaction. `additions` are rows pasted below the
   * last doctor: each becomes a new doctor at the end (createDoctor with the row's category, then the
   * row's values; an `id` in a row is ignored), in the same step as the patches.
   */
  updateDoctors(patches: DoctorPatches, additions: Partial<Doctor>[] = []): Promise<boolean> {
    const label =
      additions.length > 0 ? DATA_SV.undo.pasteRows(additions.length) : patches.length === 1 ? DATA_SV.undo.doctor : DATA_SV.undo.doctors;
    const clean = $state.snapshot(patches) as DoctorPatches;
    const added = $state.snapshot(additions) as Partial<Doctor>[];
    return this.#session.edit(label, (p) => {
      let next = withDoctorPatches(p, clean, missingDoctor);
      for (const row of added) {
        const doctor = createDoctor(
          row.category ?? 'specialist',
          next.doctors.map((d) => d.id),
        );
        next = withDoctorAdded(next, doctor);
        next = withDoctorPatches(next, [{ doctorId: doctor.id, patch: row }], missingDoctor);
      }
      return next;
    });
  }

  async addDoctor(category: DoctorCategory, atIndex?: number): Promise<string | null> {
    let id: string | null = null;
    const ok = await this.#session.edit(DATA_SV.undo.addDoctor, (p) => {
      const doctor = createDoctor(
        category,
        p.doctors.map((d) => d.id),
      );
      id = doctor.id;
      return withDoctorAdded(p, doctor, atIndex);
    });
    return ok ? id : null;
  }

  removeDoctor(doctorId: string): Promise<boolean> {
    return this.#session.edit(DATA_SV.undo.removeDoctor, (p) => withDoctorRemoved(p, doctorId, missingDoctor));
  }

  moveDoctor(doctorId: string, toIndex: number): Promise<boolean> {
    return this.#session.edit(DATA_SV.undo.moveDoctor, (p) => withDoctorMoved(p, doctorId, toIndex, missingDoctor));
  }

  setDuties(doctorId: string, duties: Duty[]): Promise<boolean> {
    const clean = $state.snapshot(duties) as Duty[];
    return this.#session.edit(DATA_SV.undo.duties, (p) => withDuties(p, doctorId, clean, missingDoctor));
  }

  setProfile(ref: string | RuleProfile): Promise<boolean> {
    const clean = $state.snapshot(ref) as string | RuleProfile;
    return this.#session.edit(DATA_SV.undo.profile, (p) => withProfile(p, clean));
  }

  setModel(model: CapacityModel): Promise<boolean> {
    return this.#session.edit(DATA_SV.undo.model, (p) => withModel(p, model));
  }

  setTime(patch: Partial<TimeAssumptions>): Promise<boolean> {
    const clean = $state.snapshot(patch) as Partial<TimeAssumptions>;
    return this.#session.edit(DATA_SV.undo.time, (p) => withTime(p, clean));
  }

  /** Import/restore into the plan in view: a backup first, then one undoable step. */
  replacePlan(plan: Plan, reason: ReplaceReason): Promise<boolean> {
    // Stored plans are always in parsePlan's normal form (defaults filled), so a plan file written
    // from the store reads back identical.
    const parsed = parsePlan($state.snapshot(plan));
    if (!parsed.ok) {
      return Promise.resolve(this.#core.fail('validation', DATA_SV.errors.invalidEdit, parsed.errors.map(pathMessage)));
    }
    return this.#session.edit(DATA_SV.undo[reason], () => parsed.plan, reason);
  }
}
