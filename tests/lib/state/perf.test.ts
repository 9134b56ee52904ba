import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoPlan, type Plan } from '../../../src/lib/engine/index';
import { disposeApps, startApp } from './helpers';

afterEach(disposeApps);

/** The demo unit grown to 60 doctors (the budget's size). */
function sixtyDoctors(): Plan {
  const demo = createDemoPlan();
  const doctors = Array.from({ length: 60 }, (_x, i) => ({ ...structuredClone(demo.doctors[i % demo.doctors.length]), id: `p${i + 1}`, name: `Läkare ${i + 1}` }));
  return { ...demo, unit: { ...demo.unit, listed: 60000, withNamedDoctor: 30000 }, doctors };
}

describe('edit → recomputed numbers', () => {
  it('the synchronous path (validate, diff, compute) stays far under the 50 ms budget with 60 doctors', async () => {
    const app = await startApp();
    await app.replacePlan(sixtyDoctors(), 'import');
    const ids = app.plan!.doctors.map((d) => d.id);
    const times: number[] = [];
    // CPU time as well as wall time: on a shared 2-core machine wall time includes time this process
    // was not even running (other test runs, builds); CPU time is what the edit itself costs.
    const cpu: number[] = [];
    for (let i = 0; i < 200; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const write = app.updateDoctor(ids[i % 60], { employment: i % 2 ? 0.8 : 0.9 });
      const capacity = app.result!.unit.capacity; // forces the derived result
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      expect(capacity).toBeGreaterThan(0);
      // A person edits one cell at a time; the write completes in the background before the next.
      expect(await write).toBe(true);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)];
    const cpuP95 = cpu[Math.floor(cpu.length * 0.95)];
    console.log(
      `edit → result, 60 doctors: wall median ${times[100].toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; ` +
        `CPU median ${cpu[100].toFixed(2)} ms, p95 ${cpuP95.toFixed(2)} ms`,
    );
    expect(times[100]).toBeLessThan(5);
    expect(cpuP95).toBeLessThan(50);
    // The last write of that doctor landed.
    expect((await app.getPlanSnapshot(app.planId!)).doctors[199 % 60].employment).toBe(0.8);
  });
});
