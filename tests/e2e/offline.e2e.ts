// Offline-first (owner OFFLINE): after one visit the app loads and works with the network off —
// every view (also those never opened online, i.e. lazily loaded chunks), edits that survive reloads,
// and every precached file (SheetJS chunk, io worker) served by the service worker.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { test, expect, waitForApp, type BrowserContext, type Page, importAsNewUnit } from './support';

const VIEWS: { hash: string; link: string }[] = [
  { hash: 'enhet', link: 'Enhet' },
  { hash: 'lakare', link: 'Läkare' },
  { hash: 'diagram', link: 'Diagram' },
  { hash: 'scenarier', link: 'Scenarier' },
  { hash: 'apt', link: 'APT' },
  { hash: 'uppfoljning', link: 'Uppföljning' },
  { hash: 'rapport', link: 'Rapport' },
  { hash: 'installningar', link: 'Inställningar' },
];

/** First visit: wait until the service worker is active and controls the page (after one reload). */
async function installServiceWorker(page: Page, checkNotice = false): Promise<void> {
  await page.goto('./');
  await waitForApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (checkNotice) {
    // The calm "works offline now" notice (UpdateNotice, role=status) appears once everything is cached.
    const notice = page.getByRole('status').filter({ has: page.getByTestId('offline-ready-notice') });
    await expect(notice).toContainText('Kapacitet fungerar nu utan nätverk');
  }
  // registerType 'prompt' does not claim open pages; the next load is controlled.
  await page.reload();
  await waitForApp(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/**
 * Cuts the network two ways: the browser is offline, and any request that still reaches the network
 * layer is aborted and recorded — so a file missing from the precache shows up by name.
 */
async function cutNetwork(context: BrowserContext): Promise<string[]> {
  const reachedNetwork: string[] = [];
  await context.route('**/*', (route) => {
    reachedNetwork.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  return reachedNetwork;
}

test('after one visit the app loads, edits, exports, imports and persists with the network off', async ({ page, context }, testInfo) => {
  await installServiceWorker(page, true);
  const reachedNetwork = await cutNetwork(context);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  // Proof that the server cannot be reached: a request the precache does not hold fails.
  const direct = await page.evaluate(() =>
    fetch(`/index.html?bypass=${Date.now()}`, { cache: 'no-store' }).then(
      (r) => `status ${r.status}`,
      () => 'failed',
    ),
  );
  expect(direct).toBe('failed');
  expect(reachedNetwork).toHaveLength(1);
  reachedNetwork.length = 0;

  // Reload with the network off: the app shell, data and first view come from the SW + IndexedDB.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 2, name: /Enhetsdel/ })).toBeVisible();

  // Edit a unit input offline.
  const listed = page.getByLabel('Listade invånare', { exact: true });
  const before = await listed.inputValue();
  const next = before.replace(/\D/g, '') === '12345' ? '12346' : '12345';
  await listed.fill(next);
  await listed.press('Enter');
  await expect(page.getByText('Sparat lokalt')).toBeVisible();
  await expect(listed).toHaveValue(/12\s?34[56]/);

  // Reload (still offline): the edit is stored.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel('Listade invånare', { exact: true })).toHaveValue(/12\s?34[56]/);
  expect(await page.getByLabel('Listade invånare', { exact: true }).inputValue()).not.toBe(before);

  // Every view — most of them never loaded while online — opens offline.
  for (const v of VIEWS) {
    await page.getByRole('link', { name: v.link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${v.hash}`));
    const main = page.locator('main');
    await expect(main.locator('h2').first()).toBeVisible();
    await expect(main.getByText('Appen kunde inte läsa sina data.')).toHaveCount(0);
  }
  // Excel export and import offline: SheetJS chunk and io worker come from the precache.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('io-export').click()]);
  const xlsxPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(xlsxPath);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile(xlsxPath);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a real zip (xlsx) file
  await page.getByTestId('io-import-input').setInputFiles(xlsxPath);
  // Imports never overwrite without asking (issue 11.2): here the plan in view is replaced.
  await page.getByTestId('import-choice').getByRole('radio', { name: /Ersätt planen/ }).check();
  await importAsNewUnit(page);
  await expect(page.getByTestId('io-status')).toContainText(/importerades med \d+ läkare/);
  await expect(page.getByLabel('Listade invånare', { exact: true })).toHaveCount(0); // still on the last view
  await page.getByRole('link', { name: 'Enhet', exact: true }).click();
  await expect(page.getByLabel('Listade invånare', { exact: true })).toHaveValue(/12\s?34[56]/);

  // The report shows the offline edit.
  await page.getByRole('link', { name: 'Rapport', exact: true }).click();
  await expect(page.getByTestId('report')).toContainText(/12\s34[56] patienter/);

  expect(reachedNetwork, 'requests that were not served by the service worker').toEqual([]);
});

test('every precached file (lazy SheetJS chunk, io worker) is served with the network off', async ({ page, context }) => {
  await installServiceWorker(page);
  const precached = await page.evaluate(async () => {
    const keys: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) keys.push(new URL(req.url).pathname);
    }
    return keys;
  });
  expect(precached.length).toBeGreaterThan(5);
  // Lazy code is precached even though it was never requested: every .js/.css under /assets that the
  // build emitted is in the cache (the unit test tests/lib/ui/offline/bundle.test.ts checks the build).
  expect(precached.some((p) => p.startsWith('/assets/') && p.endsWith('.js'))).toBe(true);

  const reachedNetwork = await cutNetwork(context);
  const results = await page.evaluate(async (paths) => {
    const out: { path: string; status: number | string; bytes: number }[] = [];
    for (const path of paths) {
      try {
        const r = await fetch(path);
        out.push({ path, status: r.status, bytes: (await r.arrayBuffer()).byteLength });
      } catch (e) {
        out.push({ path, status: String(e), bytes: 0 });
      }
    }
    return out;
  }, precached);
  const failed = results.filter((r) => r.status !== 200 || r.bytes === 0);
  expect(failed).toEqual([]);
  expect(reachedNetwork).toEqual([]);
});

test('a new tab opened offline starts the app from the service worker', async ({ page, context }) => {
  await installServiceWorker(page);
  const reachedNetwork = await cutNetwork(context);
  const second = await context.newPage();
  await second.goto('./#/rapport');
  await waitForApp(second);
  await expect(second.getByTestId('report')).toContainText('Kapacitetsplan');
  expect(reachedNetwork).toEqual([]);
});

test('a new version waits for the user: calm notice, "Senare" keeps the page, "Ladda om nu" reloads into it', async ({ page }) => {
  await installServiceWorker(page);
  // A new deployment: the served sw.js changes (playwright cannot route a service worker's own script).
  const swPath = join(process.env.E2E_DIST ?? 'dist', 'sw.js');
  const original = await readFile(swPath, 'utf8');
  try {
    await writeFile(swPath, `${original}\n// update test ${Date.now()}\n`);
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });
    const checkForUpdate = () =>
      page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
    await checkForUpdate();
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText('En ny version av Kapacitet finns');
    await expect(page.getByRole('status').filter({ has: notice })).toBeVisible();

    // "Senare": the notice goes, nothing reloads (no silent reload mid-edit), the new version waits.
    await notice.getByRole('button', { name: 'Senare' }).press('Enter');
    await expect(notice).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');

    // Opening the app again offers the waiting version; "Ladda om nu" (keyboard) activates it and reloads.
    await page.reload();
    await waitForApp(page);
    const again = page.getByTestId('update-notice');
    await expect(again).toBeVisible();
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'before update';
    });
    await again.getByRole('button', { name: 'Ladda om nu' }).focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await waitForApp(page);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker ?? 'reloaded')).toBe('reloaded');
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    const after = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: r?.waiting?.state ?? null, active: r?.active?.state };
    });
    expect(after).toEqual({ waiting: null, active: 'activated' });
  } finally {
    await writeFile(swPath, original);
  }
});

