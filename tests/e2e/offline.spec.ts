/**
 * "Available offline" (src/components/offline/, src/offline/sw.ts): with the switch on, a reader
 * who loses the network still opens another chapter (which says it is the saved copy), searches,
 * and runs a browser example, and their draft is there; turning it off removes everything. With
 * the switch never touched, no service worker and no Cache Storage exist, even after a run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { siteDist } from './support/pages';

const FIRST = 'chapters/01-getting-to-know-asyncio/';
const SECOND = 'chapters/02-asyncio-basics/';
const EXAMPLE = '02-asyncio-basics/create_task.py';
const EXPECTED = readFileSync('examples/02-asyncio-basics/create_task.out', 'utf8').trimEnd().split('\n');
/** Saving ~50 MB through a local server, on a shared machine. */
const SAVE_TIMEOUT = 90_000;

/** What the browser holds for the site beyond its HTTP cache. */
async function offlineState(page: Page): Promise<{ workers: number; caches: string[] }> {
  return page.evaluate(async () => ({
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: await caches.keys(),
  }));
}

/** Turns the switch on where the page is and waits until it says the copy is saved. */
async function saveOffline(page: Page, label = 'Available offline'): Promise<void> {
  const toggle = page.getByRole('switch', { name: label });
  await toggle.scrollIntoViewIfNeeded();
  await toggle.check();
  const status = page.locator('[data-offline-status]');
  await expect(status).toContainText(/Saving for offline use|Salvando para uso offline/);
  await expect(page.locator('[data-offline-switch]')).toHaveAttribute('data-offline-state', 'saved', { timeout: SAVE_TIMEOUT });
}

test('with "Available offline" off nothing is stored; on, a chapter opens, search finds and an example runs with no network', async ({ page, context, playground, axe }) => {
  test.setTimeout(240_000);
  // How often the page asked the browser to keep its storage.
  await context.addInitScript(() => {
    const storage = navigator.storage as StorageManager & { persistCalls?: number };
    const persist = storage.persist.bind(storage);
    storage.persistCalls = 0;
    storage.persist = () => {
      storage.persistCalls! += 1;
      return persist();
    };
  });
  const persistCalls = () => page.evaluate(() => (navigator.storage as { persistCalls?: number }).persistCalls);
  const toggle = page.getByRole('switch', { name: 'Available offline' });

  await test.step('switch off: the reader runs an example and leaves a draft, and nothing is stored', async () => {
    await page.goto(SECOND);
    const pg = await playground(EXAMPLE).live();
    await pg.run();
    await expect(pg.lines).toHaveText(EXPECTED);
    await pg.appendCode('\n# my offline note\n');
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.includes(':edit:')))).toBe(true);
    await toggle.scrollIntoViewIfNeeded();
    await expect(page.getByText(/It stores \d+\.\d MB\./)).toBeVisible();
    await expect(toggle).not.toBeChecked();
    // Beyond the browser's own HTTP cache, nothing: no worker, no Cache Storage.
    expect(await offlineState(page)).toEqual({ workers: 0, caches: [] });
    // Not kept offline: nothing to ask the browser for.
    expect(await persistCalls()).toBe(0);
  });

  await test.step('turns the switch on and waits until it is done', async () => {
    await page.goto(FIRST);
    await saveOffline(page);
    await expect(page.locator('[data-offline-status]')).toContainText(/Done: \d+\.\d MB saved/);
    const state = await offlineState(page);
    expect(state.workers).toBe(1);
    expect(state.caches.length).toBeGreaterThan(0);
    // A draft exists and the site is kept offline: the browser is asked to keep both.
    expect(await persistCalls()).toBe(1);
  });

  await context.setOffline(true);

  await test.step('offline, another chapter opens from the saved copy and says so', async () => {
    await page.goto(SECOND);
    await expect(page.getByText('No network: you are reading the copy of this page saved in your browser.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(toggle).toBeChecked();
    // The switch still says what the copy holds.
    await expect(page.locator('[data-offline-status]')).toContainText(/Done: \d+\.\d MB saved/);
    expect(await axe.violations({ include: ['.offline-notice', '[data-offline-switch]'], onlyIncluded: true })).toEqual([]);
  });

  await test.step('search finds a term', async () => {
    await expect(page.locator('#starlight__search input')).toBeAttached({ timeout: 20_000 });
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    await dialog.locator('input.pagefind-ui__search-input').pressSequentially('gather');
    await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 20_000 });
    await page.keyboard.press('Escape');
  });

  await test.step('the draft is there and the example runs', async () => {
    const pg = await playground(EXAMPLE).live();
    await expect(pg.editor).toContainText('# my offline note');
    await pg.run();
    await expect(pg.lines).toHaveText(EXPECTED);
  });

  await context.setOffline(false);

  await test.step('back online, pages come from the network and the draft stays', async () => {
    await page.reload();
    await expect(page.getByText(/^No network:/)).toBeHidden();
    const pg = await playground(EXAMPLE).live();
    await expect(pg.editor).toContainText('# my offline note');
  });

  await test.step('turning it off removes the worker and the saved copy', async () => {
    await toggle.scrollIntoViewIfNeeded();
    await toggle.uncheck();
    await expect(page.locator('[data-offline-status]')).toHaveText('The offline copy is removed from this browser.');
    expect(await offlineState(page)).toEqual({ workers: 0, caches: [] });
  });
});

