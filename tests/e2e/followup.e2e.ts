// Follow-up (issue 7): snapshot from the plan → trend; contact log → continuity figures;
// allocation proposal → workbook. Every step keyboard-reachable; axe scan per tab.
import * as XLSX from 'xlsx';
import { readFile } from 'node:fs/promises';
import { test, expect, waitForApp, scanAxe } from './support';

const CSV =
  'Patientnyckel;Datum;Läkare;Kontakttyp;Fast läkarkontakt\n' +
  // A: d1 ×3, d2 ×1 → UPC 0,75, COC 0,5, share with named (d1) 0,75
  'A;2026-01-10;HSA-1;Besök;HSA-1\nA;2026-02-10;HSA-1;Telefon;HSA-1\nA;2026-03-10;HSA-2;Video;HSA-1\nA;2026-04-10;HSA-1;Chatt;HSA-1\n' +
  // B: d2 ×3 → UPC 1, COC 1, share with named (d1) 0
  'B;2026-01-11;HSA-2;besök;HSA-1\nB;2026-02-11;HSA-2;besök;HSA-1\nB;2026-03-11;HSA-2;besök;HSA-1\n' +
  // C: 2 contacts → below the minimum of 3
  'C;2026-01-12;HSA-1;besök;HSA-2\nC;2026-01-13;HSA-1;besök;HSA-2\n';

