// The doctor part as a conversation (issue 13): the compact läkardel on a 1366 × 768 laptop, the
// edited cell never under the sticky name column, the doctor's page with a what-if applied as one
// undo step, the agreement recorded and printed (pdftotext reads the PDF).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { createDemoPlan, createDoctor, serializePlan } from '../../src/lib/engine/index';
import { test, expect, waitForApp, scanAxe, type Page, importAsNewUnit } from './support';
import { sofficePath } from '../lib/io/libreoffice';
import { editWithLibreOffice } from '../lib/io/libreofficeEdit';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const hasPoppler = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every((p) => existsSync(p));
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** The demo unit grown to `n` doctors, loaded through Inställningar → Läs in planfil. */
async function loadBigUnit(page: Page, path: string, n = 16): Promise<void> {
  const plan = createDemoPlan();
  while (plan.doctors.length < n) {
    const d = createDoctor('specialist', plan.doctors.map((x) => x.id));
    d.name = `Läkare ${plan.doctors.length + 1}`;
    d.employment = 0.8;
    d.listed = 700 + plan.doctors.length * 10;
    plan.doctors.push(d);
  }
  await writeFile(path, serializePlan(plan));
  await page.goto('./#/installningar');
  await waitForApp(page);
  await page.getByLabel('Läs in planfil').setInputFiles(path);
  // Imports ask first (issue 11): as a new unit, the default.
  await importAsNewUnit(page);
  await expect(page.getByText('Planfilen lästes in.')).toBeVisible();
}

const KEY_COLUMNS = ['name', 'category', 'employment', 'listed', 'capacityGuideline', 'capacityTime', 'loadRatio', 'findings'];

test.describe('at 1366 × 768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the named columns and at least 12 doctor rows are in view without scrolling sideways', async ({ page }, testInfo) => {
    await loadBigUnit(page, testInfo.outputPath('stor.kapacitet.json'));
    await page.goto('./#/lakare');
    await waitForApp(page);
    const grid = page.getByRole('grid', { name: 'Läkare' });
    await expect(grid.locator('tbody tr')).toHaveCount(16);
    const m = await page.evaluate((keys) => {
      const vw = document.documentElement.clientWidth;
      const vh = document.documentElement.clientHeight;
      const box = document.querySelector('.grid-scroll')!.getBoundingClientRect();
      const heads = keys.map((k) => {
        const cell = document.querySelector(`[role="grid"] tbody tr [data-col="${k}"]`)!;
        const r = cell.getBoundingClientRect();
        return { k, left: r.left, right: r.right };
      });
      const rows = Array.from(document.querySelectorAll('[role="grid"] tbody tr')).filter((tr) => {
        const r = tr.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= Math.min(vh, box.bottom) + 0.5;
      }).length;
      return { pageScrolls: document.documentElement.scrollWidth > vw, scrollLeft: document.querySelector('.grid-scroll')!.scrollLeft, vw, heads, rows };
    }, KEY_COLUMNS);
    expect(m.pageScrolls).toBe(false);
    expect(m.scrollLeft).toBe(0);
    for (const h of m.heads) {
      expect(h.left, h.k).toBeGreaterThanOrEqual(0);
      expect(h.right, h.k).toBeLessThanOrEqual(m.vw);
    }
    expect(m.rows).toBeGreaterThanOrEqual(12);
    for (const name of ['Namn', 'Kategori', 'Tjänstgöringsgrad', 'Listade', 'Kapacitet (riktvärde)', 'Kapacitet (tid)', 'Belastning', 'Anmärkningar']) {
      await expect(grid.getByRole('columnheader', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })).toBeInViewport();
    }
    await page.screenshot({ path: testInfo.outputPath('lakardel-1366.png') });
    await scanAxe(page);
  });

  test('editing a row by keyboard from its start: the editor is never under the sticky name column', async ({ page }) => {
    await page.goto('./#/lakare');
    await waitForApp(page);
    // All groups open: the grid is wider than the screen.
    for (const g of ['ST', 'Uppdrag', 'Frånvaro och slut', 'Lista och poäng', 'Vårdtyngd', 'Överenskommelse']) {
      await page.getByRole('button', { name: g, exact: true }).click();
    }
    const grid = page.getByRole('grid', { name: 'Läkare' });
    const id = await grid.locator('tbody tr').nth(2).getAttribute('data-row-key');
    await grid.locator(`[data-row-key="${id}"][data-col="listed"]`).click();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.grid-scroll').evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('combobox', { name: /Kategori, redigerar/ });
    await expect(editor).toBeFocused();
    await page.waitForTimeout(100);
    const [name, ed] = await Promise.all([
      grid.locator(`[data-row-key="${id}"][data-col="name"]`).boundingBox(),
      editor.boundingBox(),
    ]);
    expect(ed!.x).toBeGreaterThanOrEqual(name!.x + name!.width - 1);
    await page.keyboard.press('Escape');
    // Far to the right and back by Shift+Tab: the cell next to the name is still clear of it.
    await page.keyboard.press('End');
    const columns = await grid.locator('thead th').count();
    for (let i = 0; i < columns - 2; i++) await page.keyboard.press('Shift+Tab');
    await expect(grid.locator(`[data-row-key="${id}"][data-col="category"]`)).toBeFocused();
    await page.waitForTimeout(100);
    const cat = await grid.locator(`[data-row-key="${id}"][data-col="category"]`).boundingBox();
    const nm = await grid.locator(`[data-row-key="${id}"][data-col="name"]`).boundingBox();
    expect(cat!.x).toBeGreaterThanOrEqual(nm!.x + nm!.width - 1);
  });
});

