/**
 * Asks the browser to keep the site's storage (`navigator.storage.persist()`) once the reader has
 * saved something of their own (a draft, a fork, exercise progress) and keeps the site offline:
 * a browser short of space may otherwise evict the offline copy and, with it, their work.
 * Asked at most once per page; the browser decides, and remembers its answer.
 */
import { SAVED_WORK } from '../lib/playground/storage.ts';
import { OFFLINE_KEY } from './scope.ts';

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

/** Asks for persistent storage if the reader has saved work and keeps the site offline. */
export function keepSavedWork(): void {
  if (asked || !globalThis.navigator?.storage?.persist || !keepsOffline() || !hasSavedWork()) return;
  asked = true;
  void navigator.storage.persist().catch(() => {
    asked = false;
  });
}
