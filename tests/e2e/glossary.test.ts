import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkA11y } from './support/browser';
import { useSiteAndBrowser } from './support/session';

const e2e = useSiteAndBrowser();
let page: Page;

beforeAll(async () => {
  page = await (await e2e.browser.newContext()).newPage();
});

/** The tooltip that describes a term link (found through its aria-describedby). */
async function tipOf(p: Page, link: ReturnType<Page['locator']>) {
  const id = await link.getAttribute('aria-describedby');
  expect(id).toMatch(/^gl-def-/);
  return p.locator(`[id="${id}"]`);
}

describe('term links in chapters', () => {
  test('hovering a term link shows its definition without leaving the page', async () => {
    await page.goto(e2e.site.url('chapters/01-getting-to-know-asyncio/'));
    const link = page.locator('main .gl-term > a').first();
    const tip = await tipOf(page, link);
    await expect(tip.isVisible()).resolves.toBe(false);
    await link.hover();
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.getAttribute('role')).resolves.toBe('tooltip');
    expect((await tip.textContent())!.length).toBeGreaterThan(20);
    expect(page.url()).toContain('chapters/01-getting-to-know-asyncio/');
  });

  test('the definition shows on keyboard focus, Escape hides it, and the link leads to the entry', async () => {
    await page.goto(e2e.site.url('pt-br/chapters/02-asyncio-basics/'));
    await page.mouse.move(0, 0);
    // Tab like a reader until a term link has focus.
    let onTerm = false;
    for (let i = 0; i < 200 && !onTerm; i++) {
      await page.keyboard.press('Tab');
      onTerm = await page.evaluate(() => Boolean(document.activeElement?.matches('.gl-term > a')));
    }
    expect(onTerm).toBe(true);
    const link = page.locator('.gl-term > a:focus');
    const tip = await tipOf(page, link);
    await expect(tip.isVisible()).resolves.toBe(true);
    // The same definition is the link's accessible description.
    const description = await link.evaluate((a) => document.getElementById(a.getAttribute('aria-describedby')!)!.textContent);
    expect(description).toBe(await tip.textContent());
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/pt-br\/glossary\/[a-z0-9-]+\/$/);
    await Promise.all([page.waitForURL((u) => u.pathname === href), page.keyboard.press('Enter')]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pt-BR');
  });

  test('on a touch screen the first tap shows the definition, the second follows the link', async () => {
    const context = await e2e.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(e2e.site.url('chapters/01-getting-to-know-asyncio/'));
    const link = phone.locator('main .gl-term > a').first();
    const tip = await tipOf(phone, link);
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect(tip.isVisible()).resolves.toBe(true);
    expect(phone.url()).toContain('chapters/01-getting-to-know-asyncio/');
    const href = await link.getAttribute('href');
    await Promise.all([phone.waitForURL((u) => u.pathname === href), link.tap()]);
    await context.close();
  });

  test('only the first mention of a term on a page is linked, never inside code or headings', async () => {
    await page.goto(e2e.site.url('chapters/02-asyncio-basics/'));
    const terms = await page.locator('main .gl-term > a').evaluateAll((links) =>
      links.map((a) => ({ id: a.getAttribute('data-glossary-term'), inside: a.parentElement!.parentElement!.closest('code, pre, h1, h2, h3, h4, a') !== null })),
    );
    expect(terms.length).toBeGreaterThan(3);
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
    expect(terms.filter((t) => t.inside)).toEqual([]);
  });
});

describe('glossary pages', () => {
  test('the filter box narrows the A–Z list as the reader types', async () => {
    await page.goto(e2e.site.url('glossary/'));
    const items = page.locator('.gl-list li');
    const total = await items.count();
    expect(total).toBeGreaterThanOrEqual(30);
    const box = page.getByRole('searchbox', { name: 'Filter terms' });
    await box.pressSequentially('semaph');
    const visible = page.locator('.gl-list li:visible');
    await expect(visible.count()).resolves.toBe(1);
    await expect(visible.first().getByRole('link').textContent()).resolves.toBe('Semaphore');
    await expect(page.getByRole('status').textContent()).resolves.toContain(`1 of ${total}`);
    await box.fill('');
    await box.dispatchEvent('input');
    await expect(visible.count()).resolves.toBe(total);
  });

  test('the Portuguese filter ignores accents and matches aliases', async () => {
    await page.goto(e2e.site.url('pt-br/glossary/'));
    const box = page.getByRole('searchbox', { name: 'Filtrar termos' });
    await box.pressSequentially('semaforo');
    const names = await page.locator('.gl-list li:visible > a').allTextContents();
    expect(names).toEqual(['Semáforo']);
    await box.fill('laço de eventos');
    await box.dispatchEvent('input');
    await expect(page.locator('.gl-list li:visible > a').allTextContents()).resolves.toEqual(['Loop de eventos']);
  });

  test('a term page links to the same term in the other language and back to the index', async () => {
    await page.goto(e2e.site.url('glossary/gil/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('GIL');
    const twin = page.locator('a[hreflang="pt-BR"]');
    await expect(twin.getAttribute('href')).resolves.toMatch(/\/pt-br\/glossary\/gil\/$/);
    await page.goto(e2e.site.url('pt-br/glossary/semaphore/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Semáforo');
    await expect(page.getByRole('link', { name: 'Todos os termos' }).count()).resolves.toBe(1);
  });

  test.each(['glossary/', 'glossary/event-loop/', 'pt-br/glossary/', 'pt-br/glossary/semaphore/'])(
    'axe finds no violations on /%s',
    async (path) => {
      await page.goto(e2e.site.url(path));
      expect(await checkA11y(page)).toEqual([]);
    },
  );

  test('the glossary index is readable in dark mode at phone width without horizontal scroll', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const phone = await context.newPage();
    await phone.goto(e2e.site.url('pt-br/glossary/'));
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await checkA11y(phone)).toEqual([]);
    await context.close();
  });
});
