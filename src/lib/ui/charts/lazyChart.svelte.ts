/**
 * The lifecycle every lazily loaded chart shares (bar charts here, the follow-up line charts):
 * load the chart module (Chart.js stays out of the first view), create the chart on the canvas with
 * the spec current at that moment, update it in place whenever the spec changes, and destroy it with
 * the canvas. Use as `<canvas {@attach lazyChart(load, () => spec, () => (failed = true))}>`.
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

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
    // Later spec changes update the chart in place (tracked here, not by the attachment itself,
    // so a data change never tears the chart down).
    $effect(() => {
      const s = spec();
      handle?.update(s);
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
      handle?.destroy();
      handle = null;
    };
  };
}
