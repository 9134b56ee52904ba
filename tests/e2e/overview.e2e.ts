// Översikt (issue 15): three unit files opened at once are shown without being imported; the table
// sorts; a unit of this browser opens; a file is imported as a new unit on request; and the units
// that were there before are byte for byte what they were (a dump of their database rows).
import { createDemoPlan, serializePlan } from '../../src/lib/engine/index';
import { exportWorkbook } from '../../src/lib/io/index';
import { expect, scanAxe, test, waitForApp, type Page } from './support';

/** Every row of the units, plans and doctors tables, as JSON (the dump compared before and after). */
async function dump(page: Page): Promise<{ units: unknown[]; plans: unknown[]; doctors: unknown[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('kapacitet');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['units', 'plans', 'doctors'], 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of ['units', 'plans', 'doctors']) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => (out[name] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out as { units: unknown[]; plans: unknown[]; doctors: unknown[] });
          };
        };
      }),
  );
}

function unitFiles() {
  const norr = createDemoPlan();
  norr.unit.name = 'Vårdcentralen Norr';
  norr.unit.listed = 14_000;
  norr.unit.withNamedDoctor = 10_100;
  norr.profile = 'vgr';
  const soder = createDemoPlan();
  soder.unit.name = 'Vårdcentralen Söder';
  soder.unit.listed = 3_200;
  soder.unit.withNamedDoctor = 1_100;
  soder.doctors = soder.doctors.slice(0, 4);
  const oster = createDemoPlan();
  oster.unit.name = 'Hälsocentralen Öster';
  oster.unit.listed = 6_100;
  oster.unit.withNamedDoctor = 4_000;
  return [
    { name: 'norr.kapacitet.json', mimeType: 'application/json', buffer: Buffer.from(serializePlan(norr)) },
    { name: 'soder.kapacitet.json', mimeType: 'application/json', buffer: Buffer.from(serializePlan(soder)) },
    { name: 'oster.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(exportWorkbook(oster)) },
  ];
}

/** Unit names in table order (the name cell's visible text). */
async function names(page: Page): Promise<string[]> {
  return page.locator('[data-testid="overview-table"] tbody tr[data-row-key]').evaluateAll((trs) =>
    trs.map((tr) => {
      const el = tr.querySelector('.link, .file-name')!.cloneNode(true) as HTMLElement;
      el.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
      return (el.textContent ?? '').trim();
    }),
  );
}

test('three files at once, sorted, one unit opened, another imported; existing units unchanged', async ({ page, externalRequests }) => {
  await page.goto('./#/oversikt');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Översikt' })).toBeVisible();
  await expect(page.locator('[data-testid="overview-table"] tbody tr[data-row-key]')).toHaveCount(1);
  const before = await dump(page);
  expect(before.units).toHaveLength(1);

  // Three unit files chosen at once: shown, nothing imported.
  await page.getByTestId('overview-files').setInputFiles(unitFiles());
  await expect(page.getByTestId('overview-status')).toContainText('3 filer visas i översikten. Inget är importerat.');
  await expect(page.locator('[data-testid="overview-table"] tbody tr[data-row-key]')).toHaveCount(4);
  expect(await names(page)).toEqual(['Hälsocentralen Öster', 'Vårdcentralen Exempel', 'Vårdcentralen Norr', 'Vårdcentralen Söder']);
  expect((await dump(page)).units).toHaveLength(1);
  await scanAxe(page);

  // Sort by listed (largest first), then the other way.
  const sortListed = page.getByRole('button', { name: 'Sortera efter Listade' });
  await sortListed.click();
  await expect(page.locator('th', { has: sortListed })).toHaveAttribute('aria-sort', 'descending');
  expect(await names(page)).toEqual(['Vårdcentralen Norr', 'Vårdcentralen Exempel', 'Hälsocentralen Öster', 'Vårdcentralen Söder']);
  await sortListed.press('Enter');
  await expect(page.locator('th', { has: sortListed })).toHaveAttribute('aria-sort', 'ascending');
  expect((await names(page))[0]).toBe('Vårdcentralen Söder');

  // The totals explain themselves as the sum of the units.
  await page.getByTestId('overview-totals').getByRole('button', { name: /, Listade, Summa$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('explain-formula')).toContainText('Vårdcentralen Söder 3 200 + Hälsocentralen Öster 6 100 + Vårdcentralen Exempel 9 800 + Vårdcentralen Norr 14 000 = 33 100');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Open the unit of this browser: its own view, the same figures.
  const row = page.locator('tr[data-row-key^="unit:"]');
  const gapInOverview = (await row.locator('td[data-col="gapPatients"] button').innerText()).split('\n')[0].trim();
  await row.getByRole('button', { name: /Vårdcentralen Exempel, öppna enheten/ }).click();
  await expect(page).toHaveURL(/#\/enhet$/);
  await expect(page.getByRole('heading', { level: 2, name: /Vårdcentralen Exempel/ })).toBeVisible();
  await expect(page.getByTestId('unit-summary').getByRole('button', { name: /Glapp/ })).toContainText(gapInOverview);

  // Back in the overview the files are still there; import one as a new unit (asked first).
  await page.getByRole('link', { name: 'Översikt' }).click();
  await expect(page.locator('[data-testid="overview-table"] tbody tr[data-row-key]')).toHaveCount(4);
  page.once('dialog', (d) => {
    expect(d.message()).toContain('Vårdcentralen Norr');
    void d.accept();
  });
  await page.getByRole('button', { name: 'Importera Vårdcentralen Norr som ny enhet' }).click();
  await expect(page.getByTestId('overview-status')).toContainText('Vårdcentralen Norr är importerad som ny enhet');
  await expect(page.locator('tr[data-row-key^="unit:"]')).toHaveCount(2);
  await expect(page.locator('tr.file')).toHaveCount(2);
  await expect(page.getByLabel('Enhet', { exact: true })).toContainText('Vårdcentralen Norr');

  // The units that were there before: every row identical.
  const after = await dump(page);
  expect(after.units).toHaveLength(2);
  const keep = (list: unknown[], ids: Set<string>, key: (r: Record<string, unknown>) => string) =>
    (list as Record<string, unknown>[]).filter((r) => ids.has(key(r)));
  const unitIds = new Set((before.units as { id: string }[]).map((u) => u.id));
  const planIds = new Set((before.plans as { id: string }[]).map((p) => p.id));
  expect(keep(after.units, unitIds, (r) => String(r.id))).toEqual(before.units);
  expect(keep(after.plans, planIds, (r) => String(r.id))).toEqual(before.plans);
  expect(keep(after.doctors, planIds, (r) => String(r.planId))).toEqual(before.doctors);
  // The imported unit is the file's plan, with its doctors.
  const newPlan = (after.plans as { id: string; unitId: string; body: { unit: { name: string; listed: number } } }[]).find((p) => !planIds.has(p.id))!;
  expect(newPlan.body.unit).toMatchObject({ name: 'Vårdcentralen Norr', listed: 14_000 });
  expect(keep(after.doctors, new Set([newPlan.id]), (r) => String(r.planId))).toHaveLength(createDemoPlan().doctors.length);

  expect(externalRequests).toEqual([]);
});

test('the charts and their tables show the same figures as the table', async ({ page }) => {
  await page.goto('./#/oversikt');
  await waitForApp(page);
  await page.getByTestId('overview-files').setInputFiles(unitFiles());
  await expect(page.getByTestId('overview-status')).toContainText('3 filer visas');
  const chart = page.getByTestId('overview-coverage-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.getByRole('list')).toContainText('Nationella målet 55 %');
  await expect(chart.getByRole('list')).toContainText('70 %');
  await chart.getByRole('button', { name: 'Visa som tabell' }).click();
  const rowSoder = chart.getByRole('row', { name: /Vårdcentralen Söder/ });
  const tableRow = page.locator('tr[data-row-key^="file:"]', { hasText: 'Vårdcentralen Söder' });
  const today = (await tableRow.locator('td[data-col="coverageToday"] button').innerText()).split('\n')[0].trim();
  await expect(rowSoder.locator('td').first()).toHaveText(today);
  await scanAxe(page);
});

test('a long overview is virtualised and still reachable from the keyboard row by row', async ({ page }) => {
  await page.goto('./#/oversikt');
  await waitForApp(page);
  const files = Array.from({ length: 60 }, (_, i) => {
    const p = createDemoPlan();
    p.unit.name = `Enhet ${String(i + 1).padStart(2, '0')}`;
    return { name: `enhet-${i + 1}.kapacitet.json`, mimeType: 'application/json', buffer: Buffer.from(serializePlan(p)) };
  });
  await page.getByTestId('overview-files').setInputFiles(files);
  await expect(page.getByTestId('overview-status')).toContainText('60 filer visas');
  const table = page.getByTestId('overview-table');
  await expect(table).toHaveAttribute('aria-rowcount', '63');
  // Only a window of rows is in the DOM.
  const inDom = await table.locator('tbody tr[data-row-key]').count();
  expect(inDom).toBeLessThan(40);
  // Tab from the first row onwards: focus walks down the rows past the first window.
  await table.locator('tbody tr[data-row-key]').first().getByRole('button').first().focus();
  let rowIndex = 0;
  for (let i = 0; i < 60 * 12 && rowIndex < 50; i++) {
    await page.keyboard.press('Tab');
    rowIndex = await page.evaluate(() => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') ?? 0));
    if (rowIndex === 0) break; // left the table
  }
  expect(rowIndex).toBeGreaterThanOrEqual(50);
  // Scrolled to the end, the last unit is there and the first is not in the DOM any more.
  await page.getByTestId('overview-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table.locator('tr[data-row-key]', { hasText: 'Enhet 60' })).toBeVisible();
  await expect(table.locator('tr[data-row-key]', { hasText: 'Enhet 01' })).toHaveCount(0);
});
