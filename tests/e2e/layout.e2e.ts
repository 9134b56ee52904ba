// The app's frame on a 1366 × 768 laptop (issue 13.1): the header is one row of controls and one row
// of views; on a first visit the offline notice, the welcome panel and the storage strip leave the
// unit part's heading and first inputs in view, and nothing covers anything. At 1024 px and at
// 200 % zoom (683 px, WCAG 1.4.10) the same header wraps without overlap or sideways scrolling.
import { test, expect, waitForApp, scanAxe, openMoreActions, type Page } from './support';

type Box = { top: number; bottom: number; left: number; right: number; height: number };

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, selector).not.toBeNull();
  return { top: b!.y, bottom: b!.y + b!.height, left: b!.x, right: b!.x + b!.width, height: b!.height };
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The header's visible controls: none overlaps another, none sticks out of the window. */
async function headerControlsApart(page: Page): Promise<void> {
  const r = await page.evaluate(() => {
    const els = Array.from(document.querySelectorAll<HTMLElement>('header .app-title, header select, header label, header button, header summary, header nav a, header .plan-in-view, header .save-state'))
      .filter((e) => e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }));
    const boxes = els.map((e) => {
      const b = e.getBoundingClientRect();
      return { name: `${e.tagName} ${(e.textContent ?? '').trim().slice(0, 24)}`, top: b.top, bottom: b.bottom, left: b.left, right: b.right };
    });
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        // The plan-in-view paragraph holds its badges: containment is not overlap.
        if (els[i].contains(els[j]) || els[j].contains(els[i])) continue;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps.push(`${a.name} × ${b.name}`);
      }
    }
    const vw = document.documentElement.clientWidth;
    const outside = boxes.filter((b) => b.left < 0 || b.right > vw + 0.5).map((b) => b.name);
    return { overlaps, outside, count: boxes.length, scrolls: document.documentElement.scrollWidth > vw };
  });
  expect(r.count).toBeGreaterThan(15);
  expect(r.overlaps).toEqual([]);
  expect(r.outside).toEqual([]);
  expect(r.scrolls).toBe(false);
}

/** Distinct rows (by top edge) that the given elements sit on. */
async function rowsOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const tops = Array.from(document.querySelectorAll<HTMLElement>(sel)).filter((e) => e.checkVisibility({ contentVisibilityAuto: true })).map((e) => e.getBoundingClientRect());
    const rows: { top: number; bottom: number }[] = [];
    for (const t of tops) {
      // Same row: the boxes share some height (they are centred on one line, whatever their size).
      if (!rows.some((r) => t.top < r.bottom && r.top < t.bottom)) rows.push({ top: t.top, bottom: t.bottom });
    }
    return rows.length;
  }, selector);
}

