// The browser's storage use is written one way on every surface (the storage strip and Inställningar
// printed "2 MB" and "2,0 MB" for the same figure).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageSize } from '../../../../src/lib/ui/offline/storageSize';

const ROOT = join(import.meta.dirname, '../../../..');

describe('storageSize', () => {
  it('one decimal for MB and GB, whole kB, a no-break space before the unit', () => {
    expect(storageSize(2_000_000)).toBe('2\u00a0MB');
    expect(storageSize(2_400_000)).toBe('2,4\u00a0MB');
    expect(storageSize(300_000_000_000)).toBe('300\u00a0GB');
    expect(storageSize(999_400)).toBe('999\u00a0kB');
  });

  it('is what both the storage strip and Inställningar print (no second formatter of bytes)', () => {
    for (const file of ['src/lib/ui/offline/StorageBanner.svelte', 'src/views/SettingsView.svelte']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text).toContain('storageSize(');
      expect(text).not.toMatch(/function bytes\(|toFixed\(/);
    }
  });
});
