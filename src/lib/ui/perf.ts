/**
 * Performance marks around an edit (read by bench/ui.bench.ts): the caller marks 'edit-start' when an
 * edit is committed; this marks 'render-done' once Svelte has applied the change (tick: DOM and the
 * chart's update effect) and the browser is about to paint the next frame, then measures 'edit'.
 */
import { tick } from 'svelte';

export async function markRendered(): Promise<void> {
  await tick();
  // 'edit-applied': Svelte has updated the DOM and the chart (before the frame is painted).
  try {
    performance.measure('edit-applied', 'edit-start');
  } catch {
    // no 'edit-start' mark
  }
  await new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve());
    else resolve();
  });
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark('render-done');
  try {
    performance.measure('edit', 'edit-start', 'render-done');
  } catch {
    // no 'edit-start' mark (e.g. cleared): nothing to measure
  }
}
