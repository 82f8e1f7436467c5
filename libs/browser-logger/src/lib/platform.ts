/** What the logger needs from the browser; tests hand in fakes so nothing real waits or leaves. */

/** Wall clock and timers. */
export interface Scheduler {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The part of the Web Storage API the logger uses (it lists keys to adopt other pages' entries). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface Platform {
  scheduler: Scheduler;
  fetch: typeof fetch;
  /** `navigator.sendBeacon`; absent where the browser has none. */
  sendBeacon?: (url: string, body: Blob) => boolean;
  storage: StorageLike;
  /** Makes entry, session and storage IDs. */
  randomId: () => string;
  /** A number in [0, 1): spreads retry delays so many pages do not retry in step. */
  random: () => number;
  /** False when the browser knows it is offline (`navigator.onLine`). */
  isOnline: () => boolean;
  /** The page an entry is logged on. */
  currentUrl: () => string | undefined;
}

/** Web Storage kept in memory: used where `localStorage` is blocked (it throws on access). */
export function createMemoryStorage(): StorageLike {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

function localStorageOrMemory(): StorageLike {
  try {
    // Reading the property throws a SecurityError when the user blocks site data.
    return globalThis.localStorage ?? createMemoryStorage();
  } catch {
    return createMemoryStorage();
  }
}

/** The real browser for whatever the overrides leave out; methods bound to keep their `this`. */
export function resolvePlatform(overrides: Partial<Platform> = {}): Platform {
  const nav = globalThis.navigator as Navigator | undefined;
  return {
    scheduler: overrides.scheduler ?? {
      now: () => Date.now(),
      setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    fetch: overrides.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    // `sendBeacon: undefined` given on purpose means: no beacon.
    sendBeacon:
      'sendBeacon' in overrides
        ? overrides.sendBeacon
        : nav?.sendBeacon && ((url, body) => nav.sendBeacon(url, body)),
    storage: overrides.storage ?? localStorageOrMemory(),
    randomId: overrides.randomId ?? (() => globalThis.crypto.randomUUID()),
    random: overrides.random ?? Math.random,
    isOnline: overrides.isOnline ?? (() => nav?.onLine ?? true),
    currentUrl: overrides.currentUrl ?? (() => globalThis.location?.href),
  };
}
