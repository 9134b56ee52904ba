/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { svelteTesting } from '@testing-library/svelte/vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The Content-Security-Policy has one home: the <meta> tag in index.html. The preview server sends the
// same policy as a header too, plus the directives a <meta> cannot carry (frame-ancestors).
function contentSecurityPolicy(): string {
  const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match) throw new Error('index.html saknar Content-Security-Policy');
  return match[1];
}
const CSP_HEADER = `${contentSecurityPolicy()}; frame-ancestors 'none'`;
// Headers for the production server (`vite preview`, README's run command): nothing leaves the machine.
const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP_HEADER,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export default defineConfig({
  plugins: [
    svelte(),
    // Component tests resolve Svelte's browser build (only under Vitest).
    ...(process.env.VITEST ? [svelteTesting()] : []),
    VitePWA({
      // 'prompt': a new version waits until the user chooses to reload (no silent reload mid-edit).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Kapacitet – planering av fast läkarkontakt',
        short_name: 'Kapacitet',
        lang: 'sv',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Everything the app can load is precached — also the lazily loaded SheetJS chunk and the io
        // worker — so import/export work with the network off after one visit. Source maps stay out.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,webmanifest,woff2,json}'],
        globIgnores: ['**/*.map'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // SheetJS is ~1 MB; anything above this limit would silently be left out of the precache
        // (tests/lib/ui/offline/bundle.test.ts fails if any emitted asset is missing from it).
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  resolve: {
    // Dexie's own ES2018 module build: Dexie's package entry wraps its ES5 UMD build (1,3 KB more
    // gzip in the first view) for the dual-package hazard, which one bundle never has.
    alias: process.env.VITEST ? [] : [{ find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) }],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !/\/src\/lib\/(engine|strings|db)\//.test(id) },
      output: {
        // The first view's whole static graph (Svelte, Dexie, state, engine, the unit view) as one
        // chunk: one request and one gzip dictionary instead of a dozen small files, and nothing that
        // only a later view needs (the grid, the charts, SheetJS) pulled in with it (issue 13: ≤ 100 KB).
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  test: {
    include: ['tests/lib/**/*.test.ts', 'tests/views/**/*.test.ts', 'tests/acceptance/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
