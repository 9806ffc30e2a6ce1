import { STORAGE_PREFIX } from './edits.ts';
import type { KeyValueStore, SaveResult } from './storage.ts';

/**
 * The reader's own named copies ("forks"), listed on the My playgrounds page. One list for the
 * whole site (not per language): a copy belongs to the reader, whatever page it came from.
 *
 * Everything that reads or writes the list goes through a `ForkStore`: it saves, then tells
 * every subscriber on the page (and other tabs, through the `storage` event), so the list on
 * My playgrounds and a playground editing a copy never disagree.
 *
 * Nothing the reader saved is thrown away: an entry that cannot be read (a damaged or
 * hand-edited storage value) is set aside under its own key before the list is written again,
 * and the page offers it as a download.
 */
export const FORKS_KEY = `${STORAGE_PREFIX}forks:v1`;
/** Raw text of entries that could not be read, kept for the reader (a JSON array of strings). */
export const FORKS_SET_ASIDE_KEY = `${STORAGE_PREFIX}forks:set-aside:v1`;
/** The URL fragment parameter that opens a copy on My playgrounds: `#fork=<id>`. */
export const FORK_PARAM = 'fork';
/** Fired on `window` after the list changed in this tab. */
export const FORKS_CHANGED = 'playground:forks-changed';

export interface Fork {
  id: string;
  name: string;
  code: string;
  /** The example it was copied from (a path under `examples/`), if any. */
  source: string | undefined;
  createdAt: number;
  updatedAt: number;
}

export interface StoredForks {
  forks: Fork[];
  /** Raw text of what could not be read (whole list or single entries). */
  unreadable: string[];
}

function isFork(value: unknown): value is Fork {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return typeof f['id'] === 'string' && typeof f['name'] === 'string' && typeof f['code'] === 'string';
}

/** The list as stored: readable entries, and the raw text of every part that is not. */
export function parseForks(raw: string | null): StoredForks {
  if (!raw) return { forks: [], unreadable: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { forks: [], unreadable: [raw] };
  }
  if (!Array.isArray(parsed)) return { forks: [], unreadable: [raw] };
  const forks: Fork[] = [];
  const unreadable: string[] = [];
  for (const entry of parsed) {
    if (isFork(entry)) {
      forks.push({
        ...entry,
        source: typeof entry.source === 'string' ? entry.source : undefined,
        createdAt: Number.isFinite(entry.createdAt) ? entry.createdAt : 0,
        updatedAt: Number.isFinite(entry.updatedAt) ? entry.updatedAt : 0,
      });
    } else {
      unreadable.push(JSON.stringify(entry));
    }
  }
  return { forks, unreadable };
}

export function loadForks(store: KeyValueStore): Fork[] {
  return parseForks(store.get(FORKS_KEY)).forks;
}

export function loadSetAside(store: KeyValueStore): string[] {
  const raw = store.get(FORKS_SET_ASIDE_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
  } catch {
    /* the set-aside value itself is damaged: keep it whole, below */
  }
  return [raw];
}

export function newForkId(now: number = Date.now(), random: () => number = Math.random): string {
  return `${now.toString(36)}${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/** A name not yet used: `gather`, then `gather (2)`, `gather (3)`... */
export function uniqueName(base: string, forks: readonly Fork[]): string {
  const taken = new Set(forks.map((f) => f.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function addFork(
  forks: readonly Fork[],
  input: { name: string; code: string; source?: string | undefined },
  now: number = Date.now(),
  id: string = newForkId(now),
): { forks: Fork[]; fork: Fork } {
  const fork: Fork = {
    id,
    name: uniqueName(input.name.trim() || 'playground', forks),
    code: input.code,
    source: input.source,
    createdAt: now,
    updatedAt: now,
  };
  return { forks: [fork, ...forks], fork };
}

export function renameFork(forks: readonly Fork[], id: string, name: string, now: number = Date.now()): Fork[] {
  const trimmed = name.trim();
  if (!trimmed) return [...forks];
  return forks.map((f) => (f.id === id ? { ...f, name: trimmed, updatedAt: now } : f));
}

export function updateForkCode(forks: readonly Fork[], id: string, code: string, now: number = Date.now()): Fork[] {
  return forks.map((f) => (f.id === id && f.code !== code ? { ...f, code, updatedAt: now } : f));
}

export function deleteFork(forks: readonly Fork[], id: string): Fork[] {
  return forks.filter((f) => f.id !== id);
}

export function findFork(forks: readonly Fork[], id: string): Fork | undefined {
  return forks.find((f) => f.id === id);
}

/** The copy a URL fragment asks for (`#fork=<id>`), if any. */
export function forkIdFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get(FORK_PARAM) ?? undefined;
}

