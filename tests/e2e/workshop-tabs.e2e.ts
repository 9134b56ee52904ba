// Two tabs on one APT meeting (issue 11 item 7 for APT notes): both add a note at the same time and
// both notes survive, in both tabs and after a reload; an action marked done in one tab is done in
// the other. (Two pages of one browser context: separate contexts share no IndexedDB at all.)
import { expect, scanAxe, test, waitForApp, type Page } from './support';

test.use({ viewport: { width: 1280, height: 720 } });

async function openApt(page: Page): Promise<void> {
  await page.goto('./#/apt');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 3, name: 'Område 1: Rutiner och arbetssätt' })).toBeVisible();
}

const notes = (page: Page) =>
  page.getByRole('list', { name: 'Anteckningar' }).getByRole('textbox').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).sort());

test('two tabs typing a note into the same meeting at the same moment both keep theirs', async ({ context }) => {
  const a = await context.newPage();
  await openApt(a);
  const b = await context.newPage();
  await openApt(b);
  await expect(b.locator('#meeting-date')).toHaveValue(await a.locator('#meeting-date').inputValue());

  const A = 'Flik A: rutinen är okänd för nya läkare';
  const B = 'Flik B: journalen visar inte vem som är fast läkare';
  await Promise.all([
    a.getByRole('textbox', { name: 'Ny anteckning' }).pressSequentially(A),
    b.getByRole('textbox', { name: 'Ny anteckning' }).pressSequentially(B),
  ]);
  await Promise.all([a.keyboard.press('Enter'), b.keyboard.press('Enter')]);
  // Each tab shows both, live.
  await expect.poll(() => notes(a)).toEqual([A, B]);
  await expect.poll(() => notes(b)).toEqual([A, B]);

  // Both edit different fields of the same meeting at once: nothing is overwritten.
  await Promise.all([
    a.getByRole('textbox', { name: 'Rubrik' }).fill('APT december'),
    b.getByRole('textbox', { name: 'Deltagare' }).fill('Eva Ek\nPer Berg'),
  ]);
  await expect(a.getByRole('textbox', { name: 'Deltagare' })).toHaveValue('Eva Ek\nPer Berg');
  await expect(b.getByRole('textbox', { name: 'Rubrik' })).toHaveValue('APT december');

  // An action added in A, marked done in B, is done in A.
  await a.getByRole('textbox', { name: 'Vad' }).pressSequentially('Skriv rutinen');
  await a.keyboard.press('Enter');
  const doneB = b.getByRole('checkbox', { name: 'Klar, Åtgärd 1' });
  await expect(doneB).toBeVisible();
  await doneB.check();
  await expect(a.getByRole('checkbox', { name: 'Klar, Åtgärd 1' })).toBeChecked();
  await scanAxe(a);

  await a.reload();
  await waitForApp(a);
  await expect.poll(() => notes(a)).toEqual([A, B]);
  await expect(a.getByRole('checkbox', { name: 'Klar, Åtgärd 1' })).toBeChecked();
  await b.reload();
  await waitForApp(b);
  await expect.poll(() => notes(b)).toEqual([A, B]);
});
