import { chromium } from 'playwright-core';
const [,, route, out, full] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
await page.goto(`http://127.0.0.1:4420/#/${route}`);
await page.locator('main[data-ready="true"]').waitFor({ state: 'attached' });
await page.waitForTimeout(1500);
await page.screenshot({ path: out, fullPage: full === 'full' });
if (route === 'rapport') { await page.emulateMedia({ media: 'print' }); await page.pdf({ path: out.replace('.png', '.pdf'), format: 'A4', printBackground: true }); }
await browser.close();
