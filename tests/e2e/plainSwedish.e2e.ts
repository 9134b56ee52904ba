// Plain Swedish only (issue 10.4): the visible text of every view of the built app — each view's innerText
// in Chromium, every tab of a view, its charts' tables, and the explanation dialogs open — plus what a
// pointer or a screen reader gives (title, aria-label, placeholder), for the demo and a generated 40-doctor
// unit, holds none of the engine's field names, rule codes, profile ids, category or duty codes, no
// "domain.md" or "§", and no second word for a concept we name one way. The views are collected from the
// app's own navigation, which the router builds (VIEW_IDS): a new route is walked without editing this file.
import { readFileSync } from 'node:fs';
import { test, expect, waitForApp, type Page, importAsNewUnit } from './support';
import { serializePlan } from '../../src/lib/engine/index';
import { internalWordsIn } from '../lib/strings/internalWords';
import { fortyDoctorPlan } from '../fixtures/fortyDoctors';

/** The router's views, read from its source (a .svelte.ts module cannot be imported into Node). */
function routerViews(): string[] {
  const src = readFileSync(new URL('../../src/lib/ui/router.svelte.ts', import.meta.url), 'utf8');
  const m = /export const VIEW_IDS = \[([^\]]*)\]/.exec(src);
  return [...(m?.[1] ?? '').matchAll(/'([a-z]+)'/g)].map((x) => x[1]);
}

/** Everything a user reads or hears on the page now. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = Array.from(document.querySelectorAll('[title],[aria-label],[placeholder],[aria-description]'))
      .filter((el) => !(el as HTMLElement).closest('[hidden]'))
      .flatMap((el) => ['title', 'aria-label', 'placeholder', 'aria-description'].map((a) => el.getAttribute(a) ?? ''));
    return [document.title, document.body.innerText, ...attrs].join('\n');
  });
}

/** The texts of up to `max` explanation dialogs of the view, spread over its explain buttons. */
async function explanations(page: Page, max: number): Promise<{ path: string; text: string }[]> {
  const buttons = page.locator('main button[data-explain-path]:visible');
  const n = await buttons.count();
  const picks = n <= max ? [...Array(n).keys()] : Array.from({ length: max }, (_x, i) => Math.floor((i * n) / max));
  const out: { path: string; text: string }[] = [];
  for (const i of picks) {
    const b = buttons.nth(i);
    await b.scrollIntoViewIfNeeded();
    await b.click();
    const dialog = page.locator('dialog[open]');
    await expect(dialog).toBeVisible();
    out.push({ path: (await b.getAttribute('data-explain-path')) ?? '', text: await dialog.innerText() });
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
  }
  return out;
}

async function walk(page: Page, label: string): Promise<{ views: string[]; problems: string[] }> {
  const hrefs = await page.locator('header nav a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const views = hrefs.map((h) => h.slice(2));
  const problems: string[] = [];
  for (const view of views) {
    await page.goto(`./#/${view}`);
    await waitForApp(page);
    await expect(page.locator(`main[data-view="${view}"] h2`).first()).toBeVisible();
    await page.waitForTimeout(300);
    const tabs = page.locator('main [role="tab"]');
    const tabCount = await tabs.count();
    for (let t = 0; t < Math.max(1, tabCount); t++) {
      if (tabCount > 0) await tabs.nth(t).click();
      // Charts' tables open ("Visa som tabell"), so their numbers are read too.
      const tableButtons = page.locator('main button:visible', { hasText: 'Visa som tabell' });
      for (let i = (await tableButtons.count()) - 1; i >= 0; i--) await tableButtons.nth(i).click();
      const where = `${label} #/${view}${tabCount > 0 ? ` (flik ${t + 1})` : ''}`;
      const texts = [{ path: '', text: await visibleText(page) }, ...(await explanations(page, 12))];
      for (const { path, text } of texts) for (const p of internalWordsIn(text)) problems.push(`${where}${path ? ` (uträkning ${path})` : ''}: ${p}`);
    }
  }
  return { views, problems };
}

test.describe.configure({ timeout: 300_000 });

test('every view of the demo, its tabs, chart tables and explanations speak plain Swedish', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./#/enhet');
  await waitForApp(page);
  const { views, problems } = await walk(page, 'demo');
  // Every route of the router is in the navigation, so every route was walked.
  expect(views.sort()).toEqual(routerViews().sort());
  expect(problems).toEqual([]);
});

test('every view of a 40-doctor unit speaks plain Swedish', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./#/installningar');
  await waitForApp(page);
  await page.getByLabel('Läs in planfil').setInputFiles({ name: 'fyrtio.kapacitet.json', mimeType: 'application/json', buffer: Buffer.from(serializePlan(fortyDoctorPlan())) });
  // Imports ask first (issue 11): as a new unit, the default.
  await importAsNewUnit(page);
  await expect(page.getByText('Planfilen lästes in.')).toBeVisible();
  const { problems } = await walk(page, '40 läkare');
  expect(problems).toEqual([]);
});
