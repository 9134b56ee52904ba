// @vitest-environment jsdom
// Every failure reaches the user (issue 12.4): the global handler, a malformed ?fokus= link.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installGlobalErrorHandler, reportUncaught, showFallbackBanner } from '../../../src/lib/ui/globalErrors';
import { parseHash } from '../../../src/lib/ui/router.svelte';
import { app } from '../../../src/lib/state/app.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';

afterEach(() => {
  app.clearError();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('the global error handler', () => {
  it('an uncaught error and an unhandled rejection become a Swedish message, the number masked in the detail', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    installGlobalErrorHandler(window);
    window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('x is undefined near Anna 121212-1212'), message: 'x' }));
    expect(app.lastError?.kind).toBe('unexpected');
    expect(app.lastError?.message).toBe(DATA_SV.errors.unexpected);
    expect(app.lastError?.details.join(' ')).toContain('TypeError: x is undefined near Anna ÅÅMMDD-XXXX');
    app.clearError();
    const ev = new Event('unhandledrejection') as Event & { reason?: unknown };
    ev.reason = new Error('boom');
    window.dispatchEvent(ev);
    expect(app.lastError?.kind).toBe('unexpected');
  });

  it('a part that can no longer be loaded (a newer version installed in another tab) says so and offers a reload, not "unexpected"', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    reportUncaught(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/explain-abc.js'));
    expect(app.lastError).toBeNull();
    const banner = document.getElementById('kapacitet-unexpected-error')!;
    expect(banner.textContent).toContain('Kapacitet har uppdaterats sedan sidan öppnades');
    expect([...banner.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Spara säkerhetskopia', 'Ladda om sidan']);
  });

  it('Chromium\'s ResizeObserver notice is not a failure', () => {
    reportUncaught(undefined, 'ResizeObserver loop completed with undelivered notifications.');
    expect(app.lastError).toBeNull();
  });

  it('when the app cannot show its box, a plain banner says it, with a backup and a reload button', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    reportUncaught(new Error('render broke'));
    vi.advanceTimersByTime(400);
    vi.useRealTimers();
    const banner = document.querySelector('[role="alert"]');
    expect(banner?.textContent).toContain('Något gick oväntat fel');
    expect([...document.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Spara säkerhetskopia', 'Ladda om sidan']);
    showFallbackBanner(document, 'again');
    expect(document.querySelectorAll('[role="alert"]').length).toBe(1);
  });
});

describe('a malformed link', () => {
  it('?fokus=% opens the view without a focus instead of throwing URIError', () => {
    expect(parseHash('#/lakare?fokus=%')).toEqual({ view: 'lakare', focus: undefined });
    expect(parseHash('#/lakare?fokus=%E0%A4%A')).toEqual({ view: 'lakare', focus: undefined });
    expect(parseHash('#/lakare?fokus=doctors.d3.listed')).toEqual({ view: 'lakare', focus: 'doctors.d3.listed' });
  });
});
