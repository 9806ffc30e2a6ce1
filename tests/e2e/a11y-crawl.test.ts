import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkA11y, openPage } from './support/browser';
import { useSiteAndBrowser } from './support/session';
import { siteDist } from './support/site';

/** Every page of the built site, as a path relative to its base (`chapters/x/`). */
function builtPages(): string[] {
  return readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
    .map((file) => path.dirname(file).split(path.sep).join('/'))
    .map((dir) => (dir === '.' ? '' : `${dir}/`))
    .sort();
}

const e2e = useSiteAndBrowser();
let light: Page;
let darkPhone: Page;

beforeAll(async () => {
  light = await openPage(e2e.browser);
  darkPhone = await openPage(e2e.browser, { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
});

// The crawl covers every page, so a page added later is checked without anyone listing it:
// light at desktop width everywhere, and dark at phone width (contrast and overflow problems
// differ there) on every page except the glossary entries beyond the first of each language,
// which all share one template.
function alsoDark(sitePath: string, index: number, pages: string[]): boolean {
  const entry = /^(pt-br\/)?glossary\/[^/]+\/$/.exec(sitePath);
  if (!entry) return true;
  return pages.findIndex((p) => p.startsWith(`${entry[1] ?? ''}glossary/`) && p !== `${entry[1] ?? ''}glossary/`) === index;
}

describe('axe over every built page', () => {
  const pages = builtPages();

  test('the crawl found the site’s pages', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(pages).toContain('pt-br/about/');
  });

  test.each(pages.map((p, i) => [p, alsoDark(p, i, pages)] as const))(
    '/%s has no violations (dark too: %s)',
    async (sitePath, dark) => {
      for (const [page, mode] of dark ? ([[light, 'light'], [darkPhone, 'dark']] as const) : ([[light, 'light']] as const)) {
        await page.goto(e2e.site.url(sitePath), { waitUntil: 'load' });
        expect(await checkA11y(page), `${sitePath} (${mode})`).toEqual([]);
      }
    },
  );
});
