/**
 * A Dexie liveQuery as a runes value (stack-probe.md §3, Pattern C without a component): the
 * subscription lives in the object and ends with dispose(). Works outside components (state classes,
 * tests) because it does not rely on $effect.
 */
import { liveQuery } from 'dexie';

export class LiveValue<T> {
  current = $state.raw<T | undefined>(undefined);
  /** The last error of the query (also logged); a SchemaError inside liveQuery is otherwise silent. */
  error = $state.raw<unknown>(null);
  /** True after the first result arrived. */
  loaded = $state(false);
  /** Settles after the first result (or error). */
  readonly firstValue: Promise<void>;
  #sub: { unsubscribe(): void } | null;

  constructor(query: () => T | Promise<T>, onValue?: (value: T) => void) {
    let settle: () => void = () => undefined;
    this.firstValue = new Promise<void>((resolve) => (settle = resolve));
    this.#sub = liveQuery(query).subscribe({
      next: (value) => {
        this.current = value;
        this.loaded = true;
        this.error = null;
        onValue?.(value);
        settle();
      },
      error: (e: unknown) => {
        this.error = e;
        console.error('liveQuery', e);
        settle();
      },
    });
  }

  dispose(): void {
    this.#sub?.unsubscribe();
    this.#sub = null;
  }
}
