/**
 * A small key-value store over `localStorage` that never throws.
 *
 * Storage can be missing (privacy modes, sandboxed frames, `localStorage` access throwing a
 * SecurityError) or full (QuotaExceededError). In both cases the value is kept in memory for
 * the life of the page and the caller learns why, so the interface can tell the reader and offer
 * a download instead of silently losing their work.
 */
export type SaveResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' };

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): SaveResult;
  remove(key: string): void;
  /** Keys starting with `prefix`, from storage and memory. */
  keys(prefix: string): string[];
}

export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null)) return false;
  const { name, code } = error as { name?: string; code?: number };
  // 22: Chromium/WebKit, 1014: old Firefox; names vary by engine.
  return code === 22 || code === 1014 || name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** `localStorage`, or undefined when reading the property itself throws or it is absent. */
export function browserStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    const probe = '__playground_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    // A full storage still reads: keep it, writes will report the quota.
    if (isQuotaError(error)) {
      try {
        return globalThis.localStorage ?? undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

export function createStore(storage: Storage | undefined = browserStorage()): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    get(key) {
      if (memory.has(key)) return memory.get(key) ?? null;
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      if (!storage) {
        memory.set(key, value);
        return { ok: false, reason: 'unavailable' };
      }
      try {
        storage.setItem(key, value);
        memory.delete(key);
        // If this is the reader's own work, ask the browser to keep it when the site is kept
        // offline (a copy the browser could evict along with it). Imported on a write, so pages
        // that only read storage up front do not carry it.
        void import('../../offline/persist.ts').then((m) => m.keepSavedWork(key));
        return { ok: true };
      } catch (error) {
        memory.set(key, value);
        return { ok: false, reason: isQuotaError(error) ? 'quota' : 'unavailable' };
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        /* nothing stored, nothing to remove */
      }
    },
    keys(prefix) {
      const found = new Set<string>();
      try {
        if (storage) {
          for (let i = 0; i < storage.length; i++) {
            const key = storage.key(i);
            if (key?.startsWith(prefix)) found.add(key);
          }
        }
      } catch {
        /* unreadable storage: memory only */
      }
      for (const key of memory.keys()) if (key.startsWith(prefix)) found.add(key);
      return [...found];
    },
  };
}