test('follow-up: snapshot and trend, continuity from a contact log, allocation proposal', async ({ page, externalRequests }) => {
  await page.goto('./#/uppfoljning');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Uppföljning' })).toBeVisible();

  // 1. Snapshot from the plan, then the trend (chart + table alternative with the same numbers).
  await page.getByTestId('take-snapshot').click();
  await expect(page.getByRole('status').filter({ hasText: 'sparad från planen' })).toBeVisible();
  const list = page.getByTestId('snapshot-list');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  const coverageCell = await list.locator('tbody tr td').nth(2).innerText();
  await expect(page.getByTestId('latest-coverage')).toContainText(coverageCell);
  await expect(page.locator('canvas').first()).toBeVisible();
  await page.getByRole('button', { name: 'Visa som tabell' }).first().click();
  await expect(page.getByRole('table', { name: /andel med fast läkarkontakt per månad/i })).toContainText(coverageCell);
  await scanAxe(page);

  // 2. Continuity: the tabs work with the keyboard.
  await page.getByRole('tab', { name: 'Ögonblicksbilder' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Kontinuitet' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Kontinuitet' })).toBeFocused();
  await page.getByTestId('contacts-file').setInputFiles({ name: 'kontakter.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await expect(page.getByTestId('contacts-loaded')).toContainText('9 kontakter');
  const figures = page.getByTestId('continuity-figures');
  // Patients ≥ 3 contacts: A and B. Mean UPC (0,75 + 1) / 2 = 0,88; mean COC (0,5 + 1) / 2 = 0,75;
  // mean share with the named doctor (0,75 + 0) / 2 = 37,5 %.
  await expect(figures).toContainText(/Patienter som räknas\s*2\b/);
  await expect(figures).toContainText('0,88');
  await expect(figures).toContainText('0,75');
  await expect(figures).toContainText('37,5');
  await expect(page.getByTestId('continuity-doctors')).toContainText('HSA-1');
  // The export carries the same unit figures (aggregates only, no patient keys).
  const [contExport] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera kontinuiteten (Excel)' }).click()]);
  const cwb = XLSX.read(await readFile((await contExport.path())!), { type: 'buffer' });
  expect(cwb.SheetNames).toEqual(['Kontinuitet', 'Per läkare', 'Fördelning']);
  const unitRows = XLSX.utils.sheet_to_json<unknown[]>(cwb.Sheets['Kontinuitet'], { header: 1 });
  expect(unitRows.find((r) => r[0] === 'UPC (medel)')?.[1]).toBeCloseTo(0.875, 10);
  expect(JSON.stringify(XLSX.utils.sheet_to_json(cwb.Sheets['Per läkare'], { header: 1 }))).not.toMatch(/"[ABC]"/);
  // Save a baseline for the national goal line (+20 %), then raise the minimum to 4: only A is left.
  await page.getByRole('button', { name: 'Spara dessa siffror som utgångsläge' }).click();
  await page.getByLabel('Minsta antal kontakter per patient').fill('4');
  await expect(figures).toContainText(/Patienter som räknas\s*1\b/);
  // COC: baseline 0,75, goal 0,9, now 0,5 (A only) → -33,3 %.
  await expect(page.getByTestId('continuity-goal')).toContainText('Kontinuitetsindex för läkarkontakter (COC) upp 20 %: utgångsläge 0,75, mål 0,9, nu 0,5 (-33,3 %');
  await scanAxe(page);

  // 3. Allocation: estimate from the plan, see the proposal, export it.
  await page.getByRole('tab', { name: 'Fördelning' }).click();
  await page.getByRole('button', { name: 'Uppskatta från planen' }).click();
  await expect(page.getByTestId('allocation-groups')).toBeVisible();
  const proposal = page.getByTestId('allocation-proposal');
  await expect(proposal).toBeVisible();
  await expect(page.getByTestId('allocation-summary')).toContainText('patienter får ett förslag');
  const firstWhy = proposal.getByRole('button', { name: /^Varför\?/ }).first();
  await firstWhy.press('Enter');
  await expect(firstWhy).toHaveAttribute('aria-expanded', 'true');
  await scanAxe(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera förslaget (Excel)' }).click()]);
  const path = await download.path();
  const wb = XLSX.read(await readFile(path!), { type: 'buffer' });
  expect(wb.SheetNames).toContain('Förslag');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Förslag'], { header: 1 });
  expect(String(rows[3][0])).toBe('Läkare');

  expect(externalRequests).toEqual([]);
});

test('follow-up: manual month, series export, bad contact log named by row and column, columns chosen by hand', async ({ page }) => {
  await page.goto('./#/uppfoljning');
  await waitForApp(page);

  // A month typed by hand, then the series as CSV with the same numbers.
  await page.locator('#fu-month').fill('2026-06');
  await page.locator('summary', { hasText: 'Mata in en månad' }).click();
  await page.getByLabel('Listade', { exact: true }).fill('10 000');
  await page.getByLabel('Med fast läkarkontakt', { exact: true }).fill('5 500');
  await page.getByRole('button', { name: 'Spara månaden' }).click();
  await expect(page.getByTestId('snapshot-list')).toContainText('55,0 %');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera serien (CSV)' }).click()]);
  const text = await readFile((await csv.path())!, 'utf8');
  expect(text).toContain('2026-06;10000;5500;0,55');

  // An invalid month is refused with a Swedish reason, nothing stored.
  await page.getByLabel('Med fast läkarkontakt', { exact: true }).fill('20 000');
  await page.getByRole('button', { name: 'Spara månaden' }).click();
  await expect(page.getByTestId('followup-error')).toContainText('fler än listade');

  // A broken contact log: the error names row and column; nothing is loaded.
  await page.getByRole('tab', { name: 'Kontinuitet' }).click();
  await page.getByTestId('contacts-file').setInputFiles({
    name: 'fel.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Patient;Datum;Läkare\nA;2026-02-30;d1\n', 'utf8'),
  });
  await expect(page.getByTestId('followup-error')).toContainText('rad 2, kolumn ”Datum”');
  await expect(page.getByTestId('contacts-loaded')).toHaveCount(0);

  // Unrecognised headers: choose the columns by hand and read again.
  await page.getByTestId('contacts-file').setInputFiles({
    name: 'export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('k1;k2;k3\nA;2026-01-01;d1\nA;2026-01-02;d1\nA;2026-01-03;d2\n', 'utf8'),
  });
  await page.getByLabel('Patientnyckel').selectOption({ label: 'k1' });
  await page.getByLabel('Datum', { exact: true }).selectOption({ label: 'k2' });
  await page.getByLabel('Läkare', { exact: true }).selectOption({ label: 'k3' });
  await page.getByRole('button', { name: 'Läs in med dessa kolumner' }).click();
  await expect(page.getByTestId('contacts-loaded')).toContainText('3 kontakter');
  await expect(page.getByTestId('named-missing')).toBeVisible();
  await scanAxe(page);
});
