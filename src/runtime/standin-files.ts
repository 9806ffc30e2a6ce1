/**
 * The stand-ins' sources (src/runtime/python/standins/: aiohttp, asyncpg), as text. The worker
 * imports this module only when a run first declares a stand-in, so a page that never runs one
 * never downloads them; they are written beside the runner, off sys.path (livepy/standins.py).
 */
const modules = import.meta.glob<string>('./python/standins/**/*.py', { query: '?raw', import: 'default', eager: true });

/** `standins/aiohttp/client.py` -> its source. */
export const STANDIN_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(modules).map(([path, source]) => [path.replace('./python/', ''), source]),
);
