// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBytes, fileSafe } from '../../../src/lib/state/download';

afterEach(() => vi.unstubAllGlobals());

describe('fileSafe', () => {
  it('keeps Swedish names readable and drops what file systems refuse', () => {
    expect(fileSafe('Vårdcentralen Åre – Nuläge')).toBe('Vårdcentralen Åre – Nuläge');
    expect(fileSafe('  VC: Norr/Söder*?  ')).toBe('VC Norr Söder');
    expect(fileSafe('rad\nett\ttvå')).toBe('rad ett två');
    expect(fileSafe('<>|"')).toBe('plan');
    expect(fileSafe('x'.repeat(200))).toHaveLength(80);
  });
});

describe('downloadBytes', () => {
  it('starts a download of the bytes under the file name, and frees the object URL later', () => {
    vi.useFakeTimers();
    const made: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => (made.push(b), 'blob:x'));
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const clicks: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    expect(downloadBytes(new Uint8Array([1, 2, 3]), 'Enhet.xlsx', 'application/octet-stream')).toBe(true);
    expect(clicks).toEqual([{ href: 'blob:x', download: 'Enhet.xlsx' }]);
    expect(made[0].size).toBe(3);
    expect(document.querySelector('a')).toBeNull(); // the link is gone again
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:x');
    click.mockRestore();
    vi.useRealTimers();
  });

  it('does nothing (and says so) where there is no page to download to', () => {
    vi.stubGlobal('document', undefined);
    expect(downloadBytes('text', 'a.json', 'application/json')).toBe(false);
  });
});
