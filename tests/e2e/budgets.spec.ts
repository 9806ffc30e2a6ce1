import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, Playground, test } from './fixtures';
import { siteDist } from './support/pages';

/**
 * Byte budgets of the playground, measured on the built site:
 * - until a playground nears the viewport, a chapter page loads at most 10 KB of gzipped
 *   JavaScript beyond what Starlight ships on a page without playgrounds;
 * - the editor chunk (what the loader imports when a playground nears the viewport) is at most
 *   200 KB gzipped.
 */
const KB = 1024;
const PAGE_BUDGET = 10 * KB;
const EDITOR_BUDGET = 200 * KB;
const CHAPTER = 'chapters/02-asyncio-basics/';
const PLAIN = 'about/';

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function htmlOf(page: string): string {
  return readFileSync(path.join(siteDist, page, 'index.html'), 'utf8');
}

/** The base the build under test was made for (as in playwright.config.ts). */
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/** A site URL (`/_astro/x.js`, with the base) -> file in the dist. */
function fileOf(url: string): string {
  return path.join(siteDist, url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
}

/** Static imports of a minified ES module (`import{a}from"./x.js"`, `import"./x.js"`, `export*from`). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g)) {
    found.add(m[1]!);
  }
  return [...found];
}

function dynamicImports(code: string): string[] {
  return [...code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
}

interface PageJs {
  /** Files loaded before any interaction: scripts, module preloads and their static imports. */
  files: Map<string, number>;
  /** gzipped size of inline module scripts. */
  inline: number;
  /** Every file the page can reach through dynamic imports of its up-front files. */
  lazy: string[];
}

function pageJs(page: string): PageJs {
  const html = htmlOf(page);
  const files = new Map<string, number>();
  const queue = [
    ...[...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ].map(fileOf);
  const inlineScripts = [
    ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]!);
  queue.push(
    ...inlineScripts.flatMap((code) =>
      staticImports(code).map((spec) => fileOf(new URL(spec, 'http://x/' + page).pathname)),
    ),
  );
  const lazy = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file) || !existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    files.set(file, gz(code));
    for (const spec of staticImports(code)) queue.push(path.resolve(path.dirname(file), spec));
    for (const spec of dynamicImports(code)) lazy.add(path.resolve(path.dirname(file), spec));
  }
  return { files, inline: inlineScripts.reduce((n, code) => n + (code.trim() ? gz(code) : 0), 0), lazy: [...lazy] };
}

const sum = (sizes: Iterable<number>) => [...sizes].reduce((a, b) => a + b, 0);

test.describe('byte budgets (built site)', () => {
  test('a chapter adds at most 10 KB gzipped JS to what Starlight ships, until a playground nears', () => {
    const plain = pageJs(PLAIN);
    const chapter = pageJs(CHAPTER);
    const added = [...chapter.files].filter(([file]) => !plain.files.has(file));
    const addedBytes = sum(added.map(([, size]) => size)) + Math.max(0, chapter.inline - plain.inline);
    const starlightBytes = sum(plain.files.values()) + plain.inline;
    console.log(
      `JS up front, gzipped: plain page ${starlightBytes} B; chapter adds ${addedBytes} B ` +
        `(${added.map(([f, s]) => `${path.basename(f)} ${s} B`).join(', ')})`,
    );
    expect(added.length).toBeGreaterThan(0); // the loader is there
    expect(addedBytes).toBeLessThanOrEqual(PAGE_BUDGET);
    // Nothing of the editor is loaded up front.
    for (const [file] of chapter.files) expect(path.basename(file)).not.toMatch(/^mount\./);
  });

  test('the editor chunk is at most 200 KB gzipped', () => {
    const chapter = pageJs(CHAPTER);
    const editor = chapter.lazy.find((file) => /^mount\.[\w-]+\.js$/.test(path.basename(file)));
    expect(editor, 'the loader imports the editor chunk dynamically').toBeDefined();
    const editorBytes = gz(readFileSync(editor!));
    // What else the editor chunk pulls in (React and react-dom live in a chunk of their own).
    const deps = staticImports(readFileSync(editor!, 'utf8')).map((spec) => path.resolve(path.dirname(editor!), spec));
    const depBytes = deps.map((d) => [path.basename(d), gz(readFileSync(d))] as const);
    console.log(
      `editor chunk ${path.basename(editor!)}: ${editorBytes} B gzipped; with its imports ` +
        `${editorBytes + sum(depBytes.map(([, s]) => s))} B (${depBytes.map(([f, s]) => `${f} ${s} B`).join(', ')})`,
    );
    expect(editorBytes).toBeLessThanOrEqual(EDITOR_BUDGET);
  });
});

test.describe('lazy loading (browser)', () => {
  // Python stays unloaded: this is about the editor's code.
  test.use({ viewport: { width: 1280, height: 800 }, python: false });

  test('a playground far below the viewport is not mounted until the reader scrolls near it', async ({ page }) => {
    const editorRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/mount\.[\w-]+\.js$/.test(r.url())) editorRequests.push(r.url());
    });
    await page.goto(CHAPTER, { waitUntil: 'networkidle' });
    const last = page.locator('figure[data-playground]').last();
    const far = await last.evaluate((el) => el.getBoundingClientRect().top - window.innerHeight);
    expect(far).toBeGreaterThan(1000);
    await expect(last).not.toHaveAttribute('data-mounting');
    const nearAtLoad = await page.evaluate(() =>
      [...document.querySelectorAll('figure[data-playground]')].some(
        (el) => el.getBoundingClientRect().top < window.innerHeight + 400,
      ),
    );
    if (!nearAtLoad) expect(editorRequests).toEqual([]);
    await new Playground(page, last).live();
    expect(editorRequests.length).toBe(1);
  });

  test('Python starts when a playground nears, before its editor mounts; a page without one starts none', async ({ page }) => {
    // When the page made its Python worker, and when the first playground's editor took over.
    await page.addInitScript(() => {
      const starts: { workerAt?: number; readyAt?: number } = {};
      Object.assign(window, { __starts: starts });
      const PageWorker = window.Worker;
      window.Worker = class extends PageWorker {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          starts.workerAt ??= performance.now();
        }
      };
      // Watched from the start: an editor can take over before DOMContentLoaded.
      new MutationObserver(() => {
        if (document.querySelector('figure[data-playground][data-ready]')) starts.readyAt ??= performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
    });
    const starts = () => page.evaluate(() => (window as unknown as { __starts: { workerAt?: number; readyAt?: number } }).__starts);
    const pyodideRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/pyodide\//.test(r.url())) pyodideRequests.push(path.basename(new URL(r.url()).pathname));
    });

    await page.goto(PLAIN, { waitUntil: 'networkidle' });
    expect((await starts()).workerAt).toBeUndefined();
    expect(pyodideRequests).toEqual([]);

    await page.goto(CHAPTER);
    const first = page.locator('figure[data-playground]').first();
    await first.scrollIntoViewIfNeeded();
    await expect(first).toHaveAttribute('data-ready', 'true');
    const { workerAt, readyAt } = await starts();
    expect(workerAt, 'the Python worker was made').toBeDefined();
    expect(workerAt!).toBeLessThan(readyAt!);
    // Pyodide's big files are asked for by the page's preload hints, not only by the worker.
    const hinted = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map((l) => l.href));
    expect(hinted.some((href) => href.endsWith('/pyodide/pyodide.asm.wasm'))).toBe(true);
    expect(hinted.some((href) => href.endsWith('/pyodide/python_stdlib.zip'))).toBe(true);
    expect(pyodideRequests).toContain('pyodide.asm.wasm');
  });
});
