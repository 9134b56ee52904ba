// @ts-check
/**
 * Where an import points: the layer ("zone") of a file or specifier, the npm package it names, whether
 * it is a Node built-in, and which files an entry reaches. Shared by the two local rules (index.js).
 *
 * Zones are decided by the RESOLVED path, never by the specifier's spelling: `../db/schema` from a
 * component, `$lib/db/schema` and `/src/lib/db/schema` all land in `src/lib/db/` and count as `db`.
 */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this folder's parent), so the rules work from any working directory. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Layers by path prefix (repo-relative, forward slashes); the first match wins. */
export const ZONES = /** @type {const} */ ([
  ['src/lib/engine/', 'engine'],
  ['src/lib/strings/', 'strings'],
  ['src/lib/db/', 'db'],
  ['src/lib/io/', 'io'],
  ['src/lib/state/', 'state'],
  ['src/lib/ui/', 'ui'],
  ['src/views/', 'views'],
  ['src/', 'app'],
]);

/**
 * Path aliases a specifier might use. The project defines none today; a forbidden import written with
 * one must still be caught the day someone adds it to vite.config.ts or tsconfig.json.
 */
const ALIASES = [
  ['$lib/', 'src/lib/'],
  ['$views/', 'src/views/'],
  ['@/', 'src/'],
  ['~/', 'src/'],
  ['src/', 'src/'],
];

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Forward-slash path relative to the repo root. @param {string} absolute */
export function repoPath(absolute) {
  return relative(ROOT, absolute).split(sep).join('/');
}

const ASSET = /\.(css|scss|svg|png|jpe?g|gif|webp|ico|woff2?)$/i;

/** The zone of a repo-relative path, or null (tests, bench, scripts, config, assets). @param {string} path @returns {string | null} */
export function zoneOf(path) {
  // A style sheet or an image belongs to no layer (views share src/print.css).
  if (ASSET.test(path)) return null;
  // `src/lib/db` (no slash) is the folder itself, e.g. `import … from '../db'`.
  const p = path.endsWith('/') ? path : `${path}/`;
  for (const [prefix, zone] of ZONES) if (p.startsWith(prefix)) return zone;
  return null;
}

/** The specifier without a Vite query or hash (`./worker?worker` → `./worker`). @param {string} spec */
export function stripQuery(spec) {
  return spec.replace(/[?#].*$/, '');
}

/**
 * Resolves a specifier written in `fromFile` (absolute) to a repo-relative path, or null when it names a
 * package (or a virtual module).
 * @param {string} spec @param {string} fromFile @returns {string | null}
 */
export function resolveSpecifier(spec, fromFile) {
  const bare = stripQuery(spec);
  if (bare.startsWith('./') || bare.startsWith('../') || bare === '.' || bare === '..') {
    return repoPath(resolve(dirname(fromFile), bare));
  }
  if (bare.startsWith('/')) return repoPath(join(ROOT, bare));
  for (const [alias, target] of ALIASES) if (bare.startsWith(alias)) return repoPath(join(ROOT, target, bare.slice(alias.length)));
  return null;
}

/** `svelte/store` → `svelte`, `@scope/pkg/sub` → `@scope/pkg`, `node:fs/promises` → `node:fs`. @param {string} spec */
export function packageName(spec) {
  const bare = stripQuery(spec);
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @param {string} spec */
export function isBuiltin(spec) {
  const bare = stripQuery(spec);
  return bare.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(packageName(bare));
}

// --- Which files an entry reaches (for "nothing io/index.ts reaches uses Vite-only syntax"). ---

const SPECIFIERS = [
  /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
];
const EXTENSIONS = ['', '.ts', '.js', '.svelte.ts', '.svelte', '/index.ts', '/index.js'];

/** @type {Map<string, { mtime: number, deps: string[] }>} */
const depsCache = new Map();

/** @param {string} path @returns {string | null} */
function fileOf(path) {
  for (const ext of EXTENSIONS) {
    const abs = join(ROOT, path + ext);
    if (existsSync(abs) && statSync(abs).isFile()) return repoPath(abs);
  }
  return null;
}

/** The project files a file imports (static and dynamic, type-only too: erring on the side of more). */
/** @param {string} path @returns {string[]} */
function depsOf(path) {
  const abs = join(ROOT, path);
  const mtime = statSync(abs).mtimeMs;
  const hit = depsCache.get(path);
  if (hit && hit.mtime === mtime) return hit.deps;
  // Comments could hold example imports; drop them first.
  const text = readFileSync(abs, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  /** @type {Set<string>} */
  const deps = new Set();
  for (const re of SPECIFIERS) {
    for (const m of text.matchAll(re)) {
      const target = resolveSpecifier(m[1], abs);
      const file = target && fileOf(target);
      if (file) deps.add(file);
    }
  }
  const list = [...deps];
  depsCache.set(path, { mtime, deps: list });
  return list;
}

/** Every project file `entry` (repo-relative) reaches through imports, the entry included. @param {string} entry @returns {Set<string>} */
export function reachableFrom(entry) {
  /** @type {Set<string>} */
  const seen = new Set();
  const start = fileOf(entry);
  const stack = start ? [start] : [];
  while (stack.length) {
    const f = /** @type {string} */ (stack.pop());
    if (seen.has(f)) continue;
    seen.add(f);
    for (const d of depsOf(f)) if (!seen.has(d)) stack.push(d);
  }
  return seen;
}
