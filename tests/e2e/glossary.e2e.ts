// Ordlista och hjälp (issue 10.5): an in-app page reachable from every view (the navigation) and from each
// explanation dialog (a link to the figure's term, which gets focus), accessible, every term with its source.
import { test, expect, waitForApp, scanAxe } from './support';
import { TERMS } from '../../src/lib/strings/glossary.sv';

test('the Ordlista is linked from every view and explains every term with its source', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./#/enhet');
  await waitForApp(page);
  const hrefs = await page.locator('header nav a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) {
    await page.goto(`./${href}`);
    await waitForApp(page);
    await expect(page.locator('header nav a[href="#/ordlista"]'), href).toHaveText('Ordlista och hjälp');
  }
  await page.locator('header nav a[href="#/ordlista"]').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ordlista och hjälp' })).toBeVisible();
  for (const t of TERMS) {
    const el = page.locator(`[data-term="${t.id}"]`);
    await expect(el).toContainText(t.term);
    await expect(el).toContainText('Källa:');
  }
  for (const w of ['Fast vårdkontakt', 'Riktvärde', 'Vårdtyngd', 'Listningspoäng', 'Fiktiv lista', 'UPC', 'Bice–Boxerman', 'Klinisk tjänstgöring', 'Tidsmodellen', 'Överenskommen listlängd', 'Lista på papperet']) {
    await expect(page.locator('.terms')).toContainText(w);
  }
  const defaults = page.locator('table.defaults');
  await expect(defaults).toContainText('1 100');
  await expect(defaults).toContainText('Socialstyrelsen');
  await expect(defaults).toContainText('Kapacitets eget antagande');
  await expect(defaults).toContainText('Regionens regel');
  await scanAxe(page);
});

test('an explanation dialog links to its term, which gets focus', async ({ page }) => {
  await page.goto('./#/enhet');
  await waitForApp(page);
  await page.locator('[data-testid="unit-summary"] button[data-explain-path="unit.gapPatients"]').click();
  const link = page.locator('dialog[open] [data-testid="explain-glossary"]');
  await expect(link).toHaveText('Vad betyder glapp? Se ordlistan');
  await link.click();
  await expect(page.locator('main[data-view="ordlista"]')).toBeVisible();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await expect(page.locator('[data-term="glapp"]')).toBeFocused();

  await page.goto('./#/enhet');
  await waitForApp(page);
  await page.locator('[data-testid="paper-list"] button[data-explain-path="unit.paperListPatients"]').click();
  await page.locator('dialog[open] [data-testid="explain-glossary"]').click();
  await expect(page.locator('[data-term="lista-pa-papperet"]')).toBeFocused();
});
