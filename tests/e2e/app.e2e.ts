// The app a unit manager opens: demo on first start, spreadsheet edits recomputed live and stored
// locally, paste from Excel as one undo step, plan-file backup/restore, and axe on every main view.
import { readFile } from 'node:fs/promises';
import { test, expect, waitForApp, scanAxe, type Page, importAsNewUnit, openMoreActions } from './support';

const NBSP = '\u00a0';

async function openView(page: Page, view: string): Promise<void> {
  await page.goto(`./#/${view}`);
  await waitForApp(page);
}

function cell(page: Page, rowKey: string, col: string) {
  return page.locator(`[role="grid"] [data-row-key="${rowKey}"][data-col="${col}"]`);
}

async function firstDoctorId(page: Page): Promise<string> {
  const id = await page.locator('[role="grid"] tbody tr').first().getAttribute('data-row-key');
  if (!id) throw new Error('no doctor row');
  return id;
}

/** Capacity of a doctor as the chart's text alternative lists it. */
async function chartCapacity(page: Page, name: string): Promise<string> {
  const figure = page.locator('figure.chart').first();
  const toggle = figure.getByRole('button', { name: /Visa som tabell|Dölj tabellen/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return (await figure.locator('table tr', { has: page.getByRole('rowheader', { name, exact: true }) }).locator('td').first().innerText()).trim();
}

async function canvasPixels(page: Page): Promise<string> {
  return page.locator('figure.chart canvas').first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
}

async function pasteInto(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error('no paste target ' + selector);
      const data = new DataTransfer();
      data.setData('text/plain', text);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { selector, text },
  );
}

test('demo → edit employment → capacity and chart change → reload keeps it', async ({ page, externalRequests }) => {
  await openView(page, 'enhet');
  await expect(page.getByRole('heading', { level: 2, name: /Enhetsdel: / })).toBeVisible();
  await expect(page.getByTestId('unit-summary')).toContainText('patienter');

  await page.getByRole('link', { name: 'Läkare' }).click();
  await expect(page).toHaveURL(/#\/lakare$/);
  const grid = page.getByRole('grid', { name: 'Läkare' });
  await expect(grid).toBeVisible();
  const id = await firstDoctorId(page);
  const name = (await cell(page, id, 'name').innerText()).trim();
  const capBefore = (await cell(page, id, 'capacityGuideline').innerText()).trim();
  await expect(page.locator('figure.chart canvas').first()).toBeVisible();
  await page.waitForTimeout(300);
  const pixelsBefore = await canvasPixels(page);
  const chartBefore = await chartCapacity(page, name);
  expect(chartBefore).toBe(capBefore);

  // Keyboard only: focus the cell, type to start editing, Enter commits.
  await cell(page, id, 'employment').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50 %');
  await page.keyboard.press('Enter');
  await expect(cell(page, id, 'employment')).toHaveText(`50${NBSP}%`);
  const capAfter = (await cell(page, id, 'capacityGuideline').innerText()).trim();
  expect(capAfter).not.toBe(capBefore);
  await expect.poll(() => chartCapacity(page, name)).toBe(capAfter);
  await expect.poll(() => canvasPixels(page)).not.toBe(pixelsBefore);

  // Stored locally: a reload shows the same value.
  await expect(page.locator('.save-state')).toHaveText('Sparat lokalt');
  await page.reload();
  await waitForApp(page);
  await expect(cell(page, id, 'employment')).toHaveText(`50${NBSP}%`);
  await expect(cell(page, id, 'capacityGuideline')).toHaveText(capAfter);
  expect(externalRequests).toEqual([]);
});

test('paste a 3×4 block from Excel is one edit; Ctrl+Z undoes it all', async ({ page }) => {
  await openView(page, 'lakare');
  const rows = page.locator('[role="grid"] tbody tr');
  await expect(rows.first()).toBeVisible();
  const ids = await rows.evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.getAttribute('data-row-key')!));
  const before = await Promise.all(ids.map((id) => cell(page, id, 'group.careWeight').innerText()));

  // On the collapsed "Lista och poäng" group: Listningspoäng, Fiktiv lista, Vårdtyngd, Vårdtyngdspoäng —
  // as Excel sv-SE copies them (CRLF, decimal commas); the groups it reaches open.
  await cell(page, ids[0], 'group.list').click();
  await pasteInto(page, '[role="grid"] td[tabindex="0"]', `350,5\t\t1,2\t12,5\r\n310\t\t0,95\t\r\n\t\t1\t1${NBSP}000\r\n`);
  await expect(cell(page, ids[0], 'listPoints')).toHaveText('350,5');
  await expect(cell(page, ids[0], 'careWeight')).toHaveText('1,20');
  await expect(cell(page, ids[0], 'careWeightPoints')).toHaveText('12,5');
  await expect(cell(page, ids[1], 'careWeight')).toHaveText('0,95');
  await expect(cell(page, ids[2], 'careWeight')).toHaveText('1,00');
  await expect(cell(page, ids[2], 'careWeightPoints')).toHaveText(`1${NBSP}000`);
  await expect(page.getByText(/12 celler inklistrade/)).toBeVisible();

  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: 'Vårdtyngd', exact: true }).click();
  for (let i = 0; i < 3; i++) await expect(cell(page, ids[i], 'group.careWeight')).toHaveText(before[i]);
  await page.keyboard.press('Control+y');
  await page.getByRole('button', { name: 'Vårdtyngd', exact: true }).click();
  await expect(cell(page, ids[2], 'careWeightPoints')).toHaveText(`1${NBSP}000`);
});

