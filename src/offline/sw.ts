/// <reference lib="webworker" />
/**
 * The service worker of the "Available offline" switch. It is registered only when a reader turns
 * the switch on (src/components/offline/), with the locales to keep in its URL
 * (`sw.js?locales=pt-br`). On install it stores that language's pages, search index and
 * everything the pages need (scripts, styles, Pyodide, PGlite) through Serwist's precache.
 *
 * Pages are network-first: online, a reader always gets the page the server has now. Only when
 * the network fails does a page come from the stored copy, marked `data-offline-copy` on its
 * `<html>` so it shows the notice that says so (Banner.astro). Everything else stored is
 * fingerprinted or revisioned by the build, so it is served from the copy first.
 *
 * Built after `astro build` by scripts/offline/build-service-worker.mjs, which bundles this file
 * and injects the build's file list at `self.__SW_MANIFEST`.
 */
import { type PrecacheEntry, Serwist } from 'serwist';
import { CACHE_PREFIX, isStoredFor, localesFromQuery } from './scope.ts';

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const locales = localesFromQuery(self.location.search);
const entries = (self.__SW_MANIFEST ?? []).filter((entry) =>
  isStoredFor(typeof entry === 'string' ? entry : entry.url, locales),
);

const serwist = new Serwist({
  precacheEntries: entries,
  precacheOptions: {
    // Named here: `cacheId` below reaches only the caches Serwist names after the constructor.
    cacheName: `${CACHE_PREFIX}-precache-${self.registration.scope}`,
    // Pagefind asks for its entry file with `?ts=<now>` to get past HTTP caches.
    ignoreURLParametersMatching: [/^ts$/],
    // `/chapters/x/` is a page: never answered from the copy while the network works (below).
    directoryIndex: '',
    cleanURLs: false,
    cleanupOutdatedCaches: true,
    concurrency: 6,
  },
  cacheId: CACHE_PREFIX,
  // The reader turned the switch on in this page: the copy serves it from now on, and a worker
  // for other locales replaces the previous one at once.
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
});

/** The stored copy of a page, marked so the page says it is the offline copy. */
async function storedPage(url: URL): Promise<Response | undefined> {
  const file = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
  const stored = await serwist.matchPrecache(new URL(file, url).href);
  if (!stored) return undefined;
  const html = (await stored.text()).replace(/<html\b/i, '<html data-offline-copy');
  return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    fetch(request).catch(async (error: unknown) => {
      const page = await storedPage(url);
      if (page) return page;
      throw error;
    }),
  );
});

// After the listener above, so a navigation never reaches the precache's cache-first route.
serwist.addEventListeners();
