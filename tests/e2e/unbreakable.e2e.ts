// Issue 12.3–12.5 in the built app: keys are ids (two doctors named "Anna Berg" in the follow-up),
// every failure reaches the user (a malformed link, an uncaught error), sizes users can live with
// (the diagram view at the doctor limit, a plan over it refused).
import { createDemoPlan, serializePlan, type Plan } from '../../src/lib/engine/index';
import { test, expect, waitForApp, type Page, importAsNewUnit } from './support';

function planWith(doctors: (d: Plan['doctors'][number], i: number) => Plan['doctors'][number], count?: number): string {
  const demo = createDemoPlan();
  const template = demo.doctors[0];
  const list = count === undefined ? demo.doctors.map(doctors) : Array.from({ length: count }, (_, i) => doctors({ ...template, id: `d${i + 1}` }, i));
  return serializePlan({ ...demo, unit: { ...demo.unit, listed: Math.max(demo.unit.listed, 2_000_000) }, doctors: list });
}

/** Läs in planfil; a readable file asks first (issue 11) and is read as a new unit, the default. */
async function openPlanFile(page: Page, text: string, { readable = true } = {}): Promise<void> {
  await page.goto('./#/installningar');
  await waitForApp(page);
  await page.getByLabel('Läs in planfil').setInputFiles({ name: 'plan.kapacitet.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  if (readable) await importAsNewUnit(page, 30_000);
}

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test('follow-up: two doctors named Anna Berg — snapshots, the chart and its table work, also after a reload', async ({ page }) => {
  const errors = pageErrors(page);
  await openPlanFile(page, planWith((d, i) => (i < 2 ? { ...d, name: 'Anna Berg', listed: 1000 + i * 100 } : d)));
  await expect(page.getByText('Planfilen lästes in.')).toBeVisible();
  await page.goto('./#/uppfoljning');
  await waitForApp(page);
  await page.getByLabel('Månad', { exact: true }).fill('2026-10');
  await page.getByTestId('take-snapshot').click();
  await expect(page.getByRole('status').filter({ hasText: 'sparad från planen' })).toBeVisible();
  await page.getByLabel('Månad', { exact: true }).fill('2026-11');
  await page.getByTestId('take-snapshot').click();
  await expect(page.getByTestId('snapshot-list').locator('tbody tr')).toHaveCount(2);
  for (const round of ['before', 'after reload']) {
    if (round === 'after reload') {
      await page.reload();
      await waitForApp(page);
    }
    await expect(page.getByTestId('snapshot-list').locator('tbody tr')).toHaveCount(2);
    const showTables = page.getByRole('button', { name: 'Visa som tabell' });
    await showTables.last().click();
    const table = page.locator('table').filter({ hasText: 'Anna Berg (2)' });
    await expect(table.getByRole('columnheader', { name: 'Anna Berg', exact: true })).toHaveCount(1);
    await expect(table.getByRole('columnheader', { name: 'Anna Berg (2)', exact: true })).toHaveCount(1);
    await expect(table).toContainText('1\u00a0000');
    await expect(table).toContainText('1\u00a0100');
  }
  expect(errors).toEqual([]);
});

test('a malformed ?fokus=% link starts the app on its view', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#/lakare?fokus=%');
  await waitForApp(page);
  await expect(page.locator('main h2').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('an uncaught error or rejection is shown in Swedish with a way to save a backup', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  await page.evaluate(() => setTimeout(() => { throw new Error('provfel'); }, 0));
  const box = page.locator('[data-error-kind="unexpected"]');
  await expect(box).toContainText('Något gick oväntat fel i Kapacitet');
  const [download] = await Promise.all([page.waitForEvent('download'), box.getByRole('button', { name: 'Spara säkerhetskopia' }).click()]);
  // The one complete backup (issue 11.1), as "Spara säkerhetskopia" is everywhere.
  expect(download.suggestedFilename()).toMatch(/\.kapacitet-backup\.json$/);
  await box.getByRole('button', { name: 'Stäng meddelandet' }).click();
  await page.evaluate(() => void Promise.reject(new Error('avvisat löfte')));
  await expect(box).toContainText('Något gick oväntat fel');
});

test('the diagram view at the doctor limit: 2 000 doctors page by page; 2 001 are refused with a message', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  await openPlanFile(page, planWith((d, i) => ({ ...d, name: `Läkare ${i + 1}`, listed: 900 }), 2000));
  await expect(page.getByText('Planfilen lästes in.')).toBeVisible({ timeout: 30_000 });
  await page.goto('./#/diagram');
  await waitForApp(page);
  const pager = page.getByTestId('charts-pager');
  await expect(pager).toContainText('Läkare 1–40 av 2\u00a0000');
  await expect(page.locator('canvas').nth(1)).toBeVisible();
  const height = await page.locator('canvas').nth(1).evaluate((c) => (c as HTMLCanvasElement).height);
  expect(height).toBeLessThan(4000);
  await pager.getByRole('button', { name: 'Nästa läkare' }).click();
  await expect(pager).toContainText('Läkare 41–80 av 2\u00a0000');
  await page.getByRole('button', { name: 'Visa som tabell' }).nth(1).click();
  await expect(page.locator('table').filter({ hasText: 'Läkare 41' }).first()).toContainText('Läkare 80');

  await openPlanFile(page, planWith((d, i) => ({ ...d, name: `Läkare ${i + 1}` }), 2001), { readable: false });
  await expect(page.getByRole('alert').getByText(/Planen har 2\s001 läkare; högst 2\s000 läkare per plan/).first()).toBeVisible();
  expect(errors).toEqual([]);
});
