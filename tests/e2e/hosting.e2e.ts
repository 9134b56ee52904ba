// Static hosting (issue 12.8): the index.html the build produced carries the same policy as the header
// the README tells a region's IT to send (nginx and Apache), and the preview server sends that header.
import { readFile } from 'node:fs/promises';
import { test, expect } from './support';

test('the built index.html carries the policy the README documents as the HTTP header', async ({ page }) => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const documented = new Set(
    [...readme.matchAll(/add_header Content-Security-Policy "([^"]+)" always;|Header always set Content-Security-Policy "([^"]+)"/g)].map((m) => m[1] ?? m[2]),
  );
  expect(documented.size).toBe(1);
  const [header] = [...documented];
  const response = await page.request.get('./index.html');
  const built = await response.text();
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(built)?.[1];
  expect(`${meta}; frame-ancestors 'none'`).toBe(header);
  expect(response.headers()['content-security-policy']).toBe(header);
});
