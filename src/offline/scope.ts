/**
 * What the offline copy of one language holds, decided from a built file's path (relative to
 * the site's base): the build script uses it to total the sizes the switch shows, the service
 * worker to pick its precache list. Shared by both so the figure shown is what gets stored.
 */

/** The site's locales as they appear in paths: the root locale is English. */
export type OfflineLocale = 'en' | 'pt-br';
export const OFFLINE_LOCALES: readonly OfflineLocale[] = ['en', 'pt-br'];

/** localStorage key holding the locales the reader asked to keep offline (a JSON list). */
export const OFFLINE_KEY = 'asyncio-live:offline:v1';
/** Prefix of every Cache Storage cache the service worker makes (turning off deletes them). */
export const CACHE_PREFIX = 'asyncio-live-offline';
/** The service worker and the sizes file, relative to the site's base. */
export const SERVICE_WORKER_FILE = 'sw.js';
export const SIZES_FILE = 'offline-sizes.json';
/** Every stored file's size (path relative to the base -> bytes), for the progress bar. */
export const FILES_FILE = 'offline-files.json';
/** Query parameter of the service worker's URL naming the locales it keeps (`en+pt-br`). */
export const LOCALES_PARAM = 'locales';

/** Files the offline copy never holds: pages not meant for readers, the worker itself. */
const NEVER = [/^dev\//, /^sw\.js$/, /^sitemap/];

/**
 * The locale a file belongs to, `'shared'` for what every language needs (scripts, styles,
 * Python, the database, Pagefind's code), or `undefined` for a file never stored.
 */
export function localeOf(path: string): OfflineLocale | 'shared' | undefined {
  if (NEVER.some((pattern) => pattern.test(path))) return undefined;
  if (path.endsWith('.html')) {
    // 404.html answers any missing path, in both languages.
    if (path === '404.html') return 'shared';
    return path.startsWith('pt-br/') ? 'pt-br' : 'en';
  }
  if (path.startsWith('pagefind/')) {
    // Pagefind names each language's index, fragments, filters and metadata after it:
    // `fragment/en_1cdbac5.pf_fragment`, `pagefind.pt-br_56a23.pf_meta`, `wasm.en.pagefind`.
    const name = path.slice(path.lastIndexOf('/') + 1);
    const tagged = /^(?:pagefind\.|wasm\.)?(en|pt-br)[._]/.exec(name);
    if (tagged) return tagged[1] as OfflineLocale;
  }
  return 'shared';
}

/** Whether an offline copy of `locales` holds the file at `path`. */
export function isStoredFor(path: string, locales: readonly OfflineLocale[]): boolean {
  const locale = localeOf(path);
  return locale === 'shared' || (locale !== undefined && locales.includes(locale));
}

/** The locales named in a service worker URL's query (`?locales=en+pt-br`), known ones only. */
export function localesFromQuery(search: string): OfflineLocale[] {
  const named = (new URLSearchParams(search).get(LOCALES_PARAM) ?? '').split(/[+ ]/);
  return OFFLINE_LOCALES.filter((locale) => named.includes(locale));
}
