/**
 * Chromium for the benches: Debian's /usr/bin/chromium with the project's launch flags
 * (playwright.config.ts), never a downloaded browser. `runBundleInChromium` bundles a small entry
 * module with Vite into one script, loads it into a blank page and hands that page to the bench.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('../../playwright.config');
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/**
 * Writes `entrySource` (TypeScript; it sets the globals the bench calls) to a temp folder, bundles it
 * as one IIFE, loads it into about:blank in Chromium and runs `measure` with the page. Cleans up after.
 */
export async function runBundleInChromium<T>(name: string, entrySource: string, measure: (page: Page) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `kapacitet-${name}-bench-`));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, entrySource);
    const { build } = await import('vite');
    await build({
      configFile: false,
      root: dir,
      logLevel: 'warn',
      build: { outDir: join(dir, 'out'), emptyOutDir: true, minify: true, target: 'es2022', lib: { entry, formats: ['iife'], name: `${name}Bench`, fileName: () => 'bench.js' } },
    });
    const code = readFileSync(join(dir, 'out', 'bench.js'), 'utf8');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto('about:blank');
      await page.addScriptTag({ content: code });
      return await measure(page);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
