/**
 * io bench (owner IO): import of a 100 000-row per-patient listing (.xlsx) in Node and in Debian's
 * Chromium (playwright-core, the launch args of playwright.config.ts; the io module bundled with a
 * programmatic `vite build`), against LibreOffice headless converting the same file to CSV.
 * Chromium runs what the app's worker runs: the one dispatch table (runOp: the preflight with the
 * native inflater, then importListing on the parts it inflated).
 * Budget (issue 17.3): Chromium ≤ 0,25 × LibreOffice. Both wall time and CPU time are printed with the
 * load average: on a busy machine wall time mostly measures the other processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBundleInChromium } from './support/chromium';
import * as XLSX from 'xlsx';
import { importListing } from '../src/lib/io/index';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = 100_000;
const RUNS = 3;
const BUDGET = 0.25;

/** A realistic per-patient listing: pseudonymous key, doctor (20 + a fictive list), age, sex, care weight. */
function listingXlsx(rows: number): Uint8Array {
  const doctors = Array.from({ length: 20 }, (_, i) => `Läkare ${String.fromCharCode(65 + i)} Testsson`);
  doctors.push('Vårdcentralen Exempel Dr Hyr Hyrsson');
  const aoa: (string | number)[][] = [['Patientnyckel', 'Fast läkarkontakt', 'Ålder', 'Kön', 'Vårdtyngd']];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < rows; i++) {
    aoa.push([`P${(100000 + i).toString(36)}`, doctors[Math.floor(rnd() * doctors.length)], Math.floor(rnd() * 95), rnd() < 0.5 ? 'K' : 'M', Math.round((0.3 + rnd() * 2) * 100) / 100]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Listning');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

interface Timing {
  ms: number;
  cpuMs: number;
}

function runNode(bytes: Uint8Array): Timing & { doctors: number; total: number } {
  let best = { ms: Infinity, cpuMs: Infinity, doctors: 0, total: 0 };
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = importListing(bytes);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (!r.ok) throw new Error('import failed: ' + JSON.stringify(r.errors.slice(0, 3)));
    if (ms < best.ms) best = { ms, cpuMs: (c.user + c.system) / 1000, doctors: r.doctors.length, total: r.totalListed };
  }
  return best;
}

async function runChromium(bytes: Uint8Array): Promise<Timing & { total: number }> {
  const entrySource = `import { runOp } from ${JSON.stringify(join(ROOT, 'src/lib/io/dispatch.ts'))};
let prepared: Uint8Array | null = null;
(globalThis as any).__prepare = (b64: string) => {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  prepared = bytes;
  return bytes.length;
};
(globalThis as any).__run = async () => {
  // A fresh buffer each run, as the worker receives one: the dispatch table's preflight, then the import.
  const buffer = prepared!.slice().buffer;
  const t0 = performance.now();
  const r = await runOp('importListing', [buffer]);
  const t1 = performance.now();
  if (!r.ok) throw new Error('import failed');
  return { ms: t1 - t0, total: r.totalListed };
};
`;
  return runBundleInChromium('io', entrySource, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const threadTime = async () =>
      ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    type R = { ms: number; total: number };
    type W = { __prepare: (b: string) => number; __run: () => Promise<R> };
    const prepare = (b: Uint8Array) => page.evaluate((x) => (globalThis as unknown as W).__prepare(x), Buffer.from(b).toString('base64'));
    const run = () => page.evaluate(() => (globalThis as unknown as W).__run());
    await prepare(listingXlsx(5000));
    await run(); // warm-up (JIT)
    await prepare(bytes);
    let best: (Timing & { total: number }) | null = null;
    for (let i = 0; i < RUNS; i++) {
      const c0 = await threadTime();
      const r = await run();
      // Main-thread CPU time of the run (the inflating itself runs on the browser's stream threads).
      const cpuMs = ((await threadTime()) - c0) * 1000;
      if (!best || r.ms < best.ms) best = { ...r, cpuMs };
    }
    return best!;
  });
}

/** LibreOffice headless xlsx → CSV, with a profile created beforehand (its first start is not counted). */
function runLibreOffice(bytes: Uint8Array): Timing | null {
  const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
  if (!soffice) return null;
  const dir = mkdtempSync(join(tmpdir(), 'kapacitet-io-lo-'));
  try {
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const out = join(dir, 'out');
    mkdirSync(out);
    const warm = join(dir, 'warm.xlsx');
    writeFileSync(warm, listingXlsx(10));
    spawnSync(soffice, [profile, '--headless', '--convert-to', 'csv', '--outdir', out, warm], { timeout: 120_000 });
    const input = join(dir, 'listing.xlsx');
    writeFileSync(input, bytes);
    let best: Timing = { ms: Infinity, cpuMs: Infinity };
    for (let i = 0; i < 2; i++) {
      rmSync(join(out, 'listing.csv'), { force: true });
      const t0 = performance.now();
      // bash's `time` gives the CPU time of soffice and its children (user + system).
      const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%U %S"; time "$@" >/dev/null 2>&1', 'bash', soffice, profile, '--headless', '--convert-to', 'csv', '--outdir', out, input], { timeout: 300_000, encoding: 'utf8' });
      const ms = performance.now() - t0;
      // soffice exits 0 even when it fails: the output file is the proof.
      if (!existsSync(join(out, 'listing.csv'))) throw new Error('LibreOffice wrote no CSV');
      const [user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
      const cpuMs = (user + sys) * 1000;
      if (ms < best.ms) best = { ms, cpuMs };
    }
    return best;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;
const ratio = (x: number) => x.toFixed(2).replace('.', ',');

export default async function ioBench(): Promise<void> {
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`io: ${ROWS.toLocaleString('sv-SE')}-row per-patient listing (.xlsx); best of ${RUNS}; load average ${load()} on ${cpus().length} cores`);
  const bytes = listingXlsx(ROWS);
  console.log(`  file: ${(bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB`);
  const node = runNode(bytes);
  console.log(`  Node importListing:       ${s(node.ms)}, CPU ${s(node.cpuMs)}  (${node.doctors} doctors, ${node.total} patients)`);
  const chrome = await runChromium(bytes);
  console.log(`  Chromium (dispatch table): ${s(chrome.ms)}, main-thread CPU ${s(chrome.cpuMs)}  (${chrome.total} patients)`);
  const lo = runLibreOffice(bytes);
  if (lo === null) {
    console.log('  LibreOffice: soffice not installed — ratio not measured');
    return;
  }
  console.log(`  LibreOffice xlsx → CSV:   ${s(lo.ms)}, CPU ${s(lo.cpuMs)}  (headless, process start included)`);
  const wall = chrome.ms / lo.ms;
  const cpu = chrome.cpuMs / lo.cpuMs;
  const ok = (x: number) => (x <= BUDGET ? 'OK' : 'NOT MET');
  console.log(`  ratio Chromium ÷ LibreOffice: wall ${ratio(wall)} (${ok(wall)}), CPU ${ratio(cpu)} (${ok(cpu)}); budget ≤ ${ratio(BUDGET)}; load average now ${load()}`);
}

// Run directly: npx tsx bench/io.bench.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ioBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
