/**
 * The logic of the "Available offline" switch (OfflineSwitch.astro imports it only when needed).
 *
 * The reader's wish is a list of locales in localStorage (`OFFLINE_KEY`); the service worker's
 * URL names the same list (`sw.js?locales=en+pt-br`), so turning the switch on in a second
 * language keeps the first, and a worker whose URL differs from the wish is being replaced.
 * While the worker installs, the progress is what Cache Storage holds against the sizes the
 * build listed (offline-files.json); it is done when the worker for the wish is active.
 * Turning the last language off unregisters the worker and deletes its caches.
 */
import { keepSavedWork } from '../../offline/persist.ts';
import {
  CACHE_PREFIX,
  FILES_FILE,
  isStoredFor,
  LOCALES_PARAM,
  OFFLINE_KEY,
  OFFLINE_LOCALES,
  type OfflineLocale,
  SERVICE_WORKER_FILE,
  SIZES_FILE,
} from '../../offline/scope.ts';

interface Strings {
  size: string;
  saving: string;
  saved: string;
  failed: string;
  removed: string;
  unsupported: string;
}

const POLL_MS = 400;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Megabytes as a reader reads them, in the page's language (`48.1 MB`, `48,1 MB`). */
function megabytes(bytes: number, lang: string): string {
  return `${(bytes / 1e6).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

function readWish(): OfflineLocale[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(OFFLINE_KEY) ?? '[]');
    return OFFLINE_LOCALES.filter((locale) => Array.isArray(parsed) && parsed.includes(locale));
  } catch {
    return [];
  }
}

function writeWish(locales: readonly OfflineLocale[]): void {
  try {
    if (locales.length === 0) localStorage.removeItem(OFFLINE_KEY);
    else localStorage.setItem(OFFLINE_KEY, JSON.stringify(locales));
  } catch {
    /* the worker's URL still says what is kept */
  }
}

/** Our caches: the worker names them with CACHE_PREFIX (src/offline/sw.ts). */
async function ourCaches(): Promise<string[]> {
  return (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX));
}

export function attach(root: HTMLElement): void {
  const toggle = root.querySelector<HTMLInputElement>('[data-offline-toggle]')!;
  const status = root.querySelector<HTMLElement>('[data-offline-status]')!;
  const sizeNote = root.querySelector<HTMLElement>('[data-offline-size]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-offline-progress]')!;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const locale = root.dataset.locale as OfflineLocale;
  const base = root.dataset.base ?? '/';
  const lang = document.documentElement.lang || 'en';
  const mb = (bytes: number) => megabytes(bytes, lang);

  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    toggle.disabled = true;
    status.textContent = strings.unsupported;
    return;
  }

  const workerUrl = (locales: readonly OfflineLocale[]) =>
    new URL(`${base}${SERVICE_WORKER_FILE}?${LOCALES_PARAM}=${locales.join('+')}`, location.href).href;

  let files: Promise<Record<string, number>> | undefined;
  const sizesOfFiles = () =>
    (files ??= fetch(`${base}${FILES_FILE}`).then((r) => r.json() as Promise<Record<string, number>>));

  /** Bytes the copy of `locales` stores, and bytes of it already in Cache Storage. */
  async function measure(locales: readonly OfflineLocale[]): Promise<{ total: number; stored: number }> {
    const sizes = await sizesOfFiles();
    let total = 0;
    for (const [file, bytes] of Object.entries(sizes)) if (isStoredFor(file, locales)) total += bytes;
    const siteRoot = new URL(base, location.href);
    const seen = new Set<string>();
    for (const name of await ourCaches()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        url.searchParams.delete('__WB_REVISION__');
        seen.add(decodeURI(url.pathname.slice(siteRoot.pathname.length)));
      }
    }
    let stored = 0;
    for (const file of seen) if (isStoredFor(file, locales)) stored += sizes[file] ?? 0;
    return { total, stored: Math.min(stored, total) };
  }

  let tracking = 0;
  /** Follows the worker for the current wish until it is active (done) or gone (failed). */
  async function track(): Promise<void> {
    const run = ++tracking;
    const wish = readWish();
    const wanted = workerUrl(wish);
    for (;;) {
      if (run !== tracking) return;
      const registration = await navigator.serviceWorker.getRegistration(base);
      const pending = [registration?.installing, registration?.waiting].find((w) => w?.scriptURL === wanted);
      const { total, stored } = await measure(wish);
      if (run !== tracking) return;
      if (!pending && registration?.active?.scriptURL === wanted) {
        progress.hidden = true;
        status.textContent = fill(strings.saved, { size: mb(total) });
        root.dataset.offlineState = 'saved';
        keepSavedWork();
        return;
      }
      if (!pending) {
        progress.hidden = true;
        status.textContent = strings.failed;
        root.dataset.offlineState = 'failed';
        return;
      }
      progress.hidden = false;
      progress.max = total;
      progress.value = stored;
      status.textContent = fill(strings.saving, { done: mb(stored), total: mb(total) });
      root.dataset.offlineState = 'saving';
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async function turnOn(): Promise<void> {
    const wish = OFFLINE_LOCALES.filter((l) => l === locale || readWish().includes(l));
    writeWish(wish);
    status.textContent = fill(strings.saving, { done: mb(0), total: '…' });
    try {
      await navigator.serviceWorker.register(workerUrl(wish), { scope: base });
    } catch (error) {
      console.error('The offline copy could not start:', error);
      status.textContent = strings.failed;
      root.dataset.offlineState = 'failed';
      return;
    }
    await track();
  }

  async function turnOff(): Promise<void> {
    tracking++;
    progress.hidden = true;
    const wish = readWish().filter((l) => l !== locale);
    writeWish(wish);
    const registration = await navigator.serviceWorker.getRegistration(base);
    if (wish.length > 0) {
      // Another language stays: its worker replaces this one and drops this language's files.
      await navigator.serviceWorker.register(workerUrl(wish), { scope: base });
    } else {
      await registration?.unregister();
      await Promise.all((await ourCaches()).map((name) => caches.delete(name)));
    }
    status.textContent = strings.removed;
    root.dataset.offlineState = 'off';
  }

  toggle.addEventListener('change', () => void (toggle.checked ? turnOn() : turnOff()));

  // What turning it on would store, before the reader decides.
  void fetch(`${base}${SIZES_FILE}`)
    .then((r) => r.json() as Promise<{ locales: Record<OfflineLocale, number> }>)
    .then(({ locales }) => {
      sizeNote.textContent = fill(strings.size, { size: mb(locales[locale]) });
    })
    .catch(() => undefined);

  // The state this page opens with (the reader may have toggled before this module arrived).
  const wished = readWish().includes(locale);
  if (toggle.checked !== wished) void (toggle.checked ? turnOn() : turnOff());
  else if (wished) void track();
}