test('doctor page: what-if, apply as one undo step, agreement, printed (pdftotext finds name and agreed size)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./#/lakare');
  await waitForApp(page);
  const grid = page.getByRole('grid', { name: 'Läkare' });
  const row = grid.locator('tbody tr').first();
  const id = (await row.getAttribute('data-row-key'))!;
  const name = squash(await row.locator('[data-col="name"]').innerText());
  const capBefore = squash(await row.locator('[data-col="capacityGuideline"]').innerText());
  await row.getByRole('link', { name: `Öppna läkarsamtal med ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/lakarsamtal\\?lakare=${id}$`));
  await expect(page.getByRole('heading', { level: 2, name: `Läkarsamtal: ${name}` })).toBeVisible();
  await expect(page.getByTestId('dp-capacityGuideline')).toContainText(capBefore);
  // The chain reaches the inputs: the employment is there as an input.
  await expect(page.getByTestId('dp-capacityGuideline').getByText('tjänstgöringsgrad:', { exact: false }).first()).toBeVisible();
  await page.waitForTimeout(300);
  await scanAxe(page);

  // What-if: nothing changes until applied.
  const employment = page.getByLabel('Tjänstgöringsgrad', { exact: true });
  await employment.fill('50 %');
  const table = page.getByTestId('whatif-table');
  const capRow = table.locator('tr[data-row="capacityGuideline"]');
  await expect(capRow.locator('td').nth(0)).toHaveText(capBefore);
  await expect(capRow.locator('td').nth(1)).not.toHaveText(capBefore);
  const capAfter = squash(await capRow.locator('td').nth(1).innerText());
  await expect(page.getByTestId('dp-capacityGuideline')).toContainText(capBefore);
  await page.getByRole('button', { name: 'Tillämpa ändringarna' }).click();
  await expect(page.getByTestId('dp-capacityGuideline').locator('h4')).toContainText(capAfter);
  // One undo step takes the whole what-if back.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('dp-capacityGuideline').locator('h4')).toContainText(capBefore);
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('dp-capacityGuideline').locator('h4')).toContainText(capAfter);

  // The agreement, saved as typed.
  await page.getByLabel('Överenskommen listlängd (patienter)').fill('1 050');
  await page.getByLabel('Överenskommen listlängd (patienter)').press('Enter');
  await page.getByLabel(/^Överenskommen den/).fill('2026-01-12');
  await page.getByLabel(/^Överenskommen den/).press('Enter');
  await page.getByRole('button', { name: 'Ett år framåt' }).click();
  await expect(page.getByLabel(/^Gäller till och med/)).toHaveValue('2027-01-11');
  await page.getByLabel('Anteckning').fill('Ses igen efter sommaren.');
  await page.getByLabel('Anteckning').blur();
  await expect(page.getByText('Överenskommelsen sparades.')).toBeVisible();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel('Överenskommen listlängd (patienter)')).toHaveValue('1\u00a0050');
  await expect(page.getByLabel('Anteckning')).toHaveValue('Ses igen efter sommaren.');

  // On paper: this doctor's page, then every doctor's.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: `Skriv ut överenskommelsen för ${name}` }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(page.locator('.agreement-sheet')).toHaveCount(1);
  const one = testInfo.outputPath('overenskommelse.pdf');
  await page.pdf({ path: one, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: null });
  await page.getByRole('button', { name: 'Skriv ut alla läkares överenskommelser' }).click();
  await expect(page.locator('.agreement-print .agreement-sheet')).toHaveCount(await page.locator('#dp-doctor option').count());
  const all = testInfo.outputPath('alla-overenskommelser.pdf');
  await page.pdf({ path: all, format: 'A4', printBackground: true, preferCSSPageSize: true });
  test.skip(!hasPoppler, 'pdftotext/pdfinfo (poppler-utils) not installed');
  const text = squash(execFileSync('pdftotext', ['-layout', one, '-'], { encoding: 'utf8' }));
  expect(text).toContain(name);
  expect(text).toContain('Överenskommen listlängd 1 050 patienter');
  expect(text).toContain('2027-01-11');
  expect(text).toContain('Verksamhetschef');
  expect(text).not.toContain('Skriv ut');
  const pages = (p: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [p], { encoding: 'utf8' }))![1]);
  expect(pages(one)).toBe(1);
  const doctors = await page.locator('#dp-doctor option').count();
  expect(pages(all)).toBe(doctors);
  const allText = squash(execFileSync('pdftotext', [all, '-'], { encoding: 'utf8' }));
  for (const n of await page.locator('#dp-doctor option').allInnerTexts()) expect(allText).toContain(squash(n));
});