test('survives a browser restart: the same profile opens offline with the edit', async ({ baseURL }) => {
  // A persistent profile on disk, closed and relaunched — what a user's browser does overnight.
  const profile = await mkdtemp(join(tmpdir(), 'kapacitet-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
      baseURL,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
  try {
    const first = await launch();
    const page = first.pages()[0] ?? (await first.newPage());
    await installServiceWorker(page);
    const listed = page.getByLabel('Listade invånare', { exact: true });
    await listed.fill('23 456');
    await listed.press('Enter');
    await expect(page.getByText('Sparat lokalt')).toBeVisible();
    await expect(listed).toHaveValue(/23\s?456/);
    await first.close();

    const second = await launch();
    const reachedNetwork = await cutNetwork(second);
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto('./');
    await waitForApp(again);
    await expect(again.getByLabel('Listade invånare', { exact: true })).toHaveValue(/23\s?456/);
    expect(reachedNetwork).toEqual([]);
    await second.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('two tabs: accepting the new version in one tab never reloads the other, whose unsaved input stays', async ({ page, context }) => {
  await installServiceWorker(page);
  const other = await context.newPage();
  await other.goto('./#/lakare');
  await waitForApp(other);
  await expect.poll(() => other.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const swPath = join(process.env.E2E_DIST ?? 'dist', 'sw.js');
  const original = await readFile(swPath, 'utf8');
  try {
    await writeFile(swPath, `${original}\n// two-tab update test ${Date.now()}\n`);
    // The other tab: a name being typed in the grid, not committed yet.
    await other.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });
    const row = other.getByRole('grid', { name: 'Läkare' }).locator('tbody tr').first();
    await row.locator('[data-col="name"]').click();
    await other.keyboard.press('F2');
    await other.locator('.cell-editor').press('Control+A');
    await other.locator('.cell-editor').pressSequentially('Halvskrivet namn', { delay: 5 });

    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText('En ny version av Kapacitet finns');
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Ladda om nu' }).click()]);
    await waitForApp(page);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();

    // The other tab was not reloaded under its user: the page, the open editor and its text are there.
    await other.waitForTimeout(1000);
    expect(await other.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await expect(other.locator('.cell-editor')).toHaveValue('Halvskrivet namn');
    // It is asked instead, and reloads only when its user says so.
    await expect(other.getByTestId('other-tab-updated-notice')).toContainText('Kapacitet har uppdaterats i en annan flik');
  } finally {
    await writeFile(swPath, original);
  }
});
