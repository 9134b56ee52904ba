/**
 * The lifecycle every lazily loaded chart shares (bar charts here, the follow-up line charts):
 * load the chart module (Chart.js stays out of the first view), create the chart on the canvas with
 * the spec current at that moment, update it in place whenever the spec changes, and destroy it with
 * the canvas. Use as `<canvas {@attach lazyChart(load, () => spec, () => (failed = true))}>`.
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { watchNearScreen } from '../nearScreen';

export interface ChartHandle<S> {
  update(spec: S): void;
  destroy(): void;
}

export type CreateChart<S> = (canvas: HTMLCanvasElement, spec: S) => ChartHandle<S>;

export function lazyChart<S>(
  load: () => Promise<CreateChart<S>>,
  spec: () => S,
  onFail: () => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    let handle: ChartHandle<S> | null = null;
    let removed = false;
    // A chart far from the screen (below a 60-doctor grid) is not redrawn on every edit: its new data
    // waits until it comes within a screen's height of the viewport, or the page is printed. Chart.js
    // lays out and draws the whole chart on each update — about 5 ms, a third of the frame an edit has
    // (issue 13.6). On screen, it is updated in the same update as the numbers.
    let near = true;
    let waiting: S | null = null;
    const flush = () => {
      if (waiting !== null && handle) handle.update(waiting);
      waiting = null;
    };
    // Printing counts as near (watchNearScreen), so a printed chart is current too.
    const stopWatching = watchNearScreen(canvas, (isNear) => {
      near = isNear;
      if (near) flush();
    });
    // Later spec changes update the chart in place (tracked here, not by the attachment itself,
    // so a data change never tears the chart down).
    $effect(() => {
      const s = spec();
      if (near || !handle) {
        waiting = null;
        handle?.update(s);
      } else waiting = s;
    });
    load().then(
      (create) => {
        if (removed) return;
        try {
          handle = create(canvas, untrack(spec));
        } catch {
          onFail();
        }
      },
      () => onFail(),
    );
    return () => {
      removed = true;
      stopWatching();
      handle?.destroy();
      handle = null;
    };
  };
}
