// Service-worker state for the installable, offline-capable app (owner OFFLINE).
// `registerType: 'prompt'` (vite.config.ts): a new version waits until the user chooses to reload,
// so nobody loses their place mid-edit. `virtual:pwa-register` is Vite-only: fine here, never in engine/io.
import type { RegisterSWOptions } from 'virtual:pwa-register';

/** How often an open tab asks the server whether a new version exists (only while online). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/**
 * The "works offline now" note is information, not a decision: it hides itself after this long so it
 * never sits over the figures during a meeting (the update prompt, which needs a choice, stays).
 */
export const OFFLINE_READY_VISIBLE_MS = 20_000;

type Register = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

export class PwaState {
  /** A new version is installed and waiting; show the notice. */
  needRefresh = $state(false);
  /** The app is precached: it will load with the network off from now on. */
  offlineReady = $state(false);
  /** Registration failed (e.g. private mode); the app still works while the tab is open. */
  registerError = $state<string | null>(null);
  /** True while the update is being applied (the page reloads when the new worker takes over). */
  updating = $state(false);
  /**
   * Another tab accepted the new version and it now controls this tab too: this tab is asked (its
   * user may be typing), never reloaded by the other tab's choice (issue 11.7).
   */
  otherTabUpdated = $state(false);
  /** Saving this tab's input before a reload (the writes in flight, the APT notes). */
  flushing = $state(false);

  /** Runs before this tab reloads: every write started so far has committed (default: the app's). */
  beforeReload: () => Promise<void> = async () => {
    const [{ app }, { workshop }] = await Promise.all([import('./app.svelte'), import('./workshop.svelte')]);
    await app.flush();
    await workshop.flush();
  };
  /** How this tab reloads (tests replace it). */
  reloadPage: () => void = () => window.location.reload();

  #updateSW: ((reloadPage?: boolean) => Promise<void>) | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #started = false;

  /**
   * Registers the service worker once. `register` is injectable for tests; the default loads
   * `virtual:pwa-register` lazily so nothing else pays for it.
   */
  async start(register?: Register): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
    const registerSW: Register = register ?? (await import('virtual:pwa-register')).registerSW;
    this.#updateSW = registerSW({
      immediate: true,
      // The new version took control of every open tab: only the tab whose user chose it reloads.
      onNeedReload: () => this.#newVersionControlling(),
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onOfflineReady: () => {
        this.offlineReady = true;
        setTimeout(() => this.dismissOfflineReady(), OFFLINE_READY_VISIBLE_MS);
      },
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        // A tab left open for a whole day still learns about a new version; never while offline.
        this.#timer = setInterval(() => {
          if (navigator.onLine && !registration.installing) void registration.update().catch(() => undefined);
        }, UPDATE_CHECK_MS);
      },
      onRegisterError: (error: unknown) => {
        this.registerError = error instanceof Error ? error.message : String(error);
      },
    });
  }

  /**
   * The user chose "Ladda om nu": this tab's input is saved, then the waiting version is activated;
   * this page reloads when it takes over. Other tabs are asked (otherTabUpdated), not reloaded.
   */
  async update(): Promise<void> {
    if (!this.#updateSW || this.updating) return;
    this.updating = true;
    await this.#flush();
    await this.#updateSW(true);
  }

  /** The new service worker controls this tab now. */
  #newVersionControlling(): void {
    if (this.updating) {
      void this.reloadNow();
      return;
    }
    this.needRefresh = false;
    this.otherTabUpdated = true;
  }

  /** Saves what this tab holds, then reloads it (the notice's "Ladda om nu" after another tab updated). */
  async reloadNow(): Promise<void> {
    await this.#flush();
    this.reloadPage();
  }

  async #flush(): Promise<void> {
    this.flushing = true;
    try {
      await this.beforeReload();
    } catch (e) {
      console.warn(e);
    } finally {
      this.flushing = false;
    }
  }

  dismissOtherTab(): void {
    this.otherTabUpdated = false;
  }

  /** "Senare": hide the notice; the new version is used next time the app is opened. */
  dismissUpdate(): void {
    this.needRefresh = false;
  }

  dismissOfflineReady(): void {
    this.offlineReady = false;
  }

  /** For tests. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}

export const pwa = new PwaState();
