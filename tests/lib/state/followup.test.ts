import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppState } from '../../../src/lib/state/app.svelte';
import { FollowUpState } from '../../../src/lib/state/followup.svelte';
import { slotsPerPatient } from '../../../src/lib/engine/followup';

const TODAY = '2026-11-23';
let n = 0;
const started: { app: AppState; fu: FollowUpState }[] = [];

async function setup() {
  const app = new AppState({ dbName: `fu-${++n}-${Date.now()}`, today: TODAY, storage: null });
  await app.start();
  const fu = new FollowUpState(app, () => Date.UTC(2026, 10, 23, 9));
  started.push({ app, fu });
  return { app, fu };
}

afterEach(async () => {
  for (const { app, fu } of started.splice(0)) {
    fu.dispose();
    app.db.close();
    await app.db.delete();
  }
});

describe('FollowUpState', () => {
  it('takes a snapshot from the plan; the trend equals the plan figures', async () => {
    const { app, fu } = await setup();
    expect(fu.snapshots).toEqual([]);
    expect(await fu.takeFromPlan('2026-11')).toBe(true);
    await vi.waitFor(() => expect(fu.snapshots.length).toBe(1));
    const u = app.plan!.unit;
    expect(fu.trend.points[0]).toMatchObject({ month: '2026-11', listed: u.listed, withNamedDoctor: u.withNamedDoctor });
    expect(fu.trend.points[0].coverage).toBeCloseTo(u.withNamedDoctor / u.listed, 12);
    expect(fu.trend.threshold).toBe(app.result!.profile.coverageThreshold);
    // The same month again replaces it.
    await app.updateUnit({ withNamedDoctor: u.withNamedDoctor + 10 });
    expect(await fu.takeFromPlan('2026-11')).toBe(true);
    await vi.waitFor(() => expect(fu.snapshots[0].withNamedDoctor).toBe(u.withNamedDoctor + 10));
    expect(fu.snapshots.length).toBe(1);
  });

  it('takes a snapshot from a listing report; fictive and unit lists are not a named doctor', async () => {
    const { app, fu } = await setup();
    const docs = app.plan!.doctors.filter((d) => d.category === 'specialist').slice(0, 2);
    const unit = app.plan!.unit.name;
    const csv = 'Läkare;Listade\n' + docs.map((d) => `${d.name};400`).join('\n') + `\n${unit} Dr Hyr;120\n${unit};80\n`;
    expect(await fu.importListingSnapshot(new File([csv], 'lista.csv'), '2026-10')).toBe(true);
    await vi.waitFor(() => expect(fu.snapshots.length).toBe(1));
    const s = fu.snapshots[0];
    expect(s).toMatchObject({ month: '2026-10', listed: 1000, withNamedDoctor: 800, source: 'import' });
    expect(s.doctors.map((d) => d.doctorId)).toEqual(docs.map((d) => d.id));
    expect(fu.status).toMatch(/inte som fast läkarkontakt/);
  });

  it('refuses an invalid manual snapshot with Swedish details', async () => {
    const { fu } = await setup();
    expect(await fu.saveManual({ month: '2026-10', listed: 100, withNamedDoctor: 200, doctors: [], source: 'manual' })).toBe(false);
    expect(fu.error).toBeTruthy();
    expect(fu.errorDetails.join(' ')).toMatch(/fler än listade/);
  });

  it('reads a contact log (personnummer keys pseudonymised, nothing stored) and computes continuity', async () => {
    const { app, fu } = await setup();
    const csv = 'Personnummer;Datum;Läkare;Kontakttyp\n19121212-1212;2026-01-01;d1;besök\n19121212-1212;2026-02-01;d1;telefon\n19121212-1212;2026-03-01;d2;video\n';
    expect(await fu.loadContacts(new File([csv], 'k.csv'))).toBe(true);
    expect(fu.pseudonymised).toBe(1);
    expect(fu.log!.patientKeys[0]).toMatch(/^P-/);
    expect(JSON.stringify(fu.log!.patientKeys)).not.toContain('121212');
    expect(fu.fromIso).toBe('2025-03-02');
    expect(fu.toIso).toBe('2026-03-01');
    const r = fu.continuity!;
    expect(r.patientsIncluded).toBe(1);
    expect(r.meanUpc).toBeCloseTo(2 / 3, 12);
    expect(r.meanCoc).toBeCloseTo((4 + 1 - 3) / 6, 12);
    expect(r.namedAvailable).toBe(false);
    fu.minContacts = 4;
    expect(fu.continuity!.patientsIncluded).toBe(0);
    // Nothing of the log reached the database.
    const dump = JSON.stringify(await Promise.all(app.db.tables.map((t) => t.toArray())));
    expect(dump).not.toContain('121212');
    // A mapping file adds the named doctor.
    expect(await fu.loadNamedMapping(new File(['Patient;Fast läkarkontakt\n19121212-1212;d2\n'], 'flk.csv'))).toBe(true);
    expect(fu.continuity!.namedAvailable).toBe(true);
    fu.minContacts = 3;
    expect(fu.continuity!.meanNamedShare).toBeCloseTo(1 / 3, 12);
    // Baseline for the national goal (+20 %): stored as aggregates in settings, compared later.
    expect(await fu.saveBaseline()).toBe(true);
    expect(await app.getSetting(`followup.continuityBaseline:${app.unitId}`, null)).toMatchObject({ meanCoc: (4 + 1 - 3) / 6, from: '2025-03-02' });
    expect(fu.goal!.coc).toMatchObject({ baseline: 1 / 3, current: 1 / 3, reached: false });
    expect(fu.goal!.coc!.target).toBeCloseTo(0.4, 12);
  });

  it('national goal lines: a log with a nurse measures doctor contacts and all contacts apart (issue 16.5)', async () => {
    const { fu } = await setup();
    // Patient X: Anna Lindqvist (d1 by name) twice, a nurse once, Erik Johansson (by id) once.
    const csv =
      'Patient;Datum;Vårdgivare;Kontakttyp\nX;2026-01-01;Dr Anna Lindqvist;besök\nX;2026-02-01;Dr Anna Lindqvist;besök\nX;2026-02-10;Ssk Nilsson;besök\nX;2026-03-01;d2;besök\n';
    expect(await fu.loadContacts(new File([csv], 'k.csv'))).toBe(true);
    expect(fu.caregivers).toMatchObject({ split: 'mixed', others: 1 });
    // All contacts: nⱼ 2,1,1 → (4+1+1−4)/(4·3) = 1/6; doctors only: 2,1 → (4+1−3)/(3·2) = 1/3.
    expect(fu.continuity!.meanCoc).toBeCloseTo(1 / 6, 12);
    expect(fu.doctorsOnlyContinuity!.meanCoc).toBeCloseTo(1 / 3, 12);
    expect(await fu.saveBaseline()).toBe(true);
    expect(fu.baseline).toMatchObject({ split: 'mixed', meanCoc: 1 / 6, doctorMeanCoc: 1 / 3 });
    const [doc, all, nh, nhc] = fu.goalLines;
    expect(doc.progress).toMatchObject({ baseline: 1 / 3, current: 1 / 3, reached: false });
    expect(all.progress).toMatchObject({ baseline: 1 / 6, current: 1 / 6 });
    expect(nh.id).toBe('nursingHomeCoverage');
    expect(nhc.gap).toBe('noNursingHomeData');
  });

  it('SÄBO residents’ doctor continuity from a SÄBO column, the doctors’ contacts only, kept in the baseline', async () => {
    const { fu } = await setup();
    // Y lives at a SÄBO: Anna twice, a nurse once, Erik once → doctors only 2,1 → 1/3. Z does not.
    const csv =
      'Patient;Datum;Vårdgivare;Kontakttyp;SÄBO\nY;2026-01-01;Anna Lindqvist;besök;ja\nY;2026-02-01;Anna Lindqvist;besök;ja\nY;2026-02-10;Ssk Nilsson;besök;ja\nY;2026-03-01;Erik Johansson;besök;ja\n' +
      'Z;2026-01-01;Anna Lindqvist;besök;nej\nZ;2026-02-01;Anna Lindqvist;besök;nej\nZ;2026-03-01;Anna Lindqvist;besök;nej\n';
    expect(await fu.loadContacts(new File([csv], 'k.csv'))).toBe(true);
    expect(fu.nursingHomeContinuity!.patientsIncluded).toBe(1);
    expect(fu.nursingHomeContinuity!.meanCoc).toBeCloseTo(1 / 3, 12);
    expect(fu.goalLines[3].gap).toBe('noBaseline');
    expect(await fu.saveBaseline()).toBe(true);
    expect(fu.baseline!.nursingHomeMeanCoc).toBeCloseTo(1 / 3, 12);
    expect(fu.goalLines[3].rise).toMatchObject({ change: 0 });
  });

  it('estimates groups from the plan and proposes an allocation within capacity', async () => {
    const { app, fu } = await setup();
    fu.groupsFromPlan();
    expect(fu.groups.length).toBeGreaterThan(0);
    const p = fu.proposal!;
    expect(p).not.toBeNull();
    for (const d of p.doctors) {
      const r = app.result!.doctors.find((x) => x.id === d.doctorId)!;
      const listed = r.listed ?? 0;
      const used = d.shares.reduce((s, sh) => s + sh.count * slotsPerPatient(sh.careWeight, { ...r, listed, careWeight: r.careWeight } as never), 0);
      expect(used).toBeLessThanOrEqual(Math.max(0, r.capacity - listed) + 1e-6);
    }
    expect(p.totalAssigned + p.unassigned.reduce((s, u) => s + u.count, 0)).toBe(p.totalPatients);
  });
});
