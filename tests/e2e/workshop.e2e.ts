// The APT run live from the projector, keyboard only (Tab, Enter, Escape, the presenter keys and
// typing; no mouse), at 1920×1080: open the projector view, move with the clicker's keys, blank the
// screen, the keys overlay, capture a note, an obstacle, an opportunity and an action, close the page
// within 100 ms of the last keystroke, reopen and find everything. axe on every state.
import { expect, scanAxe, test, waitForApp, type Page } from './support';

test.use({ viewport: { width: 1920, height: 1080 } });

/** Press Tab until the focused element has this accessible name. */
async function tabTo(page: Page, name: string | RegExp, max = 150): Promise<void> {
  const matches = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label');
      if (labelled) return labelled;
      const id = el.id && document.querySelector(`label[for="${el.id}"]`);
      return (id ? id.textContent : el.textContent)?.replace(/\s+/g, ' ').trim() ?? '';
    });
    if (matches(label)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

const AREA1 = 'Område 1: Rutiner och arbetssätt';
const AREA2 = 'Område 2: Personal och kompetens';
const NOTE = 'Ersättare saknas när den fasta läkaren har semester. B, F och ? skrivs här, inte som tangenter.';
const OBSTACLE = 'Få läkare i juli';
const OPPORTUNITY = 'Team om två läkare som delar listor';
const ACTION = { what: 'Semesterplan med parläkare', who: 'Verksamhetschefen', due: '20270315' };

test('a meeting run from the projector with the keyboard only survives a page closed right after typing', async ({ page, context, externalRequests }) => {
  test.setTimeout(180_000);
  await page.goto('./#/apt');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 3, name: AREA1 })).toBeVisible();
  // Figures first, and which plan they come from.
  await expect(page.getByText('Från den gällande planen ”Nuläge”.')).toBeVisible();
  await expect(page.getByText(/patienter har en fast läkarkontakt som läkarnas kapacitet inte räcker till/)).toBeVisible();
  await scanAxe(page);

  // Open the projector.
  await tabTo(page, 'Visa i storbild');
  await page.keyboard.press('Enter');
  const projector = page.getByRole('dialog', { name: /^Storbild: / });
  await expect(page.getByRole('dialog', { name: `Storbild: ${AREA1}` })).toBeVisible();
  const position = projector.locator('.pos');
  await expect(position).toHaveText('Område 1 av 3');
  await expect(projector.getByRole('heading', { level: 3, name: AREA1 })).toBeVisible();
  const size = await projector.getByRole('heading', { level: 3, name: AREA1 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(48);
  await expect(projector.getByRole('button', { name: /^62,2\s%.*visa uträkning: Andel med fast läkarkontakt i dag$/ })).toBeVisible();
  await expect(projector.getByRole('button', { name: /visa uträkning: Fast läkarkontakt bara på papperet$/ })).toBeVisible();
  await scanAxe(page);

  // Presenter keys: a clicker's PageDown/PageUp and the arrows.
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('Område 1 av 3 · fråga 1 av 8');
  await expect(projector.getByText('Fråga 1 av 8', { exact: true })).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(position).toHaveText('Område 1 av 3 · fråga 2 av 8');
  await scanAxe(page);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Område 1 av 3');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Inledning');
  await expect(projector.getByRole('heading', { name: 'Sedan tidigare möten' })).toBeVisible();
  await scanAxe(page);
  for (let i = 0; i < 11; i++) await page.keyboard.press('PageDown');
  await expect(position).toHaveText('Område 2 av 3');
  await expect(page.getByRole('dialog', { name: `Storbild: ${AREA2}` })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('Område 2 av 3 · fråga 1 av 8');

  // Blank the screen (B or .); any key shows it again without acting.
  await page.keyboard.press('b');
  const blank = projector.locator('.blank');
  await expect(blank).toBeVisible();
  expect(await blank.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
  await scanAxe(page);
  await page.keyboard.press('ArrowRight');
  await expect(blank).toBeHidden();
  await expect(position).toHaveText('Område 2 av 3 · fråga 1 av 8');
  await page.keyboard.press('.');
  await expect(blank).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(blank).toBeHidden();
  await expect(projector).toBeVisible();

  // The keys overlay (?), closed by Escape.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Tangenter i storbild' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('cell', { name: 'Pil höger eller Page Down' })).toBeVisible();
  await scanAxe(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(projector).toBeVisible();

  // A figure's explanation opens from the keyboard over the projector; keys there are its own, and
  // Escape closes it, not the projector.
  await tabTo(page, /visa uträkning: Glapp \(patienter utan plats\)$/, 40);
  await page.keyboard.press('Enter');
  const explanation = page.getByRole('dialog', { name: 'Glapp' });
  await expect(explanation).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('b');
  await expect(blank).toBeHidden();
  await scanAxe(page);
  await page.keyboard.press('Escape');
  await expect(explanation).toBeHidden();
  await expect(projector).toBeVisible();
  await expect(position).toHaveText('Område 2 av 3 · fråga 1 av 8');

  // Full screen (F) and back.
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className ?? '')).toContain('frame');
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);

  // Capture one of each kind. Keys typed into a field are text, never presenter keys.
  await page.keyboard.press('h');
  await expect(projector.getByRole('textbox', { name: 'Nytt hinder' })).toBeFocused();
  await page.keyboard.type(OBSTACLE);
  await page.keyboard.press('Enter');
  await expect(projector.getByRole('listitem').filter({ hasText: OBSTACLE })).toBeVisible();
  await page.keyboard.press('m');
  await page.keyboard.type(OPPORTUNITY);
  await scanAxe(page); // with a capture field open
  await page.keyboard.press('Escape'); // closes the field, keeps what was typed
  await expect(projector).toBeVisible();
  await expect(projector.getByRole('listitem').filter({ hasText: OPPORTUNITY })).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(position).toHaveText('Område 2 av 3 · fråga 2 av 8');
  await page.keyboard.press('a');
  await expect(projector.getByRole('textbox', { name: 'Vad' })).toBeFocused();
  await page.keyboard.type(ACTION.what);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACTION.who);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACTION.due);
  await page.keyboard.press('Enter');
  await expect(projector.getByText('Verksamhetschefen · klart senast 2027-03-15')).toBeVisible();
  await expect(projector.getByRole('textbox')).toHaveCount(0); // Enter closed the field
  await page.keyboard.press('n');
  await expect(projector.getByRole('textbox', { name: 'Ny anteckning' })).toBeFocused();
  // The note is typed fast, with letters that are presenter keys, and the page is closed within
  // 100 ms of its last keystroke, without pressing Enter.
  await page.keyboard.type(NOTE);
  const lastKey = Date.now();
  await page.close();
  const closedAfter = Date.now() - lastKey;
  expect(closedAfter).toBeLessThan(100);

  // Reopen: everything is there (what the closed page could not commit comes from its journal,
  // which is then gone).
  const again = await context.newPage();
  await again.setViewportSize({ width: 1920, height: 1080 });
  await again.goto('./#/apt');
  await waitForApp(again);
  await expect.poll(() => again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kapacitet:apt-unsaved:')).length)).toBe(0);
  await expect(again.getByRole('heading', { level: 3, name: AREA1 })).toBeVisible();
  await tabTo(again, AREA2);
  await again.keyboard.press('Enter');
  await expect(again.getByRole('heading', { level: 3, name: AREA2 })).toBeFocused();
  await expect(again.getByRole('textbox', { name: 'Anteckningar 1' })).toHaveValue(NOTE);
  await expect(again.getByRole('textbox', { name: 'Hinder 1' })).toHaveValue(OBSTACLE);
  await expect(again.getByRole('textbox', { name: 'Möjligheter 1' })).toHaveValue(OPPORTUNITY);
  await expect(again.getByRole('textbox', { name: 'Vad, Åtgärd 1' })).toHaveValue(ACTION.what);
  await expect(again.getByRole('textbox', { name: 'Vem, Åtgärd 1' })).toHaveValue(ACTION.who);
  await expect(again.getByRole('textbox', { name: 'Klart senast, Åtgärd 1' })).toHaveValue('2027-03-15');
  await scanAxe(again);

  // And on the projector, area 2 shows them in large type.
  await tabTo(again, 'Visa i storbild');
  await again.keyboard.press('Enter');
  const proj2 = again.getByRole('dialog', { name: `Storbild: ${AREA2}` });
  await expect(proj2).toBeVisible();
  for (const t of [NOTE, OBSTACLE, OPPORTUNITY, ACTION.what]) await expect(proj2.getByRole('listitem').filter({ hasText: t })).toBeVisible();
  await expect(proj2.getByText('Verksamhetschefen · klart senast 2027-03-15')).toBeVisible();
  await scanAxe(again);
  await again.keyboard.press('Escape');
  await expect(proj2).toBeHidden();
  await expect(again.getByRole('button', { name: 'Visa i storbild' })).toBeFocused();

  expect(externalRequests).toEqual([]);
});

