import type { KeyValueStore, SaveResult } from './storage.ts';

/**
 * The reader's edits of one example, kept per language and per example: the same example on
 * the English and the Portuguese page are two separate drafts.
 */
export const STORAGE_PREFIX = 'asyncio-live:';
const EDITS_PREFIX = `${STORAGE_PREFIX}edit:v1:`;

export function editKey(lang: string, example: string): string {
  return `${EDITS_PREFIX}${lang}:${example}`;
}

interface StoredEdit {
  code: string;
  savedAt: number;
}

/** The saved draft, or undefined when there is none (or it cannot be read). */
export function loadEdit(store: KeyValueStore, lang: string, example: string): string | undefined {
  const raw = store.get(editKey(lang, example));
  if (raw === null) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredEdit>;
    return typeof parsed.code === 'string' ? parsed.code : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a draft; a draft equal to the original is removed instead (nothing left to restore). */
export function saveEdit(
  store: KeyValueStore,
  lang: string,
  example: string,
  code: string,
  original: string,
  now: number = Date.now(),
): SaveResult {
  const key = editKey(lang, example);
  if (code === original) {
    store.remove(key);
    return { ok: true };
  }
  const value: StoredEdit = { code, savedAt: now };
  return store.set(key, JSON.stringify(value));
}

export function clearEdit(store: KeyValueStore, lang: string, example: string): void {
  store.remove(editKey(lang, example));
}
