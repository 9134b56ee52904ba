// The printed report carries every doctor's chain (issue 10.3/10.5): the inputs (absence and ST months
// included) and the explanation's formula and steps in both models, so a doctor can check their own figure
// on paper; and the report leads with the lists on paper in one sentence (issue 10.6). Read back from the PDF
// with pdftotext and compared with the engine's own explanation text for the demo.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test, expect, waitForApp } from './support';
import { computePlan, createDemoPlan, explain, fmt } from '../../src/lib/engine/index';

const hasPoppler = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every((p) => existsSync(p));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test('the A4 PDF leads with the lists on paper and prints each doctor’s chain, absence and ST months included', async ({ page }, testInfo) => {
  test.skip(!hasPoppler, 'poppler-utils (pdftotext) is not installed');
  await page.goto('./#/rapport');
  await waitForApp(page);
  await expect(page.locator('[data-section="chains"]')).toBeVisible();
  const today = await page.locator('.report-meta time').getAttribute('datetime');
  const plan = createDemoPlan();
  const result = computePlan(plan, { today: today! });

  const pdfPath = testInfo.outputPath('rapport.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  const pdf = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));

  // The lead: the point in words, before the summary.
  const lead = squash(`${fmt.patients(result.unit.paperListPatients)} patienter har en fast läkarkontakt som läkarnas kapacitet inte räcker till.`);
  expect(result.unit.paperListPatients).toBeGreaterThan(0);
  expect(pdf).toContain(lead);
  expect(pdf.indexOf(lead)).toBeLessThan(pdf.indexOf('Sammanfattning för enheten'));

  const chains = pdf.slice(pdf.indexOf('Så räknas varje läkares kapacitet'));
  expect(chains.length).toBeLessThan(pdf.length);
  for (const d of result.doctors) {
    const at = chains.indexOf(`${d.name} (`);
    expect(at, d.name).toBeGreaterThanOrEqual(0);
    const next = result.doctors[result.doctors.indexOf(d) + 1];
    const block = chains.slice(at, next ? chains.indexOf(`${next.name} (`) : undefined);
    expect(block).toContain(squash(`Frånvaro ${fmt.weeks(d.used!.absenceWeeks)} veckor`));
    expect(block).toContain(squash(`Tjänstgöringsgrad ${fmt.percent(d.used!.employment)}`));
    if (d.category === 'st') expect(block).toContain(squash(`ST-månader ${fmt.months(d.used!.stMonthsDone!)} av ${fmt.months(d.used!.stMonthsTotal)} gjorda`));
    if (d.base <= 0) continue;
    for (const field of ['capacityGuideline', 'capacityTime']) {
      const x = explain(plan, result, `doctors.${d.id}.${field}`)!;
      expect(block, `${d.name} ${field}`).toContain(squash(x.formula));
      for (const s of x.steps ?? []) expect(block, `${d.name} ${field} step`).toContain(squash(`${s.label}: ${s.formula}`));
      for (const p of x.dutyPatients ?? []) expect(block).toContain(squash(p.label));
    }
  }
  // The ST doctor on leave: the ST base and the absence factor are both on paper.
  const ahmed = result.doctors.find((d) => d.name === 'Ahmed Karimi')!;
  expect(ahmed.used!.absenceWeeks).toBe(10);
  expect(chains).toContain(squash('550 × (0,5 + 50 / 60)'));
  expect(chains).toContain(squash('(1 − 10 / 42)'));
});
