// Shared e2e helpers (owner OFFLINE). Every e2e file imports `test`/`expect` from here:
//   import { test, expect, waitForApp, scanAxe, recordExternalRequests } from './support';
// Playwright already gives each test a fresh BrowserContext (own IndexedDB, own service worker,
// own caches); the fixture below makes that explicit and adds a per-test external-request log.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

export { expect };
export type { BrowserContext, Page };

/** Hosts that count as "this machine". Anything else is a request leaving the computer. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Schemes that never touch the network (inline data, in-page blobs, the devtools/browser internals). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:', 'devtools:', 'file:']);

/** True when `url` would leave this computer (any host other than 127.0.0.1/localhost). */
export function isExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true; // unparseable: treat as suspicious rather than silently allowing it
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return false;
  return !LOCAL_HOSTS.has(parsed.hostname);
}

/**
 * Starts recording every request made by `target` (a page, or a whole context so that service-worker
 * and worker requests are included) and returns the live list of URLs that left localhost.
 * Read the array at the end of the test: `expect(external).toEqual([])`.
 */
export function recordExternalRequests(target: Page | BrowserContext): string[] {
  const external: string[] = [];
  target.on('request', (request) => {
    const url = request.url();
    if (isExternalUrl(url)) external.push(`${request.method()} ${url}`);
  });
  // On a context this also sees the service worker's own fetches (Chromium reports them there).
  // The CSP blocks an external fetch *before* any request event fires, so an attempt would go
  // unnoticed; the browser logs every CSP refusal to the console, which is recorded as well.
  target.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) external.push(`CSP-blocked: ${text}`);
  });
  return external;
}

type Fixtures = {
  /** Every URL requested during the test that left localhost (recorded on the whole context). */
  externalRequests: string[];
};

/**
 * `test` with a fresh browser context per test (Playwright's default `context`/`page` fixtures are
 * test-scoped: nothing — IndexedDB, caches, service workers — survives from one test to the next).
 */
export const test = base.extend<Fixtures>({
  externalRequests: async ({ context }, use) => {
    await use(recordExternalRequests(context));
  },
});

/**
 * Answers the question every import asks (issue 11: "Som en ny enhet", the default, or "Ersätt
 * planen") with its default: the file comes in as a new unit.
 */
export async function importAsNewUnit(page: Page, timeout?: number): Promise<void> {
  await page.getByTestId('import-choice').getByRole('button', { name: 'Läs in' }).click(timeout === undefined ? undefined : { timeout });
}

/**
 * Waits until the app reports it has loaded its data: UI sets `data-ready="true"` on `<main>` once
 * `app.ready` is true. Fails with a readable message if the app shows an error instead.
 */
export async function waitForApp(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('main[data-ready="true"]').first().waitFor({ state: 'attached', timeout });
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

type AxeNode = { target: unknown[]; failureSummary?: string; html: string };
type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: AxeNode[] };

/**
 * Runs axe-core on the current page (or within `context`, a CSS selector) and fails listing every
 * violation with impact "serious" or "critical" (rule, help text, offending elements).
 * Returns all violations (including minor/moderate) so a test may log or assert more.
 */
export async function scanAxe(page: Page, context?: string): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // The app's CSP forbids inline scripts; addScriptTag({ path }) injects the file's content inline,
  // so it is run through page.evaluate instead, which CSP does not govern.
  if (!hasAxe) {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(AXE_PATH, 'utf8');
    await page.evaluate(source);
  }
  const violations = await page.evaluate(async (ctx) => {
    const axe = (window as unknown as {
      axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
    }).axe;
    const result = await axe.run(ctx ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })),
    }));
  }, context ?? null);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n` +
      v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html}\n      ${n.failureSummary ?? ''}`).join('\n'))
    .join('\n');
  expect(serious, `axe found serious/critical violations:\n${report}`).toEqual([]);
  return violations;
}

/**
 * Opens the header's "Fler val" (Ny tom enhet, Importera listning, Ta bort enheten: used once in a
 * while, behind a disclosure so the header stays one row on a 1366 px laptop). Left open if it is.
 */
export async function openMoreActions(page: Page): Promise<void> {
  const more = page.locator('header details.more');
  if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await more.locator('summary').click();
}
