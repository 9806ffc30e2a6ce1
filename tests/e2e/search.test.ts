import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './support/browser';
import { startSite, type RunningSite } from './support/site';

let site: RunningSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens Starlight's search dialog with the keyboard, types like a reader, returns the result paths. */
async function search(from: string, query: string): Promise<string[]> {
  await page.goto(site.url(from));
  await page.locator('button[data-open-modal]:not([disabled])').waitFor();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  const input = dialog.locator('input.pagefind-ui__search-input');
  await input.waitFor();
  await input.pressSequentially(query, { delay: 20 });
  // Pagefind renders results after a short debounce; the message line names the query.
  await dialog.locator('.pagefind-ui__message', { hasText: query }).waitFor({ timeout: 15_000 });
  await dialog.locator('.pagefind-ui__result').first().waitFor();
  const hrefs = await dialog
    .locator('.pagefind-ui__result-title > a.pagefind-ui__result-link')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

// Queries a reader would type, and the entry that must come first.
const english: [string, string][] = [
  ['GIL', 'gil'],
  ['event loop', 'event-loop'],
  ['coroutine', 'coroutine'],
  ['semaphore', 'semaphore'],
  ['concurrency', 'concurrency'],
  ['race condition', 'race-condition'],
  ['back-pressure', 'back-pressure'],
  ['parallelism', 'parallelism'],
];
const portuguese: [string, string][] = [
  ['GIL', 'gil'],
  ['semáforo', 'semaphore'],
  ['corrotina', 'coroutine'],
  ['concorrência', 'concurrency'],
  ['loop de eventos', 'event-loop'],
  ['condição de corrida', 'race-condition'],
  ['paralelismo', 'parallelism'],
  ['bloqueio global do interpretador', 'gil'],
];

describe('search puts the glossary entry first', () => {
  test.each(english)('English: "%s" -> /glossary/%s/', async (query, id) => {
    const results = await search('about/', query);
    console.log(`[ranking] en "${query}": ${results.slice(0, 3).join(' , ')}`);
    expect(results[0]).toBe(`${base}glossary/${id}/`);
  });

  test.each(portuguese)('Portuguese: "%s" -> /pt-br/glossary/%s/', async (query, id) => {
    const results = await search('pt-br/about/', query);
    console.log(`[ranking] pt-BR "${query}": ${results.slice(0, 3).join(' , ')}`);
    expect(results[0]).toBe(`${base}pt-br/glossary/${id}/`);
  });
});
