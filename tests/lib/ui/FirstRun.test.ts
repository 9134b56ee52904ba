// @vitest-environment jsdom
// The welcome panel's choice takes the user to the unit part once made — unless they have gone to
// another view meanwhile (the demo takes a moment to fill in): a click on a tab is never undone.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { app } from '../../../src/lib/state/app.svelte';
import FirstRun from '../../../src/lib/ui/FirstRun.svelte';

afterEach(() => {
  vi.restoreAllMocks();
  location.hash = '';
});

function deferred() {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('FirstRun', () => {
  it('"Titta på exemplet" goes to the unit part when the demo is ready', async () => {
    const d = deferred();
    vi.spyOn(app, 'showDemo').mockReturnValue(d.promise);
    location.hash = '#/enhet?x=1';
    render(FirstRun);
    await userEvent.click(screen.getByRole('button', { name: 'Titta på exemplet' }));
    d.resolve('u1');
    await vi.waitFor(() => expect(location.hash).toBe('#/enhet'));
  });

  it('a view chosen while the demo is being filled in stays chosen', async () => {
    const d = deferred();
    vi.spyOn(app, 'showDemo').mockReturnValue(d.promise);
    location.hash = '#/enhet';
    render(FirstRun);
    await userEvent.click(screen.getByRole('button', { name: 'Titta på exemplet' }));
    location.hash = '#/lakare';
    d.resolve('u1');
    await d.promise;
    await new Promise((r) => setTimeout(r, 20));
    expect(location.hash).toBe('#/lakare');
  });
});
