import { STORAGE_PREFIX } from './edits.ts';
import type { KeyValueStore, SaveResult } from './storage.ts';

/**
 * The reader's own named copies ("forks"), listed on the My playgrounds page. One list for the
 * whole site (not per language): a copy belongs to the reader, whatever page it came from.
 */
export const FORKS_KEY = `${STORAGE_PREFIX}forks:v1`;

export interface Fork {
  id: string;
  name: string;
  code: string;
  /** The example it was copied from (a path under `examples/`), if any. */
  source: string | undefined;
  createdAt: number;
  updatedAt: number;
}

export function loadForks(store: KeyValueStore): Fork[] {
  const raw = store.get(FORKS_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (f): f is Fork =>
        typeof f === 'object' && f !== null && typeof f.id === 'string' && typeof f.name === 'string' && typeof f.code === 'string',
    );
  } catch {
    return [];
  }
}

export function saveForks(store: KeyValueStore, forks: readonly Fork[]): SaveResult {
  return store.set(FORKS_KEY, JSON.stringify(forks));
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
