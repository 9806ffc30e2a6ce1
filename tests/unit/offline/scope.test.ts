import { describe, expect, it } from 'vitest';
import { isStoredFor, localeOf, localesFromQuery } from '../../../src/offline/scope.ts';
import { hasSavedWork } from '../../../src/offline/persist.ts';

describe('what an offline copy of one language stores', () => {
  it('keeps that language\'s pages and not the other\'s', () => {
    expect(isStoredFor('chapters/02-asyncio-basics/index.html', ['en'])).toBe(true);
    expect(isStoredFor('pt-br/chapters/02-asyncio-basics/index.html', ['en'])).toBe(false);
    expect(isStoredFor('pt-br/chapters/02-asyncio-basics/index.html', ['pt-br'])).toBe(true);
    expect(isStoredFor('index.html', ['pt-br'])).toBe(false);
    // The not-found page answers in both languages.
    expect(localeOf('404.html')).toBe('shared');
  });

  it('keeps the language\'s search index and Pagefind\'s code, not the other index', () => {
    for (const file of ['pagefind/fragment/en_1cdbac5.pf_fragment', 'pagefind/index/en_2787976.pf_index',
      'pagefind/filter/en_388f6eb.pf_filter', 'pagefind/pagefind.en_9ee888332c.pf_meta', 'pagefind/wasm.en.pagefind']) {
      expect([file, localeOf(file)]).toEqual([file, 'en']);
    }
    expect(localeOf('pagefind/fragment/pt-br_1cdbac5.pf_fragment')).toBe('pt-br');
    expect(localeOf('pagefind/wasm.pt-br.pagefind')).toBe('pt-br');
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.unknown.pagefind']) {
      expect([file, localeOf(file)]).toEqual([file, 'shared']);
    }
  });

  it('keeps what every page needs, never the dev pages or its own files', () => {
    // With the sizes the switch shows, so an offline page still says what the copy holds.
    for (const file of ['_astro/mount.Bx1.js', 'pyodide/pyodide.asm.wasm', 'pglite/pglite.data', 'favicon.svg', 'offline-sizes.json', 'offline-files.json']) {
      expect(isStoredFor(file, ['pt-br'])).toBe(true);
    }
    for (const file of ['dev/runtime/index.html', 'sw.js', 'sitemap-0.xml']) {
      expect([file, localeOf(file)]).toEqual([file, undefined]);
    }
  });

  it('reads the locales from the service worker\'s URL, known ones only', () => {
    expect(localesFromQuery('?locales=en+pt-br')).toEqual(['en', 'pt-br']);
    expect(localesFromQuery('?locales=pt-br')).toEqual(['pt-br']);
    expect(localesFromQuery('?locales=fr')).toEqual([]);
    expect(localesFromQuery('')).toEqual([]);
  });
});

describe('saved work worth keeping', () => {
  const storage = (keys: string[]) =>
    ({ length: keys.length, key: (i: number) => keys[i] ?? null }) as unknown as Storage;

  it('counts drafts, forks and exercise progress, not settings or the offline wish', () => {
    expect(hasSavedWork(storage(['asyncio-live:edit:v1:en:02-asyncio-basics/create_task.py']))).toBe(true);
    expect(hasSavedWork(storage(['asyncio-live:forks:v1']))).toBe(true);
    expect(hasSavedWork(storage(['asyncio-live:exercise:v1:x']))).toBe(true);
    expect(hasSavedWork(storage(['asyncio-live:offline:v1', 'playground:timeline-collapsed']))).toBe(false);
    expect(hasSavedWork(undefined)).toBe(false);
  });
});
