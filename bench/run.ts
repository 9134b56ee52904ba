/**
 * `npm run bench`: runs every bench/*.bench.ts in name order. Each file default-exports
 * `async function (): Promise<void>` that prints its own lines.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: unknown };
    if (typeof mod.default !== 'function') throw new Error('saknar default-export av en async-funktion');
    await (mod.default as () => Promise<void>)();
  } catch (e) {
    failed += 1;
    console.error(`  FEL i ${file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
if (failed > 0) process.exitCode = 1;
