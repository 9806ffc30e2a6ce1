/**
 * Asks the browser to keep the site's storage (`navigator.storage.persist()`) once the reader has
 * saved something of their own (a draft, a fork, exercise progress) and keeps the site offline:
 * a browser short of space may otherwise evict the offline copy and, with it, their work.
 * Asked at most once per page; the browser decides, and remembers its answer.
 */
import { OFFLINE_KEY } from './scope.ts';

/** Keys of the reader's own work: drafts (src/lib/playground/edits.ts), forks, exercise progress. */
export const SAVED_WORK = /^asyncio-live:(?:edit|forks|exercise):/;

let asked = false;

function keepsOffline(): boolean {
  try {
    const wanted = globalThis.localStorage?.getItem(OFFLINE_KEY);
    if (wanted && wanted !== '[]') return true;
  } catch {
    /* storage unreadable: only a controlling worker says a copy exists */
  }
  return Boolean(globalThis.navigator?.serviceWorker?.controller);
}

/** Whether localStorage holds any of the reader's own work. */
export function hasSavedWork(storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    for (let i = 0; i < (storage?.length ?? 0); i++) if (SAVED_WORK.test(storage!.key(i) ?? '')) return true;
  } catch {
    /* unreadable storage holds nothing we can keep */
  }
  return false;
}

/**
 * Asks for persistent storage if the reader has saved work and keeps the site offline; with
 * `writtenKey`, only if that key (just written) is the reader's work.
 */
export function keepSavedWork(writtenKey?: string): void {
  if (writtenKey !== undefined && !SAVED_WORK.test(writtenKey)) return;
  if (asked || !globalThis.navigator?.storage?.persist || !keepsOffline() || !hasSavedWork()) return;
  asked = true;
  void navigator.storage.persist().catch(() => {
    asked = false;
  });
}