test.describe('at 1366 × 768, a first visit in a fresh browser', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the header is two rows, the unit part starts in view, and no notice covers anything', async ({ page }) => {
    await page.goto('./#/enhet');
    await waitForApp(page);
    await expect(page.getByTestId('first-run')).toBeVisible();
    // The service worker's "works offline" notice and the storage strip, as on a real first visit.
    await expect(page.getByTestId('offline-ready-notice')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('storage-warning')).toBeVisible();

    const header = await box(page, 'header.app-header');
    expect(header.height).toBeLessThanOrEqual(100);
    // One row of controls (title, unit, plan, the plan in view, import/export, Fler val) …
    expect(await rowsOf(page, 'header .bar > *, header .bar .actions > *')).toBe(1);
    // … and one row of views with Ångra, Gör om and Sparat at its end.
    expect(await rowsOf(page, 'header .tabs nav a, header .tabs .toolbar > *')).toBe(1);
    await headerControlsApart(page);

    // Each notice is one line (its box no taller than two lines of its text would need).
    const notice = await box(page, '[data-testid="offline-ready-notice"]');
    const strip = await box(page, '[data-testid="storage-warning"]');
    expect(notice.height).toBeLessThanOrEqual(44);
    expect(strip.height).toBeLessThanOrEqual(44);

    // Nothing covers anything: header, notice, welcome, strip, the unit's heading, in that order.
    const welcome = await box(page, '[data-testid="first-run"]');
    const welcomeHeading = await box(page, '#first-run-h');
    const unitHeading = await box(page, 'main h2:has-text("Enhetsdel")');
    const stack = [header, notice, welcome, strip, unitHeading];
    for (let i = 1; i < stack.length; i++) expect(stack[i].top, `box ${i} starts below box ${i - 1}`).toBeGreaterThanOrEqual(stack[i - 1].bottom - 0.5);
    expect(intersects(notice, welcomeHeading)).toBe(false);
    expect(intersects(notice, unitHeading)).toBe(false);

    // The unit part's heading and its first inputs are in view without scrolling.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByRole('heading', { level: 2, name: /^Enhetsdel:/ })).toBeInViewport({ ratio: 1 });
    for (const label of ['Enhetens namn', 'Listade invånare']) await expect(page.getByLabel(label, { exact: true })).toBeInViewport({ ratio: 1 });
    await scanAxe(page);
  });

  test('keyboard order through the header, and "Fler val" opens in the flow with its three actions', async ({ page }) => {
    await page.goto('./#/enhet');
    await waitForApp(page);
    await expect(page.getByTestId('first-run')).toBeVisible();
    const seen: string[] = [];
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        return a.id ? `#${a.id}` : (a.textContent ?? '').trim();
      }));
    }
    expect(seen).toEqual(['Hoppa till innehållet', '#unit-select', '#plan-select', 'Importera Excel', 'Exportera Excel', 'Fler val', 'Enhet', 'Läkare']);

    const main = await box(page, 'main');
    // Opened from the keyboard: its actions follow it in the tab order; the page moves down, nothing is covered.
    await page.locator('header summary').focus();
    await page.keyboard.press('Enter');
    const more = page.locator('header details.more');
    await expect(more).toHaveAttribute('open', '');
    for (const name of ['Ny tom enhet', 'Importera listning', 'Ta bort enheten']) await expect(more.getByRole('button', { name })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(more.getByRole('button', { name: 'Ny tom enhet' })).toBeFocused();
    const header = await box(page, 'header.app-header');
    const mainAfter = await box(page, 'main');
    expect(mainAfter.top).toBeGreaterThanOrEqual(header.bottom);
    expect(mainAfter.top).toBeGreaterThanOrEqual(main.top);
    await headerControlsApart(page);
    await scanAxe(page, 'header');
  });

  test('with the demo in a scenario the plan stays named with its marks, and the header does not overlap', async ({ page }) => {
    await page.goto('./');
    await waitForApp(page);
    await page.getByTestId('first-run').getByRole('button', { name: 'Titta på exemplet' }).click();
    await expect(page.getByTestId('first-run')).toHaveCount(0);
    await page.locator('#plan-select').selectOption({ label: 'Exempel: en ST-läkare till' });
    const named = page.getByTestId('plan-in-view');
    await expect(named.locator('.scenario-badge')).toBeVisible();
    await expect(named.locator('.demo-badge')).toBeVisible();
    await expect(named).toBeInViewport({ ratio: 1 });
    await headerControlsApart(page);
    await page.goto('./#/lakare');
    await expect(page.getByRole('grid', { name: 'Läkare' })).toBeVisible({ timeout: 15_000 });
    await headerControlsApart(page);
  });
});

for (const width of [1024, 683]) {
  test.describe(`at ${width} × 768 (${width === 683 ? '200 % zoom of 1366' : 'a small laptop'})`, () => {
    test.use({ viewport: { width, height: 768 } });

    test('the header wraps by groups: every control visible, none overlapping, no sideways scroll', async ({ page }) => {
      await page.goto('./#/enhet');
      await waitForApp(page);
      await expect(page.getByTestId('first-run')).toBeVisible();
      await headerControlsApart(page);
      await openMoreActions(page);
      await headerControlsApart(page);
      for (const name of ['Importera Excel', 'Exportera Excel', 'Ny tom enhet', 'Importera listning', 'Ta bort enheten', 'Ångra']) {
        await expect(page.locator('header').getByRole('button', { name, exact: false }).first()).toBeVisible();
      }
      await expect(page.locator('header nav a')).toHaveCount(11);
      const welcome = await box(page, '[data-testid="first-run"]');
      const header = await box(page, 'header.app-header');
      expect(welcome.top).toBeGreaterThanOrEqual(header.bottom);
    });
  });
}
