// The APT's minutes and meetings over time: an action decided at one meeting is carried into the
// next until done, its status can be changed in either meeting (one stored action); the minutes
// print to PDF (pdftotext finds every captured item) and export to a workbook whose text cells stay
// text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { expect, scanAxe, test, waitForApp, type Page } from './support';

test.use({ viewport: { width: 1280, height: 720 } });

async function openMeeting(page: Page, date: string): Promise<void> {
  await page.locator('#meeting-date').fill(date);
  await page.getByRole('button', { name: 'Öppna eller skapa' }).click();
  await expect(page.locator('#meeting-date')).toHaveValue(date);
}

const CAPTURED = {
  note: '=SUMMA(A1) är inte en formel här',
  obstacle: 'Ingen äger rutinen för fast läkarkontakt',
  opportunity: '+ Checklista för nya läkare',
  action: 'Utse en ägare till rutinen',
  owner: 'Verksamhetschefen',
};

test('minutes of a meeting: carried actions, printed page and workbook', async ({ page, externalRequests }) => {
  test.setTimeout(120_000);
  // The second meeting is "today": a done action is dated max(meeting, today), so the day is fixed
  // (timers keep running) — the test ran on 2 December in Stockholm at 23:09 UTC and read "klar 2026-12-02".
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00+01:00'));
  await page.goto('./#/apt');
  await waitForApp(page);

  // Meeting 1 (autumn) decides an action.
  await openMeeting(page, '2026-09-01');
  await page.getByRole('textbox', { name: 'Rubrik' }).fill('Höstens APT');
  await page.getByRole('textbox', { name: 'Vad' }).pressSequentially('Skriv om rutinen');
  await page.getByRole('textbox', { name: 'Vem' }).pressSequentially('Eva (MLA)');
  await page.getByRole('textbox', { name: 'Klart senast' }).pressSequentially('20261031');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Vad, Åtgärd 1' })).toHaveValue('Skriv om rutinen');

  // Meeting 2 (winter): the action is carried in; capture one of each kind.
  await openMeeting(page, '2026-12-01');
  const carried = page.getByRole('table', { name: 'Åtgärder från tidigare möten' });
  await expect(carried.getByRole('row').filter({ hasText: 'Skriv om rutinen' })).toContainText('2026-09-01');
  await page.getByRole('textbox', { name: 'Deltagare' }).fill('Eva Ek, verksamhetschef\nPer Berg, distriktsläkare');
  await page.getByRole('textbox', { name: 'Ny anteckning' }).pressSequentially(CAPTURED.note);
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Nytt hinder' }).pressSequentially(CAPTURED.obstacle);
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Ny möjlighet' }).pressSequentially(CAPTURED.opportunity);
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Vad' }).pressSequentially(CAPTURED.action);
  await page.getByRole('textbox', { name: 'Vem' }).pressSequentially(CAPTURED.owner);
  await page.getByRole('textbox', { name: 'Klart senast' }).pressSequentially('2027-02-28');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Vad, Åtgärd 1' })).toHaveValue(CAPTURED.action);
  await scanAxe(page);

  // Marked done in meeting 2: the meetings list and meeting 1 show it done (one stored action).
  await carried.getByRole('checkbox').check();
  const list = page.getByRole('region', { name: 'Enhetens möten' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Höstens APT' }).first()).toContainText('inga öppna åtgärder');
  await expect(list.getByRole('listitem').filter({ hasText: '2026-12-01' }).first()).toContainText('1 öppen åtgärd');
  await scanAxe(page);

  // The printed minutes (PDF): every captured item, the participants and the carried action's status.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: /^Protokoll: / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Visa i storbild' })).toBeHidden();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  const dir = mkdtempSync(join(tmpdir(), 'kap-minutes-'));
  const pdf = join(dir, 'protokoll.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const t of [...Object.values(CAPTURED), 'Eva Ek, verksamhetschef', 'Per Berg, distriktsläkare', '2026-12-01', '2027-02-28', 'Skriv om rutinen', 'klar 2026-12-01', 'Eva (MLA)']) {
    expect(text, t).toContain(t);
  }
  expect(text).toContain('Område 3: Information och kommunikation');
  expect(text).not.toMatch(/routines|opportunity|undefined|NaN/);

  // The minutes workbook: one sheet, text cells stay text.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Protokoll som arbetsbok (xlsx)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/APT-protokoll 2026-12-01\.xlsx$/);
  const wb = XLSX.read(readFileSync((await download.path())!), { type: 'buffer', cellFormula: true });
  expect(wb.SheetNames).toEqual(['Protokoll']);
  const ws = wb.Sheets.Protokoll;
  const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
  for (const t of Object.values(CAPTURED)) {
    const c = cells.find((x) => x.v === t);
    expect(c, t).toBeDefined();
    expect(c!.t).toBe('s');
    expect(c!.f).toBeUndefined();
  }
  expect(cells.some((c) => c.v === 'klar 2026-12-01')).toBe(true);

  // Meeting 1 shows the action done, and it can be reopened there.
  await openMeeting(page, '2026-09-01');
  const done1 = page.getByRole('checkbox', { name: 'Klar, Åtgärd 1', exact: true });
  await expect(done1).toBeChecked();
  await done1.uncheck();
  await openMeeting(page, '2026-12-01');
  await expect(page.getByRole('table', { name: 'Åtgärder från tidigare möten' }).getByRole('checkbox')).not.toBeChecked();

  expect(externalRequests).toEqual([]);
});
