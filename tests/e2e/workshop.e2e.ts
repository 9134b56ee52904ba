// Workshop (APT) mode, keyboard only (Tab, Shift+Tab, Enter, Escape and typing; no mouse clicks):
// choose an area, start its timer, write notes, an obstacle, an opportunity and an action; the notes
// are saved and survive a reload; the projector view shows them in large type and Escape leaves it;
// the workbook export carries an APT sheet with the notes.
import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { expect, scanAxe, test, waitForApp, type Page } from './support';

/** Press Tab until the focused element has this accessible name (as Playwright's aria snapshot computes it). */
async function tabTo(page: Page, name: string | RegExp, max = 120): Promise<void> {
  const matches = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const snap = await page.locator(':focus').first().ariaSnapshot({ timeout: 2000 }).catch(() => '');
    const first = snap.split('\n')[0] ?? '';
    const m = /"(.*)"/.exec(first);
    if (m && matches(m[1].replace(/\\"/g, '"'))) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

const AREA2 = 'Område 2: Personal och kompetens';

test('a full workshop with the keyboard only', async ({ page, externalRequests }) => {
  test.setTimeout(120_000); // many single Tab presses on two cores
  await page.goto('./#/apt');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Arbetsplatsträff (APT)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Område 1: Rutiner och arbetssätt' })).toBeVisible();
  // Key numbers of the unit with their explanations.
  await expect(page.getByRole('button', { name: /Visa uträkning\s*: Glapp \(patienter utan plats\)/ }).first()).toBeVisible();
  await scanAxe(page);

  // Area 2 from the area navigation.
  await tabTo(page, AREA2);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: AREA2 })).toBeFocused();

  // Timer: start it; the clock is a timer (not a live region).
  await tabTo(page, `Starta ${AREA2}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: `Pausa ${AREA2}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('timer')).toHaveText(/^\d\d:\d\d$/);

  // Notes, an obstacle, an opportunity.
  await tabTo(page, 'Anteckningar från samtalet');
  await page.keyboard.type('Vi saknar ersättare för fast läkare under semestern.');
  await tabTo(page, 'Nytt hinder');
  await page.keyboard.type('Få läkare i juli');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: 'Få läkare i juli' })).toBeVisible();
  await tabTo(page, 'Ny möjlighet');
  await page.keyboard.type('Team om två läkare som delar listor');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: 'Team om två läkare' })).toBeVisible();

  // An action: what, who, by when.
  await tabTo(page, 'Lägg till åtgärd');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Vad, Åtgärd 1' })).toBeFocused();
  await page.keyboard.type('Semesterplan med parläkare');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Verksamhetschefen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('20270315');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Sparat', { exact: true })).toBeVisible();
  await scanAxe(page);

  // A personnummer in the notes is refused with a clear message.
  await tabTo(page, 'Nytt hinder', 200);
  await page.keyboard.type('Patient 19121212-1212');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('personnummer');

  // Saved: survives a reload.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 3, name: 'Område 1: Rutiner och arbetssätt' })).toBeVisible();
  await tabTo(page, AREA2);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Anteckningar från samtalet' })).toHaveValue(
    'Vi saknar ersättare för fast läkare under semestern.',
  );
  await expect(page.getByRole('textbox', { name: 'Vem, Åtgärd 1' })).toHaveValue('Verksamhetschefen');
  await expect(page.getByLabel('Klart senast, Åtgärd 1')).toHaveValue('2027-03-15');

  // Projector view: large type, no editing fields; Escape leaves it and focus returns.
  await tabTo(page, 'Visa i storbild', 200);
  await page.keyboard.press('Enter');
  const projector = page.getByRole('dialog', { name: /^Arbetsplatsträff \(APT\): Område/ });
  await expect(projector).toBeVisible();
  await expect(projector.getByText('Vi saknar ersättare för fast läkare under semestern.')).toBeVisible();
  await expect(projector.getByRole('textbox')).toHaveCount(0);
  const size = await projector.getByRole('heading', { level: 3, name: AREA2 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(36);
  await expect(projector.getByRole('button', { name: /Visa uträkning\s*: Kapacitet/ }).first()).toBeVisible();
  await scanAxe(page);
  // Next area with the keyboard, then leave with Escape.
  await tabTo(page, 'Nästa område', 40);
  await page.keyboard.press('Enter');
  await expect(projector.getByRole('heading', { level: 3, name: 'Område 3: Information och kommunikation' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(projector).toBeHidden();
  await expect(page.getByRole('button', { name: 'Visa i storbild' })).toBeFocused();

  // Print: all three areas, read-only, without the editing toolbar.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Visa i storbild' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 3, name: 'Område 3: Information och kommunikation' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Område 1: Rutiner och arbetssätt' })).toBeVisible();
  await expect(page.getByText('Vi saknar ersättare för fast läkare under semestern.')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });

  // Export: the workbook has an APT sheet with the notes and the action.
  const downloadPromise = page.waitForEvent('download');
  await tabTo(page, 'Exportera med APT-blad (xlsx)', 20);
  await page.keyboard.press('Enter');
  const download = await downloadPromise;
  const path = await download.path();
  const wb = XLSX.read(await readFile(path!), { type: 'buffer' });
  expect(wb.SheetNames).toContain('APT');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.APT, { header: 1 }).map((r) => r.join('|'));
  expect(rows).toContain('|Vi saknar ersättare för fast läkare under semestern.');
  expect(rows).toContain('|Få läkare i juli');
  expect(rows).toContain('|Semesterplan med parläkare|Verksamhetschefen|2027-03-15|nej');
  expect(wb.SheetNames).toContain('Läkare');

  expect(externalRequests).toEqual([]);
});
