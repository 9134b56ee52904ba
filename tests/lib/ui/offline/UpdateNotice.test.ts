// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';
import { flushSync } from 'svelte';
import UpdateNotice from '../../../../src/lib/ui/offline/UpdateNotice.svelte';
import { OFFLINE_READY_VISIBLE_MS, PwaState } from '../../../../src/lib/state/pwa.svelte';
import type { RegisterSWOptions } from 'virtual:pwa-register';

/** A PwaState wired to a fake registerSW so the callbacks can be fired by the test. */
async function fakePwa() {
  const pwa = new PwaState();
  // No app in these tests: saving before a reload is a recorded no-op, reloading is recorded.
  pwa.beforeReload = vi.fn(async () => undefined);
  pwa.reloadPage = vi.fn();
  let options: RegisterSWOptions = {};
  const updateSW = vi.fn(async () => undefined);
  Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
  await pwa.start((o) => {
    options = o;
    return updateSW;
  });
  return { pwa, updateSW, fire: () => options };
}

describe('two tabs and an update (issue 11.7)', () => {
  it('the tab that accepted saves first, then reloads; another tab is asked and never reloaded by it', async () => {
    const accepting = await fakePwa();
    accepting.fire().onNeedRefresh?.();
    await accepting.pwa.update();
    expect(accepting.pwa.beforeReload).toHaveBeenCalledTimes(1);
    expect(accepting.updateSW).toHaveBeenCalledTimes(1);
    accepting.fire().onNeedReload?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(accepting.pwa.reloadPage).toHaveBeenCalledTimes(1);

    const other = await fakePwa();
    render(UpdateNotice, { pwa: other.pwa, autostart: false });
    other.fire().onNeedRefresh?.();
    other.fire().onNeedReload?.();
    flushSync();
    expect(other.pwa.reloadPage).not.toHaveBeenCalled();
    expect(screen.getByTestId('other-tab-updated-notice')).toHaveTextContent('Kapacitet har uppdaterats i en annan flik');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Ladda om nu' }));
    expect(other.pwa.beforeReload).toHaveBeenCalledTimes(1);
    expect(other.pwa.reloadPage).toHaveBeenCalledTimes(1);
  });
});

describe('UpdateNotice', () => {
  it('shows nothing until a new version or offline readiness is reported', async () => {
    const { pwa } = await fakePwa();
    render(UpdateNotice, { pwa, autostart: false });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('announces a waiting version and reloads only when the user chooses "Ladda om nu"', async () => {
    const { pwa, updateSW, fire } = await fakePwa();
    render(UpdateNotice, { pwa, autostart: false });
    fire().onNeedRefresh?.();
    flushSync();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('En ny version av Kapacitet finns');
    expect(updateSW).not.toHaveBeenCalled();
    const user = userEvent.setup();
    // keyboard only: Tab to the first button and press Enter
    await user.tab();
    expect(screen.getByRole('button', { name: 'Ladda om nu' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(updateSW).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Ladda om nu' })).toBeDisabled();
  });

  it('"Senare" hides the notice without updating', async () => {
    const { pwa, updateSW, fire } = await fakePwa();
    render(UpdateNotice, { pwa, autostart: false });
    fire().onNeedRefresh?.();
    flushSync();
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Senare' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.queryByTestId('update-notice')).not.toBeInTheDocument();
    expect(updateSW).not.toHaveBeenCalled();
  });

  it('tells the user once the app works offline, and can be dismissed', async () => {
    const { pwa, fire } = await fakePwa();
    render(UpdateNotice, { pwa, autostart: false });
    fire().onOfflineReady?.();
    flushSync();
    expect(screen.getByRole('status')).toHaveTextContent('Kapacitet fungerar nu utan nätverk');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Uppfattat' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('hides the "works offline now" note by itself after a while (it never stays over the figures)', async () => {
    const { pwa, fire } = await fakePwa();
    render(UpdateNotice, { pwa, autostart: false });
    vi.useFakeTimers();
    try {
      fire().onOfflineReady?.();
      flushSync();
      expect(screen.getByRole('status')).toHaveTextContent('Kapacitet fungerar nu utan nätverk');
      vi.advanceTimersByTime(OFFLINE_READY_VISIBLE_MS - 1);
      flushSync();
      expect(screen.getByRole('status')).toHaveTextContent('Kapacitet fungerar nu utan nätverk');
      vi.advanceTimersByTime(1);
      flushSync();
      expect(screen.getByRole('status')).toBeEmptyDOMElement();
    } finally {
      vi.useRealTimers();
    }
  });

  it('registers the worker only once and records a registration error', async () => {
    const pwa = new PwaState();
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
    const register = vi.fn((o: RegisterSWOptions) => {
      o.onRegisterError?.(new Error('SecurityError'));
      return async () => undefined;
    });
    await pwa.start(register);
    await pwa.start(register);
    expect(register).toHaveBeenCalledTimes(1);
    expect(pwa.registerError).toBe('SecurityError');
  });

  it('says calmly when the app cannot be prepared for offline use', async () => {
    const pwa = new PwaState();
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
    await pwa.start((o) => {
      o.onRegisterError?.(new Error('SecurityError'));
      return async () => undefined;
    });
    render(UpdateNotice, { pwa, autostart: false });
    expect(screen.getByRole('status')).toHaveTextContent('Kunde inte förbereda appen för användning utan nätverk');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Uppfattat' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
