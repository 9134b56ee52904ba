// Static hosting (issue 12.8): the README's nginx and Apache examples send exactly the policy that
// index.html carries (plus frame-ancestors, which a <meta> cannot), so a region's IT that copies them
// gets the same protection as `vite preview`. The built index.html is checked in tests/e2e/hosting.e2e.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const html = readFileSync(new URL('index.html', root), 'utf8');
const viteConfig = readFileSync(new URL('vite.config.ts', root), 'utf8');

function metaPolicy(page: string): string {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page);
  if (!m) throw new Error('no CSP meta');
  return m[1];
}

/** Every Content-Security-Policy value the README's server examples send. */
function documentedPolicies(text: string): { nginx: string[]; apache: string[] } {
  const block = (lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]).join('\n');
  return {
    nginx: [...block('nginx').matchAll(/add_header Content-Security-Policy "([^"]+)" always;/g)].map((m) => m[1]),
    apache: [...block('apache').matchAll(/Header always set Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]),
  };
}

describe('README: hosting dist/ on an ordinary web server', () => {
  const expected = `${metaPolicy(html)}; frame-ancestors 'none'`;
  const { nginx, apache } = documentedPolicies(readme);

  it('says vite preview is for local use and documents nginx and Apache', () => {
    expect(readme).toMatch(/## Drift på en vanlig webbserver/);
    expect(readme).toMatch(/`vite preview` är till för att köra Kapacitet på den egna datorn/);
    expect(nginx.length).toBeGreaterThan(0);
    expect(apache.length).toBeGreaterThan(0);
  });

  it('every documented header is the policy of index.html plus frame-ancestors', () => {
    for (const p of [...nginx, ...apache]) expect(p).toBe(expected);
  });

  it('the preview server builds its header the same way (one home for the policy)', () => {
    expect(viteConfig).toContain("const CSP_HEADER = `${contentSecurityPolicy()}; frame-ancestors 'none'`;");
    for (const h of ['no-referrer', 'nosniff', 'same-origin']) expect(readme).toContain(`"${h}"`);
  });
});
