// One closing line over all runners: "N passed, N failed" (CI reads only this line).
// A runner whose report is missing counts as a failure: tests that could not run are not a pass.
import { readFileSync, existsSync } from 'node:fs';

let passed = Number(process.argv[2] ?? 0);
let failed = Number(process.argv[3] ?? 0);
let skipped = 0;
const read = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null);

const v = read('.ci-out/vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests + (v.numRuntimeErrorTestSuites ?? 0);
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  if (v.numTotalTests === 0) failed += 1;
} else {
  console.error('vitest: ingen rapport (.ci-out/vitest.json)');
  failed += 1;
}
const p = read('.ci-out/playwright.json');
if (p) {
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected + (p.errors?.length ?? 0);
  skipped += p.stats.skipped;
  if (p.stats.expected + p.stats.unexpected + p.stats.flaky === 0) failed += 1;
} else {
  console.error('e2e: ingen rapport (.ci-out/playwright.json) – kunde e2e-testerna inte köras?');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
