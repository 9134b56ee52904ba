/**
 * The layer boundaries are only real when lint is shown to fire (issue 17.4). ESLint runs through its
 * Node API on probe snippets placed (virtually) in each layer: every forbidden import in every spelling
 * (relative, alias, root-absolute, bare `src/`; import, export-from, type-only, dynamic, require,
 * new URL) and every host global must be reported; a set of allowed imports must not be.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reachableFrom } from '../../eslint-rules/resolve.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The project rules' messages for `code` linted as if it were `file` (repo-relative). */
async function kapacitetMessages(file: string, code: string): Promise<string[]> {
  const source = file.endsWith('.svelte') ? `<script lang="ts">\n${code}\n</script>\n` : code;
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`${file}: ${fatal.map((m) => m.message).join('; ')}\n${source}`);
  return result.messages.filter((m) => m.ruleId?.startsWith('kapacitet/')).map((m) => `${m.ruleId}: ${m.message}`);
}

/** Every spelling of a project module `target` (repo-relative, no extension) from `file`. */
function spellings(file: string, target: string): string[] {
  let rel = relative(dirname(file), target).split('\\').join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const out = [rel, `/${target}`, target];
  if (target.startsWith('src/lib/')) out.push(`$lib/${target.slice('src/lib/'.length)}`);
  out.push(`@/${target.slice('src/'.length)}`);
  return out;
}

/** Ways of naming a module in code (all must be caught). */
const FORMS: Record<string, (spec: string) => string> = {
  import: (s) => `import * as probe from '${s}';\nexport { probe };`,
  'import type': (s) => `import type * as Probe from '${s}';\nexport type P = typeof Probe;`,
  'export from': (s) => `export * from '${s}';`,
  'dynamic import': (s) => `export const probe = () => import('${s}');`,
};

// Files the probes pretend to be, one per layer (.svelte where components live).
const AT = {
  engine: 'src/lib/engine/probe.ts',
  engineDeep: 'src/lib/engine/followup/probe.ts',
  strings: 'src/lib/strings/probe.sv.ts',
  db: 'src/lib/db/probe.ts',
  io: 'src/lib/io/probe.ts',
  ioDeep: 'src/lib/io/workbook/probe.ts',
  state: 'src/lib/state/probe.svelte.ts',
  ui: 'src/lib/ui/grid/Probe.svelte',
  uiTs: 'src/lib/ui/probe.ts',
  views: 'src/views/Probe.svelte',
  app: 'src/Probe.svelte',
};

const T = {
  engine: 'src/lib/engine/index',
  db: 'src/lib/db/schema',
  dbIndex: 'src/lib/db',
  io: 'src/lib/io/workbook/export',
  ioIndex: 'src/lib/io/index',
  state: 'src/lib/state/app.svelte',
  ui: 'src/lib/ui/grid/DataGrid.svelte',
  views: 'src/views/UnitView.svelte',
};

// Layer → the project modules it must never import (DEVELOPERS.md, Architecture; issue 17.4).
const FORBIDDEN: [keyof typeof AT, (keyof typeof T)[]][] = [
  ['engine', ['db', 'io', 'state', 'ui', 'views']],
  ['engineDeep', ['db', 'io', 'state']],
  ['strings', ['engine', 'db', 'io', 'state', 'ui']],
  ['db', ['io', 'state', 'ui', 'views']],
  ['io', ['db', 'state', 'ui', 'views']],
  ['ioDeep', ['db', 'state']],
  ['state', ['ui', 'views']],
  ['ui', ['db', 'dbIndex', 'io', 'ioIndex']],
  ['uiTs', ['db', 'io']],
  ['views', ['db', 'dbIndex', 'io', 'ioIndex']],
  ['app', ['db', 'io']],
];

const PACKAGES: [keyof typeof AT, string[]][] = [
  ['engine', ['dexie', 'xlsx', 'svelte', 'svelte/store', 'chart.js', 'chart.js/auto']],
  ['strings', ['dexie', 'svelte', 'date-fns']],
  ['db', ['xlsx', 'svelte', 'chart.js']],
  ['io', ['dexie', 'svelte', 'svelte/store', 'chart.js']],
  ['ui', ['dexie', 'xlsx']],
  ['views', ['dexie', 'xlsx']],
];

