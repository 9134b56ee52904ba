// Lint keeps the direction of imports (DEVELOPERS.md, Architecture):
// engine ← db, io ← state ← ui/views. strings is a leaf every layer may use.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const UP = (names, message) => ({ group: names, message });

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', '.ci-out/', 'test-results/', 'playwright-report/'] },
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
  layer(['src/lib/engine/**'], [
    UP(['**/db/**', '**/io/**', '**/state/**', '**/ui/**', '**/views/**', 'dexie', 'xlsx', 'svelte', 'svelte/*', 'chart.js'],
      'engine is pure: no DOM, Dexie, SheetJS or Svelte'),
  ]),
  layer(['src/lib/strings/**'], [
    UP(['**/engine/**', '**/db/**', '**/io/**', '**/state/**', '**/ui/**', '**/views/**'], 'strings is a leaf: it imports nothing'),
  ]),
  layer(['src/lib/db/**'], [
    UP(['**/io/**', '**/state/**', '**/ui/**', '**/views/**', 'xlsx', 'svelte', 'svelte/*'], 'db imports only the engine'),
  ]),
  layer(['src/lib/io/**'], [
    UP(['**/db/**', '**/state/**', '**/ui/**', '**/views/**', 'dexie', 'svelte', 'svelte/*'], 'io imports only the engine'),
  ]),
  layer(['src/lib/state/**'], [UP(['**/ui/**', '**/views/**'], 'nothing below the UI imports it')]),
  layer(['src/lib/ui/**', 'src/views/**'], [
    UP(['**/lib/db', '**/lib/db/**', '**/lib/io', '**/lib/io/**', 'dexie', 'xlsx'], 'the UI reaches data through src/lib/state only'),
  ]),
);
