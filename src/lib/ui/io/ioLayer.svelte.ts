/**
 * The import/export state (state/io.svelte.ts, with its worker protocol, limits and Swedish error
 * texts) loaded on first use rather than with the first view (issue 13.6: ≤ 100 KB gzip): the header's
 * buttons, the drop zone and the first run call `load()` when the user acts, and App.svelte loads it
 * as soon as any other view opens. Until then there is nothing to show: no import has run.
 */
import type { IoState } from '../../state/io.svelte';

class IoLayer {
  /** The shared io state once loaded (null before). */
  io = $state.raw<IoState | null>(null);
  #loading: Promise<IoState> | null = null;

  load(): Promise<IoState> {
    this.#loading ??= import('../../state/io.svelte').then((m) => (this.io = m.io));
    return this.#loading;
  }

  /** The io a component was given (tests, a view's own), else the shared one, loaded now. */
  async use(given?: IoState): Promise<IoState> {
    return given ?? this.load();
  }
}

export const ioLayer = new IoLayer();