const pathProbes = FORBIDDEN.flatMap(([from, targets]) =>
  targets.flatMap((t) => spellings(AT[from], T[t]).map((spec) => ({ from, file: AT[from], target: t, spec }))),
);

describe('forbidden imports between layers are reported in every spelling', () => {
  it.each(pathProbes.map((p) => [p.file, p.spec, p] as const))('%s ← %s', async (_f, _s, p) => {
    const messages = await kapacitetMessages(p.file, FORMS.import(p.spec));
    expect(messages.join('\n')).toMatch(/kapacitet\/import-direction: .* may not import/);
  });

  // Every syntactic form, for one relative spelling per forbidden pair.
  const formProbes = FORBIDDEN.flatMap(([from, targets]) =>
    targets.flatMap((t) => Object.keys(FORMS).map((form) => ({ file: AT[from], spec: spellings(AT[from], T[t])[0], form }))),
  );
  it.each(formProbes.map((p) => [p.file, p.form, p.spec, p] as const))('%s: %s %s', async (_f, _form, _s, p) => {
    expect(await kapacitetMessages(p.file, FORMS[p.form](p.spec))).not.toEqual([]);
  });

  it.each([
    ['require', `export const x = require('../db/schema');`],
    ['import = require', `import x = require('../db/schema');\nexport { x };`],
    ['import() type', `export type X = import('../db/schema').KapacitetDb;`],
    ['new URL', `export const u = new URL('../io/worker.ts', import.meta.url);`],
    ['template literal', 'export const m = () => import(`../db/schema`);'],
    ['folder with ../ detour', `import * as m from '../state/../db/schema';\nexport { m };`],
  ])('a component cannot reach db or io by %s', async (_name, code) => {
    expect(await kapacitetMessages(AT.uiTs, code)).not.toEqual([]);
  });
});

describe('forbidden packages are reported', () => {
  const probes = PACKAGES.flatMap(([from, pkgs]) => pkgs.map((pkg) => [AT[from], pkg] as const));
  it.each(probes)('%s ← %s', async (file, pkg) => {
    expect((await kapacitetMessages(file, FORMS.import(pkg))).join('\n')).toMatch(/may not import the package/);
  });
});

describe('the engine uses no host API', () => {
  const GLOBALS = [
    'document.title',
    'window.innerWidth',
    'navigator.language',
    'localStorage.getItem("x")',
    'sessionStorage.length',
    'indexedDB.open("x")',
    'location.href',
    'fetch("/x")',
    'new Worker("w.js")',
    'self.postMessage(1)',
    'process.env.NODE_ENV',
    'Buffer.from("x")',
    'require("fs")',
    '__dirname',
    'globalThis.document',
    "globalThis['localStorage']",
    'globalThis.indexedDB',
    'requestAnimationFrame(() => 0)',
  ];
  it.each(GLOBALS)('%s', async (expr) => {
    for (const file of [AT.engine, AT.engineDeep]) {
      expect((await kapacitetMessages(file, `export const probe = () => ${expr};`)).join('\n'), file).toMatch(/host global|Node module/);
    }
  });

  it.each(['import.meta.env.DEV', 'import.meta.env', "import.meta['env']", 'import.meta.hot', 'import.meta.glob("./*.ts")'])('%s', async (expr) => {
    expect((await kapacitetMessages(AT.engine, `export const probe = () => ${expr};`)).join('\n')).toMatch(/exists only under Vite/);
  });

  it.each(['node:fs', 'fs', 'node:path', 'path', 'fs/promises', 'node:worker_threads'])('no Node module %s', async (spec) => {
    expect((await kapacitetMessages(AT.engine, FORMS.import(spec))).join('\n')).toMatch(/Node module/);
  });

  it.each(['./worker?worker', './worker?worker&inline', './data.csv?raw', './icon.svg?url', 'virtual:pwa-register'])('no Vite-only import %s', async (spec) => {
    expect((await kapacitetMessages(AT.engine, FORMS.import(spec))).join('\n')).toMatch(/Vite-only import/);
  });
});

