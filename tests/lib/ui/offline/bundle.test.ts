/// <reference types="node" />
// The production build, checked as files (owner OFFLINE): no network at run time, everything precached.
// Builds into a temporary folder (never a stale dist/) — this takes a few seconds.
//
// Why the URL check is shaped like this: a bundle with SheetJS holds ~90 absolute URLs, almost all XML
// namespace identifiers written *into* the xlsx files (never fetched) or documentation links inside
// error messages. Flagging every URL would be noise; flagging none would miss a new CDN/telemetry host.
// So: (1) every URL's host must be on a short list, each with a reason — a new host fails the test and
// forces a human to classify it; (2) structural checks that no network API is handed a literal absolute
// URL, no telemetry channel (beacon, websocket, event stream) exists, no external <script>/<link>/CSS url();
// (3) the CSP that blocks everything else at run time is present and strict.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Hosts that may appear in the bundle, and why they are harmless. */
const ALLOWED_HOSTS: Record<string, string> = {
  'schemas.openxmlformats.org': 'OOXML namespace written into xlsx files (SheetJS)',
  'sheetjs.openxmlformats.org': 'namespace written into xlsx files (SheetJS)',
  'schemas.microsoft.com': 'Office namespace written into xlsx files (SheetJS)',
  'www.w3.org': 'XML/SVG namespaces (SheetJS, Svelte SVG elements)',
  'purl.org': 'Dublin Core namespace in xlsx document properties (SheetJS)',
  'purl.oclc.org': 'OOXML strict namespace (SheetJS)',
  'docs.oasis-open.org': 'OpenDocument namespace (SheetJS ODS support)',
  'openoffice.org': 'OpenOffice namespace (SheetJS ODS support)',
  'macvmlschemauri': 'placeholder namespace id in SheetJS VML comments',
  'sheetjs.com': 'SheetJS version/error text',
  'oss.sheetjs.com': 'SheetJS error text',
  'bugs.documentfoundation.org': 'comment/error text in SheetJS',
  'bugs.chromium.org': 'comment/error text in SheetJS',
  'svelte.dev': 'documentation link in Svelte error messages',
  'github.com': 'documentation link in library error messages',
  'developer.mozilla.org': 'documentation link in library comments',
  'dexie.org': 'documentation link in Dexie error messages',
  'bit.ly': 'documentation link in Dexie error messages',
  'tinyurl.com': 'documentation link in Dexie error messages',
  'www.apache.org': 'licence text',
  'www.chartjs.org': 'documentation link in Chart.js messages',
  'chartjs.org': 'documentation link in Chart.js messages',
};

const URL_RE = /https?:\/\/([A-Za-z0-9.-]+)[^\s"'`<>)\\]*/g;

let dist = '';
let files: { path: string; text: string }[] = [];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'kapacitet-dist-'));
  const env = { ...process.env };
  delete env.VITEST; // build the real app, not the test variant of the config
  delete env.NODE_ENV;
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
    env,
    stdio: 'pipe',
    timeout: 170_000,
  });
  files = walk(dist)
    .filter((f) => !f.endsWith('.map') && /\.(js|mjs|css|html|webmanifest|svg|json)$/.test(f))
    .map((f) => ({ path: relative(dist, f), text: readFileSync(f, 'utf8') }));
}, 180_000);

afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('production build: no network at run time', () => {
  it('mentions only hosts that are known namespaces or documentation text', () => {
    const unknown: string[] = [];
    for (const { path, text } of files) {
      for (const m of text.matchAll(URL_RE)) {
        const host = m[1].toLowerCase();
        if (!(host in ALLOWED_HOSTS)) unknown.push(`${path}: ${m[0]}`);
      }
    }
    expect(unknown, 'New host in the bundle: classify it in ALLOWED_HOSTS (with a reason) or remove it').toEqual([]);
  });

  it('never hands a literal absolute URL to a network API', () => {
    const call =
      /\b(fetch|importScripts|sendBeacon|open|WebSocket|EventSource|Worker|SharedWorker|import|register)\s*\(\s*["'`]\s*(https?:)?\/\/[^"'`]*/g;
    const hits = files
      .filter((f) => /\.(js|mjs|html)$/.test(f.path))
      .flatMap(({ path, text }) => [...text.matchAll(call)].map((m) => `${path}: ${m[0]}`));
    expect(hits).toEqual([]);
  });

  it('has no telemetry channel (beacon, websocket, server-sent events)', () => {
    const hits = files
      .filter((f) => /\.(js|mjs)$/.test(f.path))
      .flatMap(({ path, text }) =>
        [...text.matchAll(/\b(sendBeacon|new WebSocket|new EventSource|RTCPeerConnection)\b/g)].map((m) => `${path}: ${m[0]}`),
      );
    expect(hits).toEqual([]);
  });

  it('loads no external script, stylesheet, font or image from HTML or CSS', () => {
    const bad: string[] = [];
    for (const { path, text } of files) {
      if (path.endsWith('.html')) {
        for (const m of text.matchAll(/\b(?:src|href)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/g)) bad.push(`${path}: ${m[1]}`);
      }
      if (path.endsWith('.css')) {
        for (const m of text.matchAll(/url\(\s*["']?\s*((?:https?:)?\/\/[^"')]+)/g)) bad.push(`${path}: ${m[1]}`);
        for (const m of text.matchAll(/@import\s+[^;]+/g)) bad.push(`${path}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('index.html has no inline script and carries the strict CSP', () => {
    const html = files.find((f) => f.path === 'index.html')!.text;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v.join(' ')]),
    );
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['font-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['form-action']).toBe("'none'");
    // no directive may name another host or a wildcard
    for (const [name, value] of Object.entries(directives)) {
      expect(value, name).not.toMatch(/https?:|\*|\/\//);
    }
  });
});

describe('production build: everything precached for offline use', () => {
  it('the service worker precaches every emitted script, style, page, icon and manifest', () => {
    const sw = files.find((f) => f.path === 'sw.js')?.text ?? '';
    expect(sw, 'sw.js missing from the build').not.toBe('');
    const precached = new Set([...sw.matchAll(/\burl\s*:\s*"([^"]+)"/g)].map((m) => m[1]));
    const emitted = files
      .map((f) => f.path.split('\\').join('/'))
      .filter((p) => p !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(p));
    expect(emitted.length).toBeGreaterThanOrEqual(4); // index.html, entry js, css, manifest, icon …
    const missing = emitted.filter((p) => !precached.has(p));
    expect(missing, 'emitted but not precached (would not work offline)').toEqual([]);
    expect(precached.has('index.html')).toBe(true);
    // The precache list itself points only at this origin.
    for (const url of precached) expect(url).not.toMatch(/^(https?:)?\/\//);
  });

  it('workers and the SheetJS chunk are part of the precache (import/export work offline)', () => {
    const sw = files.find((f) => f.path === 'sw.js')!.text;
    const precached = new Set([...sw.matchAll(/\burl\s*:\s*"([^"]+)"/g)].map((m) => m[1]));
    const js = files.filter((f) => /\.m?js$/.test(f.path) && f.path.startsWith('assets'));
    // Workers are referenced as new Worker(new URL("/assets/…js", import.meta.url)).
    const workers = js.flatMap((f) =>
      [...f.text.matchAll(/new Worker\(\s*new URL\(\s*[`"']\/?([^`"']+)[`"']/g)].map((m) => m[1]),
    );
    const sheetjs = js.filter((f) => f.text.includes('SheetJS')).map((f) => f.path.split('\\').join('/'));
    expect(sheetjs.length, 'SheetJS is expected in the build (Excel import/export)').toBeGreaterThan(0);
    expect(workers.length, 'the io worker is expected in the build').toBeGreaterThan(0);
    for (const w of workers) expect(precached, `worker ${w}`).toContain(w);
    for (const x of sheetjs) expect(precached, `SheetJS chunk ${x}`).toContain(x);
  });

  it('the web app manifest makes the app installable from this origin', () => {
    const manifest = JSON.parse(files.find((f) => f.path === 'manifest.webmanifest')!.text);
    expect(manifest.lang).toBe('sv');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) expect(icon.src).not.toMatch(/^(https?:)?\/\//);
  });
});