test('a personnummer typed on the projector is refused, never stored (not even in part), and the field says why', async ({ page }) => {
  await page.goto('./#/apt');
  await waitForApp(page);
  await tabTo(page, 'Visa i storbild');
  await page.keyboard.press('Enter');
  const projector = page.getByRole('dialog', { name: /^Storbild:/ });
  await page.keyboard.press('h');
  await page.keyboard.type('Patient 19121212-1212 väntar');
  const field = projector.getByRole('textbox', { name: 'Nytt hinder' });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(projector.getByText(/Personnummer sparas aldrig/)).toBeVisible();
  await scanAxe(page);
  const dump = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('kapacitet');
        req.onsuccess = () => {
          const tx = req.result.transaction('workshops');
          const all = tx.objectStore('workshops').getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
        };
      }),
  );
  // Not the number, and no part of it that would fix it (nine digits fix the check digit).
  expect(dump).toContain('Patient');
  expect(dump).not.toMatch(/191212|121212|1212-/);
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toMatch(/191212|121212/);
});

test('an action and the participants typed in the editing view survive a page closed right after the last keystroke', async ({ page, context }) => {
  await page.goto('./#/apt');
  await waitForApp(page);
  await page.getByRole('textbox', { name: 'Deltagare' }).pressSequentially('Eva Ek\nPer Berg', { delay: 5 });
  await page.getByRole('textbox', { name: 'Vad' }).pressSequentially('Ring regionen om listningen', { delay: 5 });
  await page.keyboard.press('Tab');
  await page.keyboard.type('Eva (MLA)');
  const lastKey = Date.now();
  await page.close();
  expect(Date.now() - lastKey).toBeLessThan(100);
  const again = await context.newPage();
  await again.goto('./#/apt');
  await waitForApp(again);
  await expect(again.getByRole('textbox', { name: 'Deltagare' })).toHaveValue('Eva Ek\nPer Berg');
  await expect(again.getByRole('textbox', { name: 'Vad, Åtgärd 1' })).toHaveValue('Ring regionen om listningen');
  await expect(again.getByRole('textbox', { name: 'Vem, Åtgärd 1' })).toHaveValue('Eva (MLA)');
});
