import { describe, expect, it } from 'vitest';
import { clearEdit, editKey, loadEdit, saveEdit } from '../../../src/lib/playground/edits.ts';
import { downloadName, downloadText, pep723Header, runCommand } from '../../../src/lib/playground/download.ts';
import {
  addFork,
  deleteFork,
  forkHash,
  forkIdFromHash,
  FORKS_CHANGED,
  FORKS_KEY,
  ForkStore,
  loadForks,
  loadSetAside,
  renameFork,
  uniqueName,
  updateForkCode,
} from '../../../src/lib/playground/forks.ts';
import { appendOutput, emptyOutput, formatStamp, outputText } from '../../../src/lib/playground/output.ts';
import {
  decodeShare,
  encodeShare,
  MAX_SHARE_BYTES,
  MAX_SHARE_CHARS,
  parseShareFragment,
  shareFragment,
  ShareLinkError,
} from '../../../src/lib/playground/share.ts';
import { createStore, isQuotaError } from '../../../src/lib/playground/storage.ts';

/** A Storage that holds `capacity` characters, then throws what browsers throw. */
function fakeStorage(capacity = Number.POSITIVE_INFINITY): Storage {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      if (used() - (data.get(k)?.length ?? 0) + v.length + k.length > capacity) {
        throw new DOMException('full', 'QuotaExceededError');
      }
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  };
}

describe('storage', () => {
  it('keeps a value in memory and reports the quota when storage is full', () => {
    const store = createStore(fakeStorage(10));
    expect(store.set('k', 'a value longer than ten')).toEqual({ ok: false, reason: 'quota' });
    expect(store.get('k')).toBe('a value longer than ten');
  });
  it('works without storage at all', () => {
    const store = createStore(undefined);
    expect(store.set('k', 'v')).toEqual({ ok: false, reason: 'unavailable' });
    expect(store.get('k')).toBe('v');
    expect(store.keys('k')).toEqual(['k']);
  });
  it('recognises quota errors by name and legacy code', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ code: 1014 })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});

describe('edits', () => {
  it('are kept per language and per example', () => {
    const store = createStore(fakeStorage());
    saveEdit(store, 'en', 'a/x.py', 'edited', 'original');
    expect(loadEdit(store, 'en', 'a/x.py')).toBe('edited');
    expect(loadEdit(store, 'pt-BR', 'a/x.py')).toBeUndefined();
    expect(editKey('pt-BR', 'a/x.py')).toContain('pt-BR:a/x.py');
  });
  it('an edit back to the original removes the draft; clear removes it too', () => {
    const store = createStore(fakeStorage());
    saveEdit(store, 'en', 'x.py', 'edited', 'original');
    saveEdit(store, 'en', 'x.py', 'original', 'original');
    expect(loadEdit(store, 'en', 'x.py')).toBeUndefined();
    saveEdit(store, 'en', 'x.py', 'edited', 'original');
    clearEdit(store, 'en', 'x.py');
    expect(loadEdit(store, 'en', 'x.py')).toBeUndefined();
  });
  it('ignores a damaged draft', () => {
    const store = createStore(fakeStorage());
    store.set(editKey('en', 'x.py'), '{not json');
    expect(loadEdit(store, 'en', 'x.py')).toBeUndefined();
  });
});

describe('share links', () => {
  it('round-trip code, unicode included, through a URL-safe payload', async () => {
    const code = 'import asyncio\nprint("olá, 世界 🐍")\n'.repeat(20);
    const payload = await encodeShare(code);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(code.length);
    expect(await decodeShare(payload)).toBe(code);
  });
  it('reject damaged and oversized links with a reason', async () => {
    await expect(decodeShare('not*base64')).rejects.toMatchObject({ kind: 'malformed' });
    await expect(decodeShare('AAAA')).rejects.toBeInstanceOf(ShareLinkError);
    await expect(decodeShare('')).rejects.toMatchObject({ kind: 'malformed' });
    await expect(decodeShare('A'.repeat(MAX_SHARE_CHARS + 1))).rejects.toMatchObject({ kind: 'too-large' });
    const bomb = await encodeShare('x'.repeat(MAX_SHARE_BYTES + 1));
    await expect(decodeShare(bomb)).rejects.toMatchObject({ kind: 'too-large' });
  });
  it('read and write the fragment', () => {
    expect(shareFragment('abc', '02/x.py')).toBe('#code=abc&in=02%2Fx.py');
    expect(parseShareFragment('#code=abc&in=02%2Fx.py')).toEqual({ payload: 'abc', target: '02/x.py' });
    expect(parseShareFragment('#fork=1')).toBeUndefined();
  });
});

