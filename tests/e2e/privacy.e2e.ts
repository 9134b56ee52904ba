// Private by construction (owner OFFLINE): a full session — every view, edits, export, import, print —
// makes no request that leaves this computer (nor any attempt the CSP had to block), the server sends
// the strict CSP, and nothing stored in the browser looks like a personal identity number.
import { readFile } from 'node:fs/promises';
import { looksLikePersonnummer } from '../../src/lib/engine/personnummer';
import { test, expect, waitForApp, type Page, importAsNewUnit } from './support';

const VIEWS = ['Enhet', 'Läkare', 'Diagram', 'Scenarier', 'APT', 'Uppföljning', 'Rapport', 'Inställningar'];
const PERSONNUMMER = '19121212-1212'; // Skatteverket's well-known test number (valid Luhn)

/** Every string stored in every IndexedDB database of the page (values, not keys of the schema). */
async function storedStrings(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') out.push(v);
      else if (typeof v === 'number') out.push(String(v));
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        walk(all);
      }
      db.close();
    }
    return out;
  });
}

test('the server sends the strict Content-Security-Policy and privacy headers', async ({ page }) => {
  const response = await page.goto('./');
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/https?:|\*/);
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  // …and the same policy is in the page itself (it also holds when the file is served another way).
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp.startsWith(meta!)).toBe(true);
});

test('a full session sends nothing anywhere and stores no personnummer', async ({ page, externalRequests }, testInfo) => {
  await page.goto('./');
  await waitForApp(page);

  // Every view.
  for (const name of VIEWS) {
    await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await expect(page.locator('main h2').first()).toBeVisible();
  }

  // Edit the unit; try to store a personnummer as the unit's name — it must be refused.
  await page.getByRole('navigation').getByRole('link', { name: 'Enhet', exact: true }).click();
  const listed = page.getByLabel('Listade invånare', { exact: true });
  await listed.fill('10 200');
  await listed.press('Enter');
  await expect(listed).toHaveValue(/10\s200/);
  const unitName = page.getByLabel('Enhetens namn', { exact: true });
  await unitName.fill(PERSONNUMMER);
  await unitName.press('Enter');
  await unitName.blur();
  await expect(page.getByRole('alert').first()).toContainText(/personnummer/i);

  // Export the plan file (Inställningar).
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar', exact: true }).click();
  const [planDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Spara planfil' }).click(),
  ]);
  const planPath = testInfo.outputPath(planDownload.suggestedFilename());
  await planDownload.saveAs(planPath);
  const planText = await readFile(planPath, 'utf8');
  expect(planText).toContain('"kapacitet/plan"');
  expect(planText).not.toContain(PERSONNUMMER);

  // Excel export and import (IO's toolbar): SheetJS runs in the io worker, locally.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera Excel' }).click()]);
  const xlsxPath = testInfo.outputPath(xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Importera Excel' }).click()]);
  await chooser.setFiles(xlsxPath);
  await importAsNewUnit(page);
  await expect(page.getByTestId('io-status')).toContainText(/importerades med \d+ läkare/);

  // Import the plan file back (restore from file).
  await page.getByLabel('Läs in planfil').setInputFiles(planPath);
  await importAsNewUnit(page);
  await expect(page.getByText('Planfilen lästes in.')).toBeVisible();

  // The report, printed to PDF.
  await page.getByRole('navigation').getByRole('link', { name: 'Rapport', exact: true }).click();
  await expect(page.getByTestId('report')).toContainText('Kapacitetsplan');
  await page.pdf({ format: 'A4' });

  // Nothing left the machine — neither sent nor attempted (CSP refusals are recorded too).
  await page.waitForTimeout(500);
  expect(externalRequests).toEqual([]);

  // Nothing stored looks like a personnummer.
  const stored = await storedStrings(page);
  expect(stored.length).toBeGreaterThan(10);
  expect(stored.filter((s) => looksLikePersonnummer(s) || s.includes(PERSONNUMMER))).toEqual([]);
});

test('the recorder is not blind: an attempted external request is caught', async ({ page, externalRequests }) => {
  await page.goto('./');
  await waitForApp(page);
  await page.evaluate(() => fetch('https://telemetry.example.com/collect').catch(() => undefined));
  await expect.poll(() => externalRequests.length).toBeGreaterThan(0);
  expect(externalRequests.join('\n')).toContain('telemetry.example.com');
});
