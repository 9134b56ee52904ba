import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readPlan } from '../../../src/lib/db/index';
import { PlanCommands } from '../../../src/lib/state/planCommands.svelte';
import { PlanSession } from '../../../src/lib/state/session.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';
import { coreWithPlan, demoPlan, dropParts } from './parts';
import { proxied } from './proxy.svelte';

const sessions: PlanSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.dispose();
  await dropParts();
});

async function commands() {
  const parts = await coreWithPlan();
  const session = new PlanSession(parts.core);
  sessions.push(session);
  session.show(parts.planId, (await readPlan(parts.db, parts.planId))!);
  return { ...parts, session, cmd: new PlanCommands(parts.core, session) };
}

describe('PlanCommands', () => {
  it('each command is one undo step with its own label', async () => {
    const { cmd, session } = await commands();
    const [a, b] = session.plan!.doctors;
    const steps: [() => Promise<unknown>, string][] = [
      [() => cmd.updateUnit({ listed: 10_500 }), DATA_SV.undo.unit],
      [() => cmd.updateDoctor(a.id, { employment: 0.9 }), DATA_SV.undo.doctor],
      [() => cmd.updateDoctors([{ doctorId: a.id, patch: { absenceWeeks: 2 } }, { doctorId: b.id, patch: { absenceWeeks: 3 } }]), DATA_SV.undo.doctors],
      [() => cmd.updateDoctors([], [{ name: 'Ny läkare', category: 'st' }]), DATA_SV.undo.pasteRows(1)],
      [() => cmd.addDoctor('locum', 0), DATA_SV.undo.addDoctor],
      [() => cmd.moveDoctor(b.id, 0), DATA_SV.undo.moveDoctor],
      [() => cmd.setDuties(a.id, [{ kind: 'research', hoursPerWeek: 4 }]), DATA_SV.undo.duties],
      [() => cmd.setProfile('vgr'), DATA_SV.undo.profile],
      [() => cmd.setModel('time'), DATA_SV.undo.model],
      [() => cmd.setTime({ weeksPerYear: 40 }), DATA_SV.undo.time],
      [() => cmd.removeDoctor(b.id), DATA_SV.undo.removeDoctor],
    ];
    for (const [run, label] of steps) {
      expect(await run()).toBeTruthy();
      expect(session.undoLabel).toBe(DATA_SV.undo.undoOf(label));
    }
  });

  it('a pasted row below the last doctor gets a new id, never the pasted one', async () => {
    const { cmd, session } = await commands();
    const taken = session.plan!.doctors.map((d) => d.id);
    expect(await cmd.updateDoctors([], [{ id: taken[0], name: 'Klistrad', category: 'specialist', employment: 0.5 }])).toBe(true);
    const added = session.plan!.doctors.at(-1)!;
    expect(added).toMatchObject({ name: 'Klistrad', employment: 0.5 });
    expect(taken).not.toContain(added.id);
  });

  it('addDoctor answers the new id, or null when refused; a missing doctor is refused in Swedish', async () => {
    const { cmd, core, session } = await commands();
    const id = await cmd.addDoctor('st');
    expect(session.plan!.doctors.some((d) => d.id === id)).toBe(true);
    expect(await cmd.updateDoctor('d-none', { employment: 1 })).toBe(false);
    expect(core.lastError?.message).toBe(DATA_SV.errors.doctorGone);
    session.show(null);
    expect(await cmd.addDoctor('st')).toBeNull();
  });

  it('takes Svelte $state proxies as input (they cannot be stored as they are)', async () => {
    const { cmd, db, planId } = await commands();
    expect(await cmd.updateUnit(proxied({ priority: { palliative: 30 } }))).toBe(true);
    expect(await cmd.setTime(proxied({ weeksPerYear: 41, plannedMinutes: undefined }))).toBe(true);
    const stored = (await readPlan(db, planId))!;
    expect(stored.unit.priority.palliative).toBe(30);
    expect(stored.time?.weeksPerYear).toBe(41);
  });

  it('replacePlan stores the normal form with a backup first, and refuses an invalid plan', async () => {
    const { cmd, core, db, planId, session } = await commands();
    const next = { ...demoPlan(), unit: { ...demoPlan().unit, listed: 12_000 } };
    expect(await cmd.replacePlan(next, 'import')).toBe(true);
    expect(session.undoLabel).toBe(DATA_SV.undo.undoOf(DATA_SV.undo.import));
    expect((await db.backups.where('planId').equals(planId).toArray()).map((b) => b.reason)).toEqual(['import']);
    expect(await cmd.replacePlan({ ...next, doctors: [{ ...next.doctors[0], employment: 5 }] }, 'file')).toBe(false);
    expect(core.lastError?.details.join(' ')).toMatch(/Läkare 1 \([^)]+\): Tjänstgöringsgrad – /);
    expect((await readPlan(db, planId))!.unit.listed).toBe(12_000);
  });
});
