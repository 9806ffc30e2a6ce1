/**
 * What every browser spec imports instead of `@playwright/test`:
 *
 *   import { expect, test } from './fixtures';
 *
 * `test` is Playwright's, with three fixtures beside `page` (a fresh context for each test) and
 * one option, `python` (see `Options`):
 * - `axe`: accessibility checks of the test's page (support/axe.ts);
 * - `playground(example?, page?)`: a playground on the test's page (support/playground.ts);
 * - `site`: absolute paths on the site under test, with its base (`site.path('glossary/gil/')`).
 *
 * Tests navigate with paths relative to the site's base (`page.goto('chapters/02-asyncio-basics/')`),
 * so the same test runs against the root build and the sub-path build.
 */
import { test as base, type Page } from '@playwright/test';
import { Axe } from './support/axe';
import { Playground } from './support/playground';

export { expect } from '@playwright/test';
export { Axe, CODE_BLOCKS, setTheme, WCAG_TAGS, type Violation } from './support/axe';
export { builtPages, NOT_FOUND, templatePages, type SitePage } from './support/pages';
export { Playground, RUN_TIMEOUT } from './support/playground';
export { snapshotDownloads } from './support/snapshot';

/** The phone size every phone check uses. */
export const PHONE = { width: 390, height: 844 };

/** Playwright's default viewport: the desktop size of every desktop check. */
export const DESKTOP = { width: 1280, height: 720 };

export interface SitePaths {
  /** The base path the site was built for, ending in `/` (`/` or `/asyncio-study/`). */
  base: string;
  /** The absolute path of a page given relative to the base: `path('glossary/gil/')`. */
  path(sitePath?: string): string;
}

interface Options {
  /**
   * Whether the site may load Python (default true). A playground that comes into view starts
   * loading it, seconds of CPU each time; a test that never presses Run says
   * `test.use({ python: false })` and the context refuses Pyodide's files.
   */
  python: boolean;
}

interface Fixtures {
  axe: Axe;
  /**
   * The playground showing `example` (`02-asyncio-basics/create_task.py`), or the first one,
   * on the test's page or on `page`.
   */
  playground: (example?: string, page?: Page) => Playground;
  site: SitePaths;
}

export const test = base.extend<Fixtures & Options>({
  python: [true, { option: true }],
  context: async ({ context, python }, use) => {
    if (!python) await context.route('**/pyodide/**', (route) => route.abort());
    await use(context);
  },
  axe: async ({ page }, use) => {
    await use(new Axe(page));
  },
  playground: async ({ page }, use) => {
    await use((example, onPage = page) => {
      const selector = example ? `figure[data-example="${example}"]` : 'figure[data-playground]';
      return new Playground(onPage, onPage.locator(selector).first());
    });
  },
  site: async ({ baseURL }, use) => {
    const base = new URL(baseURL ?? 'http://invalid/').pathname;
    await use({ base, path: (sitePath = '') => `${base}${sitePath.replace(/^\//, '')}` });
  },
});
