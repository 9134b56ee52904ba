// Excel in and out in the real app (owner IO): a workbook imported in Chromium becomes the plan
// (through the io Web Worker), export downloads an .xlsx with live formulas, a bad file shows
// sheet/row/column errors and changes nothing, and a listing CSV with personnummer goes through
// the mapping dialog without the numbers ever reaching the page.
import * as XLSX from 'xlsx';
import { readFile } from 'node:fs/promises';
import { computePlan, createDemoPlan } from '../../src/lib/engine/index';
import { exportWorkbook } from '../../src/lib/io/index';
import { test, expect, waitForApp, scanAxe, type Page, importAsNewUnit } from './support';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function start(page: Page): Promise<void> {
  await page.goto('./#/enhet');
  await waitForApp(page);
  await expect(page.getByTestId('io-import')).toBeEnabled();
}

test('imports a workbook into the plan, undoably', async ({ page, externalRequests }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await start(page);
  const plan = createDemoPlan();
  plan.unit.name = 'Vårdcentralen Importby';
  plan.doctors[0].name = 'Ingrid Importsson';
  plan.doctors[0].employment = 0.5;
  const bytes = Buffer.from(exportWorkbook(plan));
  await page.getByTestId('io-import-input').setInputFiles({ name: 'importby.xlsx', mimeType: XLSX_MIME, buffer: bytes });
  // Imports never overwrite without asking (issue 11.2): here the plan in view is replaced.
  await page.getByTestId('import-choice').getByRole('radio', { name: /Ersätt planen/ }).check();
  await importAsNewUnit(page);
  await expect(page.getByTestId('io-status')).toContainText('Vårdcentralen Importby');
  await expect(page.getByTestId('io-status')).toContainText(`${plan.doctors.length} läkare`);
  // Parsed in the io Web Worker, not on the page's thread.
  expect(workers.some((u) => /\/assets\/worker-[^/]+\.js$/.test(u))).toBe(true);
  await page.goto('./#/lakare');
  await waitForApp(page);
  await expect(page.getByText('Ingrid Importsson').first()).toBeVisible();
  // One undo step brings the previous plan back.
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Ingrid Importsson')).toHaveCount(0);
  expect(externalRequests).toEqual([]);
});

test('export downloads an xlsx whose formulas and values match the plan', async ({ page }) => {
  await start(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('io-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = await download.path();
  const bytes = await readFile(path!);
  const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
  expect(wb.SheetNames.slice(0, 5)).toEqual(['Enhet', 'Läkare', 'Antaganden', 'Regler', 'Uppdrag']);
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Läkare']);
  // The page's plan is the demo plan on first start: the cached capacities are the engine's.
  const expected = computePlan(createDemoPlan());
  expect(rows.map((r) => r['Kapacitet (riktvärde)'])).toEqual(expected.doctors.map((d) => d.capacityGuideline));
  expect(wb.Sheets['Läkare'].AA2.f).toMatch(/INT\(ROUND/);
  await expect(page.getByTestId('io-status')).toContainText('.xlsx');
});

test('a broken workbook shows sheet, row and column, and changes nothing', async ({ page }) => {
  await start(page);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Uppgift', 'Värde'], ['Enhetens namn', 'Trasig'], ['Listade', 100]]), 'Enhet');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Namn', 'Kategori', 'Tjänstgöringsgrad'], ['Anna', 'kirurg', 'heltid']]), 'Läkare');
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  await page.getByTestId('io-import-input').setInputFiles({ name: 'trasig.xlsx', mimeType: XLSX_MIME, buffer });
  const errors = page.getByTestId('io-errors');
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('row', { name: /Läkare 2 Kategori Okänd kategori "kirurg"/ })).toBeVisible();
  await expect(errors.getByRole('row', { name: /Läkare 2 Tjänstgöringsgrad "heltid" är inte ett tal/ })).toBeVisible();
  await expect(page.getByText('Trasig')).toHaveCount(0);
  await scanAxe(page);
});

test('a listing CSV with personnummer: mapping dialog, masked column, per-doctor result, applied as one step', async ({ page }) => {
  await start(page);
  const csv = ['Personnummer;Patientnyckel;Läkare;Ålder;Kön', '19121212-1212;a1;Anna Lindqvist;45;K', '811228-9874;a2;Anna Lindqvist;70;M', '197001012384;a3;Sara Nilsson;12;K'].join('\r\n');
  await page.getByTestId('io-import-listing-input').setInputFiles({ name: 'listning.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const dialog = page.getByTestId('io-listing-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('innehåller personnummer och tas bort');
  await expect(dialog).not.toContainText('1212-1212');
  await expect(dialog.getByTestId('io-map-doctor')).toHaveValue('2');
  await scanAxe(page);
  await dialog.getByTestId('io-listing-run').click();
  const result = dialog.getByTestId('io-listing-result');
  await expect(result.getByRole('row', { name: /Anna Lindqvist 2/ })).toBeVisible();
  await dialog.getByTestId('io-listing-apply').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('io-status')).toContainText('Listade uppdaterades');
  expect(await page.content()).not.toContain('1212-1212');
});

test('dropping a workbook on the page imports it; dropping a CSV opens the listing dialog', async ({ page }) => {
  await start(page);
  const plan = createDemoPlan();
  plan.unit.name = 'Vårdcentralen Släppby';
  const drop = async (bytes: number[], name: string, type: string) => {
    const dt = await page.evaluateHandle(
      ([arr, n, t]) => {
        const d = new DataTransfer();
        d.items.add(new File([new Uint8Array(arr as number[])], n as string, { type: t as string }));
        return d;
      },
      [bytes, name, type] as const,
    );
    const zone = page.getByTestId('io-dropzone').first();
    await zone.dispatchEvent('dragenter', { dataTransfer: dt });
    await zone.dispatchEvent('dragover', { dataTransfer: dt });
    await zone.dispatchEvent('drop', { dataTransfer: dt });
  };
  await drop([...exportWorkbook(plan)], 'slappby.xlsx', XLSX_MIME);
  // Imports never overwrite without asking (issue 11.2): as a new unit, the default.
  await importAsNewUnit(page);
  await expect(page.getByTestId('io-status')).toContainText('Vårdcentralen Släppby');
  await drop([...Buffer.from('Läkare;Listade\nAnna Lindqvist;999\n', 'utf8')], 'lista.csv', 'text/csv');
  await expect(page.getByTestId('io-listing-dialog')).toBeVisible();
  await expect(page.getByTestId('io-map-listed')).toHaveValue('1');
});