test('backup and restore through a plan file', async ({ page }, testInfo) => {
  await openView(page, 'installningar');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spara planfil' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.kapacitet\.json$/);
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const saved = JSON.parse(await readFile(path, 'utf8'));
  expect(saved.format).toBe('kapacitet/plan');

  // Change the plan, then restore the file: the old value is back.
  await openView(page, 'enhet');
  const listed = page.getByLabel('Listade invånare');
  await listed.fill('12345');
  await listed.press('Enter');
  await expect(listed).toHaveValue(`12${NBSP}345`);

  await openView(page, 'installningar');
  await page.getByLabel('Läs in planfil').setInputFiles(path);
  // Imports never overwrite without asking (issue 11.2): here the plan in view is replaced.
  await page.getByTestId('import-choice').getByRole('radio', { name: /Ersätt planen/ }).check();
  await importAsNewUnit(page);
  await expect(page.getByText('Planfilen lästes in.')).toBeVisible();
  await openView(page, 'enhet');
  await expect(page.getByLabel('Listade invånare')).toHaveValue(
    String(saved.unit.listed).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP),
  );

  // A broken file is refused with a Swedish message; nothing changes.
  await openView(page, 'installningar');
  await page.getByLabel('Läs in planfil').setInputFiles({ name: 'trasig.kapacitet.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"kapacitet/plan","version":1,"unit":{}}') });
  await expect(page.getByText('Planfilen kunde inte läsas:')).toBeVisible();
});

const VIEWS = ['enhet', 'lakare', 'lakarsamtal', 'diagram', 'scenarier', 'apt', 'uppfoljning', 'rapport', 'installningar'];

test('axe finds nothing serious or critical on any main view', async ({ page }) => {
  for (const view of VIEWS) {
    await openView(page, view);
    await expect(page.locator(`main[data-view="${view}"] h2`).first()).toBeVisible();
    await page.waitForTimeout(300);
    await test.step(`axe ${view}`, async () => {
      await scanAxe(page);
    });
  }
});

test('keyboard: skip link, nav with aria-current, finding link focuses its grid cell', async ({ page }) => {
  await openView(page, 'enhet');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  await expect(skip).toBeFocused();
  await expect(page.getByRole('link', { name: 'Enhet', exact: true })).toHaveAttribute('aria-current', 'page');
  const link = page.getByRole('link', { name: /Gå till fältet: .+, Listade/ }).first();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/lakare\?fokus=doctors\./);
  await expect(page.locator('[role="grid"] [data-col="listed"]:focus')).toHaveCount(1);
});

test('new empty unit from the header, then delete it', async ({ page }) => {
  await openView(page, 'enhet');
  const demoName = await page.getByLabel('Enhet', { exact: true }).locator('option:checked').innerText();
  await openMoreActions(page);
  await page.getByRole('button', { name: 'Ny tom enhet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny tom enhet' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Namn på den nya enheten').fill('VC Testby');
  await dialog.getByRole('button', { name: 'Skapa' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Enhetsdel: VC Testby' })).toBeVisible();
  await expect(page.getByLabel('Listade invånare')).toHaveValue('0');
  await openView(page, 'lakare');
  await expect(page.getByText('Inga läkare ännu.')).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await openMoreActions(page);
  await page.getByRole('button', { name: 'Ta bort enheten' }).click();
  await expect(page.getByLabel('Enhet', { exact: true }).locator('option:checked')).toHaveText(demoName);
  await expect(page.getByLabel('Enhet', { exact: true }).locator('option', { hasText: 'VC Testby' })).toHaveCount(0);
});

test('explain dialog from the keyboard in the grid: formula shown, axe clean, Escape returns focus', async ({ page }) => {
  await openView(page, 'lakare');
  const id = await firstDoctorId(page);
  const computed = cell(page, id, 'capacityGuideline');
  await computed.click();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('explain-formula')).toContainText('=');
  await expect(dialog.getByRole('button', { name: 'Stäng' })).toBeFocused();
  await scanAxe(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(computed).toBeFocused();
});

test('printing any view drops the app chrome, before the report was ever opened', async ({ page }) => {
  await openView(page, 'lakare');
  await expect(page.locator('header.app-header')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: /./ }).first()).toBeHidden();
  await expect(page.getByRole('grid', { name: 'Läkare' })).toBeVisible();
});

test('the explanation opened from a right-aligned summary number reads left-aligned', async ({ page }) => {
  await openView(page, 'enhet');
  await page.getByRole('button', { name: /visa uträkning: Glapp/ }).click();
  const dialog = page.getByRole('dialog', { name: /Glapp/ });
  await expect(dialog).toBeVisible();
  for (const part of [dialog.getByRole('heading', { level: 2 }), dialog.getByTestId('explain-formula')]) {
    expect(await part.evaluate((el) => getComputedStyle(el).textAlign)).toMatch(/^(start|left)$/);
  }
  await page.keyboard.press('Escape');
});
