// A zip whose local file header disagrees with its central directory is refused before SheetJS reads
// it: SheetJS follows the local header, and a lying name length made it loop for minutes.
import { describe, expect, it } from 'vitest';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { scanZip } from '../../../src/lib/io/zip';
import { createDemoPlan } from '../../../src/lib/engine/index';

describe('scanZip checks every local header against the central directory', () => {
  const good = exportWorkbook(createDemoPlan(), { today: '2026-01-15' });
  const entries = (() => {
    const s = scanZip(good);
    if (!s.ok) throw new Error('export is no zip');
    return s.entries;
  })();

  it('reads our own export', () => {
    expect(entries.length).toBeGreaterThan(5);
  });

  it.each([
    ['the name length', 27, 54],
    ['the signature', 0, 0x51],
    ['the extra field length', 29, 0xff],
    ['the extra field length (pointing into the next entry)', 28, 61],
  ])('refuses a local header with a wrong %s, quickly', (_what, at, value) => {
    const bad = good.slice();
    const e = at === 28 ? [...entries].sort((a, b) => b.localOffset - a.localOffset)[0] : entries[entries.length - 6];
    bad[e.localOffset + at] = value;
    expect(scanZip(bad)).toEqual({ ok: false, reason: 'corrupt' });
    const t = Date.now();
    const r = importWorkbook(bad);
    expect(r.ok).toBe(false);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});
