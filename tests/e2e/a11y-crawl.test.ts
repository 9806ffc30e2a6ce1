import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkA11y, launchBrowser, openPage } from './support/browser';
import { siteDist, startSite, type RunningSite } from './support/site';

/** Every page of the built site, as a path relative to its base (`chapters/x/`). */
function builtPages(): string[] {
  return readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
    .map((file) => path.dirname(file).split(path.sep).join('/'))
    .map((dir) => (dir === '.' ? '' : `${dir}/`))
    .sort();
}

let site: RunningSite;
let browser: Browser;
let light: Page;
let dark: Page;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  light = await openPage(browser);
  dark = await openPage(browser, { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

// The crawl covers every page, so a page added later is checked without anyone listing it.
// Light at desktop width and dark at phone width: contrast problems differ between themes.
describe('axe over every built page', () => {
  const pages = builtPages();

  test('the crawl found the site’s pages', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(pages).toContain('pt-br/about/');
  });

  test.each(pages)('/%s has no violations in light or dark mode', async (sitePath) => {
    for (const page of [light, dark]) {
      await page.goto(site.url(sitePath), { waitUntil: 'load' });
      expect(await checkA11y(page), `${sitePath} (${page === light ? 'light' : 'dark'})`).toEqual([]);
    }
  });
});
