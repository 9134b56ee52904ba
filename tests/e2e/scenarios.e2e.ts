// Scenarios (issue 6): make a named copy, change employment in the copy, the comparison shows the
// difference (numbers, signs, words), the original is unchanged, then promote the copy.
import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { expect, scanAxe, test, waitForApp } from './support';

test('copy, change employment in the copy, compare, original unchanged, promote', async ({ page, externalRequests }) => {
  await page.goto('./#/scenarier');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Scenarier' })).toBeVisible();
  await scanAxe(page);

  // A named copy of the current plan; it becomes the selected plan and joins the comparison.
  await page.getByLabel('Namn på kopian').fill('Höst 2027 med ny ST');
  await page.getByRole('button', { name: 'Gör kopia' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kopian ”Höst 2027 med ny ST” är skapad' })).toBeVisible();
  const plans = page.getByRole('table', { name: 'Enhetens planer' });
  await expect(plans.getByRole('row', { name: /Höst 2027 med ny ST/ })).toContainText('vald för redigering');

  // The comparison is there with the current plan as the baseline.
  const unitTable = page.getByRole('table', { name: /^Enheten:/ });
  await expect(unitTable).toBeVisible();
  const capRow = unitTable.getByRole('row', { name: /^Kapacitet \(vald modell\)/ });
  const capBefore = (await capRow.locator('td').nth(0).getByRole('button').textContent())!.trim();
  await expect(capRow.locator('td').nth(1)).toContainText('±0');

  // What-if on the copy: Erik Johansson to 80 %.
  await page.getByLabel('Scenario att ändra').selectOption({ label: 'Höst 2027 med ny ST' });
  await page.getByLabel('Läkare', { exact: true }).selectOption({ label: 'Erik Johansson (100 %)' });
  await page.getByLabel('Tjänstgöringsgrad (%)').fill('80');
  await page.getByRole('button', { name: 'Ändra tjänstgöringsgrad (%)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ändrat: Erik Johansson 80 %' })).toBeVisible();

  // The difference shows as a number with a sign and a word, not only a colour.
  await expect(capRow.locator('td').nth(1)).toContainText(/-\d.*sämre/);
  await expect(capRow.locator('td').nth(0).getByRole('button')).toHaveText(capBefore);
  const doctorTable = page.getByRole('table', { name: /^Läkarna:/ });
  const erik = doctorTable.getByRole('row', { name: /Erik Johansson/ });
  await expect(erik.locator('td').nth(0)).toHaveText(/100\s%/);
  await expect(erik.locator('td').nth(2)).toContainText(/80\s%/);
  await expect(erik.locator('td').nth(2)).toContainText(/-20,0 procentenheter/);

  // The explanation of a compared number opens (the engine's explain()).
  await capRow.locator('td').nth(1).getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Chart (lazy Chart.js) with its text alternative.
  await expect(page.getByRole('img', { name: /Kapacitet och glapp per plan/ })).toBeVisible();
  await scanAxe(page);

  // The export of a scenario is its own workbook: Erik at 80 % there, at 100 % in the original's.
  const employmentIn = async (planName: string) => {
    const downloadPromise = page.waitForEvent('download');
    await plans.getByRole('button', { name: `Exportera (xlsx): ${planName}` }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`Vårdcentralen Exempel – ${planName}.xlsx`);
    const wb = XLSX.read(await readFile((await download.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Läkare']);
    return rows.find((r) => r.Namn === 'Erik Johansson')?.['Tjänstgöringsgrad'];
  };
  expect(await employmentIn('Höst 2027 med ny ST')).toBe(0.8);
  expect(await employmentIn('Nuläge')).toBe(1);

  // The one complete backup (the same button as in settings): the scenario is in it.
  const backupPromise = page.waitForEvent('download');
  await page.getByTestId('backup-save').click();
  const backup = JSON.parse(await readFile((await (await backupPromise).path())!, 'utf8'));
  expect(backup.format).toBe('kapacitet/backup');
  expect(backup.stores.plans.map((x: { name: string }) => x.name)).toContain('Höst 2027 med ny ST');

  // The original is unchanged: select it for editing; the baseline column still shows 100 %.
  await plans.getByRole('button', { name: 'Redigera Nuläge' }).click();
  await expect(plans.getByRole('row', { name: /^Nuläge/ })).toContainText('vald för redigering');
  await expect(page.getByRole('table', { name: /^Läkarna:/ }).getByRole('row', { name: /Erik Johansson/ }).locator('td').nth(0)).toHaveText(/100\s%/);

  // Promote the copy: it becomes the current plan, the old one stays as a scenario.
  await plans.getByRole('button', { name: 'Gör till gällande plan: Höst 2027 med ny ST' }).click();
  await page.getByRole('group').getByRole('button', { name: 'Gör till gällande plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'är nu gällande plan' })).toBeVisible();
  await expect(plans.getByRole('row', { name: /Tidigare nuläge/ })).toBeVisible();
  // The promoted plan keeps its own name visible; the header's plan selector shows the same.
  await expect(plans.getByRole('row').filter({ hasText: 'gällande plan' }).first()).toContainText('Nuläge (från Höst 2027 med ny ST)');
  await expect(page.locator('#plan-select option', { hasText: 'Nuläge (från Höst 2027 med ny ST)' })).toHaveCount(1);

  expect(externalRequests).toEqual([]);
});