test('the layout is remembered across a reload', async ({ page }) => {
  await page.goto('./#/lakare');
  await waitForApp(page);
  await page.getByRole('button', { name: 'Uppdrag', exact: true }).click();
  await page.getByRole('grid', { name: 'Läkare' }).getByRole('columnheader', { name: /^Listade/ }).click();
  await expect(page.locator('[role="grid"] [data-col="duty.supervision"]').first()).toBeVisible();
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('[role="grid"] [data-col="duty.supervision"]').first()).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Läkare' }).getByRole('columnheader', { name: /^Listade/ })).toHaveAttribute('aria-sort', 'ascending');
});

test('läkardel file: exported, edited by LibreOffice headless (supervision hours), read back: the diff shows it, applying is one undo step', async ({ page }) => {
  test.skip(!sofficePath(), 'LibreOffice (soffice) not installed');
  test.setTimeout(180_000);
  await page.goto('./#/lakare');
  await waitForApp(page);
  const grid = page.getByRole('grid', { name: 'Läkare' });
  const row = grid.locator('tbody tr').nth(1);
  const id = (await row.getAttribute('data-row-key'))!;
  const name = squash(await row.locator('[data-col="name"]').innerText());
  const dutiesBefore = squash(await row.locator('[data-col="group.duties"]').innerText());
  const capBefore = squash(await row.locator('[data-col="capacityGuideline"]').innerText());
  await row.locator('[data-col="name"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Hämta läkardel – ${name}` }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Läkardel .+\.xlsx$/);
  const bytes = await readFile((await download.path())!);
  const edited = editWithLibreOffice(new Uint8Array(bytes), 'Läkardel', 'duty:supervision', 7.5);

  // A second file that cannot be used stops the whole import: nothing changes.
  const broken = Buffer.from('inte en arbetsbok');
  await page.getByTestId('lakardel-input').setInputFiles([
    { name: 'lakardel-ifylld.xlsx', mimeType: XLSX_MIME, buffer: edited },
    { name: 'trasig.xlsx', mimeType: XLSX_MIME, buffer: broken },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Ändringar från läkardelar' });
  await expect(dialog.getByRole('alert')).toContainText('trasig.xlsx');
  await expect(dialog.getByRole('alert')).toContainText('inget har ändrats');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(row.locator('[data-col="group.duties"]')).toHaveText(dutiesBefore);

  await page.getByTestId('lakardel-input').setInputFiles({ name: 'lakardel-ifylld.xlsx', mimeType: XLSX_MIME, buffer: edited });
  const diff = dialog.getByTestId('lakardel-diff');
  await expect(diff).toHaveAttribute('data-doctor-id', id);
  const change = diff.locator('tr[data-field="duty.supervision"]');
  await expect(change.locator('td').nth(0)).toHaveText('4');
  await expect(change.locator('td').nth(1)).toHaveText('7,5');
  await expect(diff.locator('tbody tr')).toHaveCount(1);
  await scanAxe(page, '[aria-labelledby="lakardel-review-title"]');
  await dialog.getByRole('button', { name: 'För in ändringarna' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('[data-col="group.duties"]')).not.toHaveText(dutiesBefore);
  await expect(row.locator('[data-col="capacityGuideline"]')).not.toHaveText(capBefore);
  await expect(page.getByText(`Ändringarna för ${name} finns nu i planen`)).toBeVisible();
  // One undo step takes it all back.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('Control+z');
  await expect(row.locator('[data-col="group.duties"]')).toHaveText(dutiesBefore);
  await expect(row.locator('[data-col="capacityGuideline"]')).toHaveText(capBefore);
});

test('"Hämta tom mall" downloads an empty workbook that imports once filled in', async ({ page }) => {
  await page.goto('./#/lakare');
  await waitForApp(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hämta tom mall' }).click()]);
  const wb = XLSX.read(await readFile((await download.path())!), { type: 'buffer' });
  expect(wb.SheetNames.slice(0, 4)).toEqual(['Instruktioner', 'Enhet', 'Läkare', 'Antaganden']);
  const enhet = wb.Sheets['Enhet'];
  enhet['B2'] = { t: 's', v: 'VC Mallby' };
  enhet['B3'] = { t: 'n', v: 5400 };
  const lak = wb.Sheets['Läkare'];
  const header = XLSX.utils.sheet_to_json<unknown[]>(lak, { header: 1 })[0] as string[];
  const put = (r: number, h: string, v: string | number) => (lak[XLSX.utils.encode_cell({ r, c: header.indexOf(h) })] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v });
  put(1, 'Namn', 'Mall Läkare');
  put(1, 'Kategori', 'specialist');
  put(1, 'Tjänstgöringsgrad', '80 %');
  const filled = Buffer.from(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  await page.getByTestId('io-import-input').setInputFiles({ name: 'mall-ifylld.xlsx', mimeType: XLSX_MIME, buffer: filled });
  await importAsNewUnit(page);
  await expect(page.getByTestId('io-status')).toContainText('VC Mallby');
  await expect(page.getByRole('grid', { name: 'Läkare' }).getByText('Mall Läkare')).toBeVisible();
});

test('a committed edit moves focus on before the grid updates: the editor is never removed while focused (issue 13.6)', async ({ page }) => {
  // Removing a focused editor, then focusing a cell after the update, each made Chromium restyle the
  // whole grid — several milliseconds of every edit with 60 doctors. The grid focuses the next cell
  // while the editor is still there.
  await page.goto('./#/lakare');
  await waitForApp(page);
  const grid = page.getByRole('grid', { name: 'Läkare' });
  const first = grid.locator('tbody tr').first().locator('[data-col="employment"]');
  await first.click();
  await page.keyboard.press('Enter');
  const editor = grid.locator('.cell-editor');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('70 %');
  await editor.evaluate((el) => {
    el.addEventListener('blur', (e) => ((window as unknown as { focusWentTo?: string | null }).focusWentTo = (e as FocusEvent).relatedTarget instanceof HTMLElement ? ((e as FocusEvent).relatedTarget as HTMLElement).id : null), { once: true });
  });
  await page.keyboard.press('Enter');
  const second = grid.locator('tbody tr').nth(1).locator('[data-col="employment"]');
  // The editor lost focus *to the next cell* (a focused editor removed from the page has nowhere to go).
  expect(await page.evaluate(() => (window as unknown as { focusWentTo?: string | null }).focusWentTo)).toBe(await second.getAttribute('id'));
  await expect(grid.locator('.cell-editor')).toHaveCount(0);
  await expect(second).toBeFocused();
  await expect(first).toContainText('70');
  // Escape: back on its own cell, the editor again left to it before it goes.
  await page.keyboard.press('Enter');
  await expect(grid.locator('.cell-editor')).toBeFocused();
  await grid.locator('.cell-editor').evaluate((el) => {
    el.addEventListener('blur', (e) => ((window as unknown as { focusWentTo?: string | null }).focusWentTo = (e as FocusEvent).relatedTarget instanceof HTMLElement ? ((e as FocusEvent).relatedTarget as HTMLElement).id : null), { once: true });
  });
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (window as unknown as { focusWentTo?: string | null }).focusWentTo)).toBe(await second.getAttribute('id'));
  await expect(second).toBeFocused();
});