describe('download', () => {
  const deps = { dependencies: ['aiohttp>=3.9'], requiresPython: '>=3.12' };
  it('adds a PEP 723 header when the example needs packages and the code lost it', () => {
    const text = downloadText('import aiohttp', deps);
    expect(text.startsWith(pep723Header(deps))).toBe(true);
    expect(text).toContain('# dependencies = ["aiohttp>=3.9"]');
    expect(text.endsWith('import aiohttp\n')).toBe(true);
  });
  it('leaves code alone when it has its block or needs nothing', () => {
    const withBlock = '# /// script\n# dependencies = []\n# ///\nprint(1)\n';
    expect(downloadText(withBlock, deps)).toBe(withBlock);
    expect(downloadText('print(1)', { dependencies: [], requiresPython: undefined })).toBe('print(1)\n');
  });
  it('names files and commands', () => {
    expect(downloadName('02-asyncio-basics/gather.py')).toBe('gather.py');
    expect(downloadName('my copy (2)')).toBe('my_copy_2.py');
    expect(downloadName('???')).toBe('playground.py');
    expect(runCommand('x.py', deps)).toBe('uv run x.py');
    expect(runCommand('x.py', { dependencies: [], requiresPython: undefined })).toBe('python3 x.py');
  });
});

describe('forks', () => {
  it('add with unique names, rename, update and delete', () => {
    let { forks } = addFork([], { name: 'gather', code: 'a', source: '02/gather.py' }, 1, 'one');
    ({ forks } = addFork(forks, { name: 'gather', code: 'b' }, 2, 'two'));
    expect(forks.map((f) => f.name)).toEqual(['gather (2)', 'gather']);
    forks = renameFork(forks, 'one', '  mine  ', 3);
    expect(forks.find((f) => f.id === 'one')?.name).toBe('mine');
    expect(renameFork(forks, 'one', '   ')).toEqual(forks);
    forks = updateForkCode(forks, 'two', 'c', 4);
    expect(forks.find((f) => f.id === 'two')).toMatchObject({ code: 'c', updatedAt: 4 });
    expect(deleteFork(forks, 'one').map((f) => f.id)).toEqual(['two']);
    expect(uniqueName('x', [])).toBe('x');
  });

  it('the URL fragment names a copy and back', () => {
    expect(forkIdFromHash(forkHash('a b'))).toBe('a b');
    expect(forkIdFromHash('#code=xyz')).toBeUndefined();
  });

  it('a store saves, then tells every subscriber, with a snapshot that changes only on change', () => {
    const channel = new EventTarget();
    const forks = new ForkStore(createStore(fakeStorage()), channel);
    const seen: number[] = [];
    const unsubscribe = forks.subscribe(() => seen.push(forks.snapshot().forks.length));
    const before = forks.snapshot();
    expect(forks.snapshot()).toBe(before);
    const { fork, result } = forks.add({ name: 'gather.py', code: 'x' });
    expect(result.ok).toBe(true);
    expect(forks.rename(fork.id, 'mine').ok).toBe(true);
    expect(forks.find(fork.id)?.name).toBe('mine');
    forks.remove(fork.id);
    expect(seen).toEqual([1, 1, 0]);
    unsubscribe();
    forks.add({ name: 'other', code: 'y' });
    expect(seen).toHaveLength(3);
  });

  it('another tab’s change (a storage event) refreshes the list', () => {
    const channel = new EventTarget();
    const storage = fakeStorage();
    const forks = new ForkStore(createStore(storage), channel);
    let calls = 0;
    forks.subscribe(() => calls++);
    expect(forks.snapshot().forks).toEqual([]);
    storage.setItem(FORKS_KEY, JSON.stringify([{ id: 'x', name: 'from elsewhere', code: 'c' }]));
    channel.dispatchEvent(Object.assign(new Event('storage'), { key: FORKS_KEY }));
    expect(calls).toBe(1);
    expect(forks.snapshot().forks.map((f) => f.name)).toEqual(['from elsewhere']);
    channel.dispatchEvent(new Event(FORKS_CHANGED));
    expect(calls).toBe(2);
  });

  it('an unreadable entry is set aside before the next save, and every readable one is kept', () => {
    const store = createStore(fakeStorage());
    store.set(FORKS_KEY, JSON.stringify([{ id: 'a', name: 'kept', code: 'k' }, { nope: 1 }, 'stray']));
    expect(loadForks(store).map((f) => f.name)).toEqual(['kept']);
    const forks = new ForkStore(store, new EventTarget());
    forks.add({ name: 'new', code: 'n' });
    expect(loadForks(store).map((f) => f.name)).toEqual(['new', 'kept']);
    expect(loadSetAside(store)).toEqual(['{"nope":1}', '"stray"']);
    expect(forks.snapshot().setAside).toHaveLength(2);
    forks.add({ name: 'again', code: 'a' }); // nothing new to set aside: no duplicates
    expect(loadSetAside(store)).toHaveLength(2);
    forks.forgetSetAside();
    expect(forks.snapshot().setAside).toEqual([]);
  });

  it('a list that cannot be parsed at all is kept whole, not overwritten by the next fork', () => {
    const store = createStore(fakeStorage());
    store.set(FORKS_KEY, '[{"id": "a", "name": "half a list');
    const forks = new ForkStore(store, new EventTarget());
    expect(forks.snapshot().forks).toEqual([]);
    forks.add({ name: 'new', code: 'n' });
    expect(loadSetAside(store)).toEqual(['[{"id": "a", "name": "half a list']);
    expect(loadForks(store).map((f) => f.name)).toEqual(['new']);
  });

  it('a fork that does not fit says so, and nothing stored is lost', () => {
    const storage = fakeStorage(400);
    const store = createStore(storage);
    const forks = new ForkStore(store, new EventTarget());
    expect(forks.add({ name: 'small', code: 'x' }).result.ok).toBe(true);
    const big = forks.add({ name: 'big', code: 'y'.repeat(1000) });
    expect(big.result).toEqual({ ok: false, reason: 'quota' });
    expect(big.fork.code).toHaveLength(1000); // still there to download
    expect(JSON.parse(storage.getItem(FORKS_KEY) ?? '[]')).toHaveLength(1);
  });
});

