/**
 * Accessibility of every built page, found by reading the build (a page added later is checked
 * without anyone listing it), in the manner of Starlight's own docs crawl:
 *
 * - every page (see `crawled`): at phone width, nothing that scrolls sideways out of keyboard
 *   reach and no sideways scroll of the page itself; then axe's WCAG 2.x A/AA rules in light at
 *   desktop width, and in dark the contrast of what the page draws for itself (its figures and
 *   its code). Code blocks are left out of the full run (thousands of token elements, thinned
 *   out to one of each kind first) and checked by sampling their colours in both themes
 *   (support/axe.ts);
 * - once per template and language (home, chapter, topic, glossary index and entry, my
 *   playgrounds, 404, ...): the full rule set in dark at phone width, which covers the colours
 *   every page of the template shares (text, navigation, asides, tables, playground chrome);
 *   then, at desktop width, what a phone does not draw (the header's pickers, the sidebar, the
 *   table of contents) in dark.
 *
 * The parts every page of a template shares (header, sidebar: 22 links, 141 elements) stay in
 * each page's light run: leaving them out saved no time that could be told from noise (axe's
 * cost on a chapter is its content; on a glossary entry, axe's own start-up).
 *
 * Live playgrounds and their output are checked in playground.spec.ts; hover cards in
 * glossary.spec.ts.
 */
import type { Page } from '@playwright/test';
import { builtPages, DESKTOP, expect, NOT_FOUND, PHONE, setTheme, templatePages, test, type SitePage } from './fixtures';

const pages = builtPages();

// The playgrounds stay as their HTML shows them (see `open`). Pages open at phone width, where
// every test starts: one layout fewer than opening at desktop width and resizing twice (a
// chapter's layout takes a few hundred ms).
// No trace: recording one cost 12% of the crawl's time (417 s without, 473 s with, whole crawl,
// 2 workers), and a failure here is a list of rules and the elements that break them, with a
// screenshot, on a static page anyone can open.
test.use({ python: false, viewport: PHONE, trace: 'off' });

/**
 * Templates whose pages are made from one data entry each (a glossary term) rather than written
 * per language: their Portuguese pages share the English pages' markup and differ in strings,
 * so the Portuguese ones are checked once per template. Pages written per language (chapters,
 * topics, exercises) are crawled in both: a translation can bring its own markup, and longer
 * lines at phone width.
 */
const ONE_PER_TEMPLATE_IN_PORTUGUESE = new Set(['glossary/*']);
const templates = templatePages(pages);
const crawled = pages.filter(
  (p) => p.language === 'en' || !ONE_PER_TEMPLATE_IN_PORTUGUESE.has(p.template) || templates.includes(p),
);

/**
 * Opens a page as its HTML and Starlight's scripts make it. The playgrounds stay as the HTML
 * shows them: their editor island and Python are not loaded (a playground near the viewport
 * loads both, which costs seconds of CPU per page); the live editor, its output and its colours
 * are checked in playground.spec.ts, light and dark.
 */
async function open(page: Page, sitePage: SitePage): Promise<void> {
  await page.route(/\/_astro\/mount\.[\w-]+\.js$/, (route) => route.abort());
  const response = await page.goto(sitePage.path);
  expect(response?.status()).toBe(sitePage.path === NOT_FOUND ? 404 : 200);
}

/**
 * Expressive Code's script makes a code block that scrolls focusable, from an idle callback
 * some time after load or a resize; before that (or without JavaScript) a keyboard cannot
 * reach what scrolls out of view. The site wraps code instead, so that nothing needs it: the
 * keyboard check runs without that script, so its verdict does not depend on when it ran.
 */
async function withoutCodeBlockScript(page: Page): Promise<void> {
  await page.route(/\/_astro\/ec\.[\w-]+\.js$/, (route) => route.abort());
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('the crawl finds every kind of page in both languages', () => {
  const templates = new Set(pages.map((p) => `${p.language} ${p.template}`));
  for (const template of ['home', 'about', 'chapters/*', 'glossary', 'glossary/*', 'my-playgrounds', '404']) {
    expect(templates).toContain(`en ${template}`);
    if (template !== '404') expect(templates).toContain(`pt-br ${template}`);
  }
  expect(pages.length).toBeGreaterThan(20);
});

// `npm test` reads the annotations for its per-page budget report.
for (const sitePage of crawled) {
  const annotation = [
    { type: 'crawled page', description: sitePage.path },
    { type: 'template', description: sitePage.template },
  ];
  test(
    `/${sitePage.path}: axe in light, figures and code in dark, keyboard reach at phone width`,
    { annotation },
    async ({ page, axe }) => {
      await withoutCodeBlockScript(page);
      // The page opens at phone width (see `test.use` above).
      await open(page, sitePage);
      // Phone width first, on the page as built: what follows thins its code blocks out.
      expect(await axe.keyboardReach(), 'phone: what scrolls is reachable by keyboard').toEqual([]);
      expect(await sidewaysScroll(page), 'phone: the page does not scroll sideways').toBeLessThanOrEqual(0);

      await page.setViewportSize(DESKTOP);
      await axe.pruneCodeBlocks();
      expect(await axe.violations(), 'light, desktop').toEqual([]);

      await setTheme(page, 'dark');
      expect(await axe.pageContrast(), 'dark: contrast of the page’s figures and code').toEqual([]);
    },
  );
}

/** The parts of a template a phone does not show: its header's right side, sidebar, contents. */
const WIDE_SCREEN_PARTS = ['header.header', 'nav.sidebar', '.right-sidebar-container'];

test.describe('once per template', () => {
  test.use({ colorScheme: 'dark' });

  for (const sitePage of templates) {
    const annotation = { type: 'template page', description: sitePage.path };
    test(
      `${sitePage.template} (${sitePage.language}, /${sitePage.path}): axe in dark at phone width, and what a wide screen adds`,
      { annotation },
      async ({ page, axe }) => {
        await open(page, sitePage);
        // Every page with a theme picker is dark now (the runtime's dev page has neither).
        if ((await page.locator('starlight-theme-select').count()) > 0) {
          await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        }
        expect(await sidewaysScroll(page), 'the page does not scroll sideways').toBeLessThanOrEqual(0);
        // As on every page: the full run leaves code blocks out and samples their colours, and
        // walking the thousands of tokens it leaves out took most of a chapter's time.
        await axe.pruneCodeBlocks();
        expect(await axe.violations(), 'dark, phone').toEqual([]);

        // What only a wider screen draws (the header's pickers, the sidebar, the table of
        // contents; a phone keeps them in its closed menu or leaves them out), in dark: every
        // page's light run sees them at desktop width, and no run saw their dark colours.
        await page.setViewportSize(DESKTOP);
        const chrome: string[] = [];
        for (const part of WIDE_SCREEN_PARTS) if ((await page.locator(part).count()) > 0) chrome.push(part);
        expect(await axe.violations({ include: chrome, onlyIncluded: true }), 'dark, desktop: header, sidebar, contents').toEqual([]);
      },
    );
  }
});