describe('io: nothing src/lib/io/index.ts reaches uses Vite-only syntax', () => {
  // Probes must be files io/index.ts really reaches (the rule follows the imports on disk): the entry
  // itself and the deepest file it reaches.
  const reached = [...reachableFrom('src/lib/io/index.ts')];
  const deepest = reached.reduce((a, b) => (b.split('/').length > a.split('/').length ? b : a));
  const REACHED = ['src/lib/io/index.ts', deepest];
  it('follows the imports of io/index.ts (and not into the Worker entry)', () => {
    expect(reached.length).toBeGreaterThan(3);
    expect(reached).not.toContain('src/lib/io/worker.ts');
  });
  it.each(REACHED)('%s', async (file) => {
    expect((await kapacitetMessages(file, `export const e = import.meta.env.MODE;`)).join('\n')).toMatch(/only under Vite/);
    expect((await kapacitetMessages(file, FORMS.import('../worker?worker'))).join('\n')).toMatch(/Vite-only import/);
    expect((await kapacitetMessages(file, `export const d = () => document.title;`)).join('\n')).toMatch(/host global/);
    expect((await kapacitetMessages(file, FORMS.import('node:fs'))).join('\n')).toMatch(/Node module/);
  });

  it('the Worker entry is outside index.ts\'s reach and may be loaded as a worker module', async () => {
    expect(await kapacitetMessages('src/lib/io/worker.ts', `export const e = import.meta.env.MODE;`)).toEqual([]);
  });
});

describe('allowed imports are not reported', () => {
  it.each([
    [AT.engine, `import { PARSE_TEXT } from '../strings/engine.sv';\nexport { PARSE_TEXT };`],
    [AT.engine, `import { round9 } from './round';\nexport { round9 };`],
    [AT.engineDeep, `import { computePlan } from '../index';\nexport { computePlan };`],
    [AT.engine, `const document = { title: 'lokal' };\nexport const t = document.title;`],
    [AT.engine, `export const u = () => new URL('./x', import.meta.url);`],
    [AT.strings, `import { DATA_SV } from './data.sv';\nexport { DATA_SV };`],
    [AT.db, `import Dexie from 'dexie';\nimport { parsePlan } from '../engine/index';\nimport { DATA_SV } from '../strings/data.sv';\nexport { Dexie, parsePlan, DATA_SV };`],
    [AT.io, `import * as XLSX from 'xlsx';\nimport { fmt } from '../engine/index';\nexport { XLSX, fmt };`],
    [AT.state, `import { readPlan } from '../db/index';\nimport { exportWorkbook } from '../io/index';\nexport { readPlan, exportWorkbook };`],
    [AT.state, `export const w = () => new Worker(new URL('../io/worker.ts', import.meta.url), { type: 'module' });`],
    [AT.ui, `import { app } from '../../state/app.svelte';\nimport { fmt } from '../../engine/index';\nexport { app, fmt };`],
    [AT.views, `import DataGrid from '../lib/ui/grid/DataGrid.svelte';\nimport '../print.css';\nexport { DataGrid };`],
    [AT.app, `import IoToolbar from './lib/ui/io/IoToolbar.svelte';\nimport UnitView from './views/UnitView.svelte';\nexport { IoToolbar, UnitView };`],
    ['tests/lib/probe.test.ts', `import { KapacitetDb } from '../../src/lib/db/index';\nexport { KapacitetDb };`],
  ])('%s: %s', async (file, code) => {
    expect(await kapacitetMessages(file, code)).toEqual([]);
  });
});

it('probes at least the 32 forbidden imports of the review, across every layer', () => {
  expect(pathProbes.length).toBeGreaterThanOrEqual(32);
  expect(new Set(pathProbes.map((p) => p.from)).size).toBe(FORBIDDEN.length);
});