/** The fragment that opens a copy on My playgrounds. */
export function forkHash(id: string): string {
  return `#${FORK_PARAM}=${encodeURIComponent(id)}`;
}

export interface ForksSnapshot {
  forks: readonly Fork[];
  /** Entries that could not be read, kept aside for the reader to download. */
  setAside: readonly string[];
}

/** Where change notices go and come from: `window` in a page, anything in a test. */
export interface ChangeChannel {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
}

export class ForkStore {
  readonly #store: KeyValueStore;
  readonly #channel: ChangeChannel | undefined;
  #snapshot: ForksSnapshot | undefined;

  constructor(store: KeyValueStore, channel: ChangeChannel | undefined = globalThis.window) {
    this.#store = store;
    this.#channel = channel;
  }

  /** The list now; the same object until something changes (for `useSyncExternalStore`). */
  readonly snapshot = (): ForksSnapshot => {
    this.#snapshot ??= { forks: loadForks(this.#store), setAside: loadSetAside(this.#store) };
    return this.#snapshot;
  };

  /** Calls `listener` after every change, in this tab or another; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    const onChange = () => {
      this.#snapshot = undefined;
      listener();
    };
    const onStorage = (event: Event) => {
      const key = (event as StorageEvent).key;
      if (key === null || key === FORKS_KEY || key === FORKS_SET_ASIDE_KEY) onChange();
    };
    this.#channel?.addEventListener(FORKS_CHANGED, onChange);
    this.#channel?.addEventListener('storage', onStorage);
    return () => {
      this.#channel?.removeEventListener(FORKS_CHANGED, onChange);
      this.#channel?.removeEventListener('storage', onStorage);
    };
  };

  find(id: string): Fork | undefined {
    return findFork(this.snapshot().forks, id);
  }

  /** Adds a copy; when `result` is not ok it was not saved (its code is still in `fork`). */
  add(input: { name: string; code: string; source?: string | undefined }): { fork: Fork; result: SaveResult } {
    let created: Fork | undefined;
    const result = this.#change((forks) => {
      const next = addFork(forks, input);
      created = next.fork;
      return next.forks;
    });
    return { fork: created as Fork, result };
  }

  rename(id: string, name: string): SaveResult {
    return this.#change((forks) => renameFork(forks, id, name));
  }

  updateCode(id: string, code: string): SaveResult {
    return this.#change((forks) => updateForkCode(forks, id, code));
  }

  remove(id: string): SaveResult {
    return this.#change((forks) => deleteFork(forks, id));
  }

  /** The reader has their set-aside entries (downloaded them): stop keeping them. */
  forgetSetAside(): void {
    this.#store.remove(FORKS_SET_ASIDE_KEY);
    this.#notify();
  }

  /** Reads the stored list afresh, applies `change`, saves, then tells everyone. */
  #change(change: (forks: Fork[]) => Fork[]): SaveResult {
    const stored = parseForks(this.#store.get(FORKS_KEY));
    const next = change(stored.forks);
    if (stored.unreadable.length > 0) {
      // Keep what cannot be read before the list is written without it.
      const kept = loadSetAside(this.#store);
      const fresh = stored.unreadable.filter((raw) => !kept.includes(raw));
      const aside = this.#store.set(FORKS_SET_ASIDE_KEY, JSON.stringify([...kept, ...fresh]));
      if (!aside.ok) return aside; // not even that fits: change nothing, lose nothing
    }
    const result = this.#store.set(FORKS_KEY, JSON.stringify(next));
    this.#notify();
    return result;
  }

  #notify(): void {
    this.#snapshot = undefined;
    this.#channel?.dispatchEvent(new Event(FORKS_CHANGED));
  }
}
