// Migrations refuse what they cannot keep (issue 12.6), in Chromium's real IndexedDB: a database of a
// newer version is shown read-only and never written; doctors that share an id in a v1 database are all
// kept, with a notice the user sees once.
import { test, expect, waitForApp, scanAxe, type Page } from './support';

const LISTED = 'Listade invånare';

/** Raw IndexedDB work on the app's origin without the app running (the icon is a plain file). */
async function onOriginWithoutApp(page: Page): Promise<void> {
  await page.goto('./icon.svg');
}

/** Bumps the app's database to native version `native` (Dexie version native/10) with one more store. */
async function upgradeToNewer(page: Page, native: number): Promise<void> {
  await page.evaluate(
    (version) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('kapacitet', version);
        req.onupgradeneeded = () => req.result.createObjectStore('kommande', { keyPath: 'id' });
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
        req.onblocked = () => undefined; // the app's tab lets go (versionchange) and the open proceeds
      }),
    native,
  );
}

async function dump(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('kapacitet');
        req.onsuccess = async () => {
          const db = req.result;
          const out: Record<string, unknown> = { version: db.version };
          for (const name of Array.from(db.objectStoreNames).sort()) {
            out[name] = await new Promise((res) => {
              const r = db.transaction(name, 'readonly').objectStore(name).getAll();
              r.onsuccess = () => res(r.result);
            });
          }
          db.close();
          resolve(JSON.stringify(out));
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

test('a newer version upgrades the data: the open tab says so; reopened, it shows the plans read-only and writes nothing', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  const other = await page.context().newPage();
  await onOriginWithoutApp(other);
  await upgradeToNewer(other, 40); // schema v4: one above this app's LATEST_VERSION (3, the undo history)
  await expect(page.getByRole('alert')).toContainText('Kapacitet har uppdaterats i en annan flik');
  await page.screenshot({ path: 'test-results/migrations-upgraded-elsewhere.png' });

  await page.reload();
  await waitForApp(page);
  const before = await dump(other);
  await expect(page.getByTestId('read-only-notice')).toContainText('Den här webbläsaren har data från en nyare version av Kapacitet');
  // The figures are there to look at.
  await expect(page.getByLabel(LISTED, { exact: true })).toHaveValue(/\d/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/migrations-read-only.png' });
  await scanAxe(page);
  // An edit is refused with the same message and the figure goes back.
  const field = page.getByLabel(LISTED, { exact: true });
  const shown = await field.inputValue();
  await field.fill('12345');
  await field.press('Enter');
  await expect(page.locator('.error-box[role="alert"]').filter({ hasText: 'kan visa planerna men inte ändra dem' })).toHaveCount(2);
  await expect(field).toHaveValue(shown);
  await page.waitForTimeout(300);
  expect(await dump(other)).toBe(before);
});

test('doctors of a v1 plan that share an id are all there after the upgrade, with a notice shown once', async ({ page }) => {
  await onOriginWithoutApp(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        // Exactly what the v1 app left: Dexie version 1 = native 10, doctors inside the plan row.
        const req = indexedDB.open('kapacitet', 10);
        req.onupgradeneeded = () => {
          const db = req.result;
          db.createObjectStore('units', { keyPath: 'id' }).createIndex('name', 'name');
          db.createObjectStore('plans', { keyPath: 'id' }).createIndex('unitId', 'unitId');
          db.createObjectStore('settings', { keyPath: 'key' });
          db.createObjectStore('ruleProfiles', { keyPath: 'id' });
        };
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['units', 'plans', 'settings'], 'readwrite');
          const doctor = (id: string, name: string, listed: number) => ({ id, name, category: 'specialist', employment: 1, duties: [], absenceWeeks: 0, listed });
          tx.objectStore('units').put({ id: 'unit-1', name: 'Vårdcentralen Dubbel', createdAt: 1, updatedAt: 1 });
          tx.objectStore('plans').put({
            id: 'plan-1', unitId: 'unit-1', name: 'Nuläge', kind: 'current', createdAt: 1, updatedAt: 1,
            body: {
              format: 'kapacitet/plan', version: 1, profile: 'national', model: 'guideline',
              unit: { name: 'Vårdcentralen Dubbel', listed: 5000, careWeight: 1, withNamedDoctor: 2000, targetCoverage: 1,
                priority: { multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 } },
              time: {},
              doctors: [doctor('d3', 'Sara Nilsson', 900), doctor('d3', 'Sara Nyström', 700)],
            },
          });
          tx.objectStore('settings').put({ key: 'seeded', value: true });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./#/lakare');
  await waitForApp(page);
  const notice = page.getByRole('region', { name: 'Meddelanden om dina sparade uppgifter' });
  await expect(notice).toContainText('”Sara Nyström” hade samma interna nummer som en annan läkare i planen och har fått ett eget nummer');
  await expect(page.getByText('Sara Nilsson').first()).toBeVisible();
  await expect(page.getByText('Sara Nyström').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/migrations-duplicate-notice.png' });
  await scanAxe(page);
  await notice.getByRole('button', { name: 'Stäng meddelandet' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByText('Sara Nyström').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Meddelanden om dina sparade uppgifter' })).toHaveCount(0);
});
