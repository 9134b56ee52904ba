// Lint keeps the direction of imports (DEVELOPERS.md, Architecture): engine ← db, io ← state ← ui/views;
// strings is a leaf every layer may use. The two project rules live in eslint-rules/ (no dependency):
// they resolve every specifier to a path first, so `../db/schema`, `$lib/db/schema` and
// `/src/lib/db/schema` are the same forbidden import. tests/lint/boundaries.test.ts proves each fires.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import kapacitet from './eslint-rules/index.js';

const WHY = {
  engine: 'the engine is pure TypeScript (no DOM, Dexie, SheetJS, Svelte or Node): scripts import it from plain Node',
  strings: 'strings is a leaf: every layer may use it, it imports nothing',
  db: 'db imports only the engine (and strings)',
  io: 'io imports only the engine (and strings)',
  state: 'nothing below the UI imports it',
  ui: 'the UI reaches data through src/lib/state only',
};

// Who may import whom. A zone is decided by the resolved path (eslint-rules/resolve.js, ZONES).
const LAYERS = {
  // The engine's Node modules are kapacitet/no-host-api's (below), so each is reported once.
  engine: { may: ['engine', 'strings'], packages: ['dexie', 'xlsx', 'svelte', 'chart.js', 'vite'], why: WHY.engine },
  strings: { may: ['strings'], packages: ['*'], builtins: false, why: WHY.strings },
  db: { may: ['db', 'engine', 'strings'], packages: ['xlsx', 'svelte', 'chart.js'], builtins: false, why: WHY.db },
  io: { may: ['io', 'engine', 'strings'], packages: ['dexie', 'svelte', 'chart.js'], builtins: false, why: WHY.io },
  state: { may: ['state', 'db', 'io', 'engine', 'strings'], why: WHY.state },
  ui: { may: ['ui', 'views', 'state', 'engine', 'strings'], packages: ['dexie', 'xlsx'], why: WHY.ui },
  views: { may: ['views', 'ui', 'state', 'engine', 'strings'], packages: ['dexie', 'xlsx'], why: WHY.ui },
  app: { may: ['app', 'views', 'ui', 'state', 'engine', 'strings'], packages: ['dexie', 'xlsx'], why: WHY.ui },
};

// Host globals: the DOM's and Node's own. `crypto`, `URL`, `TextDecoder`, timers exist in both and are not listed.
const DOM_GLOBALS = [
  'document', 'window', 'self', 'navigator', 'location', 'history', 'screen', 'localStorage', 'sessionStorage',
  'indexedDB', 'IDBKeyRange', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker',
  'BroadcastChannel', 'postMessage', 'importScripts', 'alert', 'confirm', 'prompt', 'requestAnimationFrame',
  'cancelAnimationFrame', 'requestIdleCallback', 'matchMedia', 'getComputedStyle', 'customElements',
];
const NODE_GLOBALS = ['process', 'require', 'module', 'exports', 'Buffer', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];
const VITE_META = ['env', 'hot', 'glob', 'globEager'];

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', '.ci-out/', 'test-results/', 'playwright-report/', 'tmp/', '.scratch/'] },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'svelte/require-each-key': 'error',
      'svelte/no-at-html-tags': 'error',
      // {' '} is how we write a deliberate space before an inline badge (accessible names must not run together).
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { kapacitet },
    rules: { 'kapacitet/import-direction': ['error', LAYERS] },
  },
  {
    files: ['src/lib/engine/**/*.ts'],
    plugins: { kapacitet },
    rules: {
      'kapacitet/no-host-api': ['error', { globals: [...DOM_GLOBALS, ...NODE_GLOBALS], importMeta: VITE_META, builtins: false, why: WHY.engine }],
    },
  },
  {
    // io/index.ts is a contract for plain Node (contracts.md): nothing it reaches may need Vite or a page.
    files: ['src/lib/io/**/*.ts'],
    plugins: { kapacitet },
    rules: {
      'kapacitet/no-host-api': [
        'error',
        {
          globals: ['document', 'window', 'localStorage', 'sessionStorage', 'alert', 'confirm', 'prompt', ...NODE_GLOBALS],
          importMeta: VITE_META,
          reachableFrom: ['src/lib/io/index.ts'],
          why: 'src/lib/io/index.ts is imported from plain Node and from the Worker',
        },
      ],
    },
  },
  {
    // The project rules themselves run in Node.
    files: ['eslint-rules/**/*.js'],
    languageOptions: { globals: globals.node },
  },
);
