/**
 * Where a journalled text (typedTextWriter.ts) is written: the unit name through renameUnit; a doctor's
 * name, duties or agreement note left by a closed tab straight into that plan's stored rows (at app start no plan is in
 * view yet), field-level like every edit, checked with parsePlan, after the throttled automatic backup.
 */
import { parsePlan, type Doctor } from '../engine/index';
import { diffPlans, maybeAutoBackup, opsAreEmpty, readPlan, writeOps } from '../db/index';
import type { AppCore } from './core.svelte';
import type { TypedApply } from './typedTextWriter';

export function typedTextApply(core: AppCore, renameUnit: (id: string, name: string) => Promise<boolean>): TypedApply {
  return async (target, value) => {
    if (target.kind === 'unitName') return typeof value === 'string' && renameUnit(target.unitId, value);
    if (core.readOnly) return false;
    const patch: Partial<Doctor> =
      target.kind === 'doctorName'
        ? typeof value === 'string' && value.trim()
          ? { name: value.trim() }
          : {}
        : target.kind === 'agreementNote'
          ? typeof value === 'string'
            ? { agreementNote: value === '' ? undefined : value }
            : {}
          : Array.isArray(value)
            ? { duties: value }
            : {};
    if (Object.keys(patch).length === 0) return false;
    const { db } = core;
    try {
      return await core.enqueue(() =>
        db.transaction('rw', [db.units, db.plans, db.doctors, db.backups], async () => {
          const before = await readPlan(db, target.planId);
          if (!before || !before.doctors.some((d) => d.id === target.doctorId)) return false;
          const after = { ...before, doctors: before.doctors.map((d) => (d.id === target.doctorId ? { ...d, ...patch } : d)) };
          const ops = diffPlans(before, after);
          if (opsAreEmpty(ops)) return true;
          if (!parsePlan(after).ok) return false;
          const now = core.now();
          await maybeAutoBackup(db, target.planId, now, core.autoBackupIntervalMs, core.backupsPerPlan);
          await writeOps(db, target.planId, ops, now);
          return true;
        }),
      );
    } catch (e) {
      return core.failWrite(e);
    }
  };
}
