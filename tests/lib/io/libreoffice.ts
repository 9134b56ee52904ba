/// <reference types="node" />
/**
 * Test helper: LibreOffice headless as the "real spreadsheet program" (stack-probe §2).
 * A fresh profile per run with OOXMLRecalcMode = 0 (always recalculate on load), and the output
 * file's existence checked, because soffice exits 0 even when it fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export function sofficePath(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/usr/bin/libreoffice']) if (existsSync(p)) return p;
  try {
    const found = execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
    return found || null;
  } catch {
    return null;
  }
}

const XCU = (mode: number) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

/**
 * Converts `bytes` (an .xlsx) with LibreOffice to `target` ('xlsx' or a csv filter string) and
 * returns the output files' bytes by name. `recalc: 'always'` seeds the profile with
 * OOXMLRecalcMode 0; 'default' leaves LibreOffice's own default (never recalculate).
 */
export function convertWithLibreOffice(
  bytes: Uint8Array,
  target: string,
  opts: { recalc: 'always' | 'default'; name?: string; timeoutMs?: number } = { recalc: 'always' },
): Map<string, Buffer> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice not found');
  const dir = mkdtempSync(join(tmpdir(), 'kap-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    if (opts.recalc === 'always') writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), XCU(0));
    const input = join(dir, opts.name ?? 'plan.xlsx');
    writeFileSync(input, bytes);
    const out = join(dir, 'out');
    mkdirSync(out);
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', out, input], {
      encoding: 'utf8',
      timeout: opts.timeoutMs ?? 90_000,
    });
    const files = new Map<string, Buffer>();
    if (existsSync(out)) {
      for (const f of execFileSync('ls', [out], { encoding: 'utf8' }).split('\n').filter(Boolean)) files.set(f, readFileSync(join(out, f)));
    }
    if (files.size === 0) throw new Error(`LibreOffice produced no output for ${basename(input)}: ${r.stdout} ${r.stderr}`);
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
