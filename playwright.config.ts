import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4391);
// Each engineer may build into its own folder (E2E_DIST) so parallel builds never clobber dist/.
const DIST = process.env.E2E_DIST ?? 'dist';

// Debian's Chromium, never a downloaded browser (DEVELOPERS.md). Flags keep it off the network.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI_JSON ? [['list'], ['json', { outputFile: '.ci-out/playwright.json' }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    headless: true,
    acceptDownloads: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