// The root run has the whole journey above (and leaves this one out); this checks the worker's
// scope and URLs under a base.
test('under the site\'s base, the saved copy opens a Portuguese chapter with no network', { tag: ['@subpath', '@subpath-only'] }, async ({ page, context, site }) => {
  test.setTimeout(150_000);
  await page.goto(`pt-br/${FIRST}`);
  await saveOffline(page, 'Disponível offline');
  await expect(page.locator('[data-offline-status]')).toContainText(/Pronto: \d+,\d MB salvos/);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(
    new URL(site.base, page.url()).href,
  );
  await context.setOffline(true);
  await page.goto(`pt-br/${SECOND}`);
  await expect(page.getByText('Sem rede: você está lendo a cópia desta página guardada no seu navegador.')).toBeVisible();
  // The page's styles came from the copy too: the notice is laid out, not bare text.
  await expect(page.locator('.offline-notice')).toHaveCSS('text-align', 'center');
  // An English page was not saved with the Portuguese copy.
  await expect(page.goto(SECOND)).rejects.toThrow();
});

test('the switch costs every page at most 1 KB of gzipped JavaScript up front', () => {
  // Its loader and whatever it imports that the page's other scripts do not; the logic
  // (offline-switch.ts) is a chunk of its own, imported when the reader needs it.
  const html = readFileSync(path.join(siteDist, 'about', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!.split('/').pop()!);
  const astro = path.join(siteDist, '_astro');
  const importsOf = (file: string) =>
    [...readFileSync(path.join(astro, file), 'utf8').matchAll(/import(?:[^"'()]*?from)?\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]!);
  const loader = scripts.find((file) => file.startsWith('OfflineSwitch.astro'));
  expect(loader, 'the switch has a loader script').toBeDefined();
  const others = new Set(scripts.filter((file) => file !== loader).flatMap((file) => [file, ...importsOf(file)]));
  const own = [loader!, ...importsOf(loader!).filter((file) => !others.has(file))];
  const bytes = own.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(astro, file)), { level: 9 }).length, 0);
  console.log(`offline switch up front: ${bytes} B gzipped (${own.join(', ')})`);
  expect(bytes).toBeLessThanOrEqual(1024);
  const code = readFileSync(path.join(astro, loader!), 'utf8');
  expect(code).toMatch(/import\(`\.\/offline-switch\.[\w-]+\.js`\)|import\(["']\.\/offline-switch\.[\w-]+\.js["']\)/);
});