describe('output', () => {
  it('joins partial lines per stream and keeps each line’s first time stamp', () => {
    let out = appendOutput(emptyOutput(), [
      { stream: 'stdout', text: 'hel', t: 1 },
      { stream: 'stdout', text: 'lo\nwor', t: 5 },
      { stream: 'stderr', text: 'oops\n', t: 7 },
    ]);
    out = appendOutput(out, [{ stream: 'stdout', text: 'ld\n', t: 9 }]);
    expect(out.lines.map((l) => [l.stream, l.text, l.t])).toEqual([
      ['stdout', 'hello', 1],
      ['stdout', 'wor', 5],
      ['stderr', 'oops', 7],
      ['stdout', 'ld', 9],
    ]);
    expect(outputText(out)).toBe('hello\nwor\n! oops\nld');
  });
  it('caps lines and characters and counts what it dropped', () => {
    const chunks = Array.from({ length: 10 }, (_, i) => ({ stream: 'stdout' as const, text: `line ${i}\n`, t: i }));
    const out = appendOutput(emptyOutput(), chunks, { lines: 3, chars: 1000 });
    expect(out.lines).toHaveLength(3);
    expect(out.droppedChars).toBe(7 * 7);
  });
  it('formats time stamps relative to the start', () => {
    expect(formatStamp(0)).toBe('+0.000s');
    expect(formatStamp(1234)).toBe('+1.234s');
    expect(formatStamp(62_500)).toBe('+1:02.5');
  });
});
