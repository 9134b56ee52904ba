// The "Rapport" view as a printed A4 document (owner OFFLINE): every section present in the PDF,
// no navigation chrome, tables not cut at the page edge, charts drawn, page numbers.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test, expect, waitForApp, scanAxe, type Page } from './support';

const SECTION_HEADINGS = [
  'Sammanfattning för enheten',
  'Läkarna',
  'Diagram',
  'Anmärkningar',
  'Antaganden och regelvärden',
  'Tidsmodellens antaganden',
];
/** App chrome that must never reach paper. */
const CHROME = ['Hoppa till innehållet', 'Ny tom enhet', 'Ta bort enheten', 'Gör om', 'Skriv ut / spara som PDF', 'Visa som tabell', 'Dölj tabellen', 'Spara säkerhetskopia'];

const hasPoppler = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every((p) => existsSync(p));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function openReport(page: Page) {
  await page.goto('./#/rapport');
  await waitForApp(page);
  await expect(page.locator('[data-section="assumptions"]')).toBeVisible();
  // Charts are drawn by a lazily loaded Chart.js; wait until every canvas has pixels.
  await expect
    .poll(() => page.locator('[data-testid="report"] canvas').evaluateAll((cs) => cs.every((c) => (c as HTMLCanvasElement).width > 0)))
    .toBe(true);
}

/** What the report says on screen: title, meta data, doctor names (the PDF must carry all of it). */
async function reportFacts(page: Page) {
  const report = page.getByTestId('report');
  return {
    title: squash(await report.locator('h2#report-title').innerText()),
    meta: (await report.locator('.report-meta dd').allInnerTexts()).map(squash),
    doctors: (await report.locator('table.doctors tbody th[scope="row"]').allInnerTexts()).map(squash),
    findings: (await report.locator('.findings li').allInnerTexts()).map(squash),
  };
}

test('the report is titled, dated, accessible and prints from a keyboard-reachable button', async ({ page }) => {
  await openReport(page);
  const facts = await reportFacts(page);
  expect(facts.title).toMatch(/^Kapacitetsplan – \S/);
  expect(facts.doctors.length).toBeGreaterThan(0);
  // dated: <time datetime="YYYY-MM-DD"> with a Swedish long date
  const time = page.locator('.report-meta time');
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(time).toHaveText(/^\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}$/);
  for (const h of SECTION_HEADINGS) await expect(page.getByRole('heading', { name: h, exact: true })).toBeVisible();
  await expect(page.getByText('lokalt antagande').first()).toBeVisible();
  await scanAxe(page, '[data-testid="report"]');

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  const button = page.getByRole('button', { name: 'Skriv ut / spara som PDF' });
  await button.focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

test('print media: no chrome, every section visible, tables fit the A4 width, charts drawn', async ({ page }) => {
  await openReport(page);
  // A4 portrait minus the 12 mm side margins of src/print.css = 186 mm ≈ 703 CSS px.
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const text = squash(await page.locator('body').innerText());
  for (const h of SECTION_HEADINGS) expect(text).toContain(h);
  for (const c of CHROME) expect(text, `"${c}" is printed`).not.toContain(c);
  await expect(page.locator('nav').first()).toBeHidden();
  await expect(page.locator('header.app-header')).toBeHidden();

  const overflow = await page.locator('[data-testid="report"] table').evaluateAll((tables) =>
    tables
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { caption: t.querySelector('caption, th')?.textContent ?? '', right: r.right, width: document.documentElement.clientWidth };
      })
      .filter((t) => t.right > t.width + 1),
  );
  expect(overflow, 'tables wider than the printable A4 width').toEqual([]);

  // Polled: under load a chart may draw a frame or two after the print media switch.
  const blankCanvases = () => page.locator('[data-testid="report"] canvas').evaluateAll((canvases) =>
    canvases.filter((c) => {
      const el = c as HTMLCanvasElement;
      const data = el.getContext('2d')?.getImageData(0, 0, el.width, el.height).data;
      if (!data) return true;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return false;
      return true;
    }).length,
  );
  await expect.poll(blankCanvases, { message: 'a chart canvas is empty', timeout: 10_000 }).toBe(0);
});

test('the A4 PDF holds every section, the title, date, profile and every doctor', async ({ page }, testInfo) => {
  test.skip(!hasPoppler, 'poppler-utils (pdftotext, pdfinfo) is not installed');
  await openReport(page);
  const facts = await reportFacts(page);
  const pdfPath = testInfo.outputPath('rapport.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });

  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }));
  // A4 portrait is 595 × 842 pt (Chromium rounds 8.27 × 11.7 in).
  expect(Math.abs(Number(size?.[1]) - 595)).toBeLessThan(2);
  expect(Math.abs(Number(size?.[2]) - 842)).toBeLessThan(2);
  expect(pages).toBeGreaterThanOrEqual(2);
  // Each doctor's chain is printed (issue 10.5): about one A4 page per three doctors on top of the rest.
  expect(pages).toBeLessThanOrEqual(10);

  const pdf = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));
  expect(pdf).toContain(facts.title);
  for (const m of facts.meta) expect(pdf).toContain(m);
  for (const h of SECTION_HEADINGS) expect(pdf).toContain(h);
  for (const name of facts.doctors) expect(pdf).toContain(name);
  for (const f of facts.findings) expect(pdf).toContain(f.slice(0, 40));
  expect(pdf).toContain('lokalt antagande');
  expect(pdf).toContain(`Sida 1 av ${pages}`);
  for (const c of CHROME) expect(pdf, `"${c}" is printed`).not.toContain(c);
});

test('on a 1366 px screen the report fits the width (no sideways scrolling)', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openReport(page);
  await expect(page.locator('table.report-table.doctors')).toBeVisible();
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
});
