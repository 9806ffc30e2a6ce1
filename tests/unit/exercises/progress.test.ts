import { describe, expect, test } from 'vitest';
import { allProgress, loadProgress, progressKey, progressState, saveProgress } from '../../../src/lib/exercises/progress';
import { createStore } from '../../../src/lib/playground/storage';

/** A Storage in memory; `full` makes every write throw as a full browser storage does. */
function memoryStorage(full = false): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
  };
}

describe('a reader’s progress on exercises', () => {
  test('is saved per exercise and read back', () => {
    const store = createStore(memoryStorage());
    expect(loadProgress(store, 'x/y')).toEqual({ attempted: false, solved: false, hints: 0 });
    expect(saveProgress(store, 'x/y', { attempted: true, solved: false, hints: 2, code: 'print(1)' }, 5)).toEqual({ ok: true });
    expect(loadProgress(store, 'x/y')).toEqual({ attempted: true, solved: false, hints: 2, code: 'print(1)', savedAt: 5 });
    expect(progressState(loadProgress(store, 'x/y'))).toBe('attempted');
    expect([...allProgress(store).keys()]).toEqual(['x/y']);
  });

  test('a solved exercise stays solved after a later failing check', () => {
    const store = createStore(memoryStorage());
    saveProgress(store, 'x/y', { attempted: true, solved: true, hints: 0, verdict: 'pass' });
    saveProgress(store, 'x/y', { attempted: true, solved: false, hints: 0, verdict: 'fail' });
    expect(loadProgress(store, 'x/y')).toMatchObject({ solved: true, verdict: 'fail' });
  });

  test('an unreadable entry reads as no progress, never as an error', () => {
    const storage = memoryStorage();
    storage.setItem(progressKey('x/y'), '{"attempted": "yes", "hints": -3, "prediction": [1, 2]');
    expect(loadProgress(createStore(storage), 'x/y')).toEqual({ attempted: false, solved: false, hints: 0 });
    storage.setItem(progressKey('x/z'), '{"attempted": "yes", "hints": -3, "prediction": [1, 2]}');
    expect(loadProgress(createStore(storage), 'x/z')).toEqual({ attempted: false, solved: false, hints: 0 });
  });

  test('a full storage is reported, and the progress kept for the page’s life', () => {
    const store = createStore(memoryStorage(true));
    expect(saveProgress(store, 'x/y', { attempted: true, solved: true, hints: 1 })).toEqual({ ok: false, reason: 'quota' });
    expect(loadProgress(store, 'x/y')).toMatchObject({ attempted: true, solved: true, hints: 1 });
  });
});
