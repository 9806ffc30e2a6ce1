/**
 * Glossary term links in chapters (hover cards: mouse, keyboard, touch) and the glossary pages
 * (the filter, links between languages). Their axe checks are in a11y.spec.ts, with every page.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, PHONE, test } from './fixtures';

// Nothing here runs code: chapters' playgrounds do not load Python.
test.use({ python: false });

/** The hover card that describes a term link (found through its aria-describedby). */
async function cardOf(page: Page, link: Locator): Promise<Locator> {
  const id = await link.getAttribute('aria-describedby');
  expect(id).toMatch(/^gl-def-/);
  return page.locator(`[id="${id}"]`);
}

test.describe('term links in chapters', () => {
  test('hovering a term link shows its definition without leaving the page', async ({ page }) => {
    await page.goto('chapters/01-getting-to-know-asyncio/');
    const link = page.locator('main .gl-term > a').first();
    const card = await cardOf(page, link);
    await expect(card).toBeHidden();
    await link.hover();
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('role', 'tooltip');
    await expect(card).toHaveText(/.{21,}/);
    await expect(page).toHaveURL(/chapters\/01-getting-to-know-asyncio\/$/);
  });

  test('the definition shows on keyboard focus, Escape hides it, and the link leads to the entry', async ({
    page,
    site,
  }) => {
    await page.goto('pt-br/chapters/02-asyncio-basics/');
    await page.mouse.move(0, 0);
    // Tab like a reader until a term link has focus: the links are in the focus order.
    let onTerm = false;
    for (let i = 0; i < 200 && !onTerm; i++) {
      await page.keyboard.press('Tab');
      onTerm = await page.evaluate(() => Boolean(document.activeElement?.matches('.gl-term > a')));
    }
    expect(onTerm, 'a term link takes the focus within 200 Tabs').toBe(true);
    const link = page.locator('.gl-term > a:focus');
    const card = await cardOf(page, link);
    await expect(card).toBeVisible();
    // The same definition is the link's accessible description.
    await expect(link).toHaveAccessibleDescription((await card.textContent())!.trim().replace(/\s+/g, ' '));
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${site.path('pt-br/glossary/')}[a-z0-9-]+/$`));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === href);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: PHONE });

    test('the first tap shows the definition, the second follows the link', async ({ page }) => {
      await page.goto('chapters/01-getting-to-know-asyncio/');
      const link = page.locator('main .gl-term > a').first();
      const card = await cardOf(page, link);
      await link.scrollIntoViewIfNeeded();
      await link.tap();
      await expect(card).toBeVisible();
      await expect(page).toHaveURL(/chapters\/01-getting-to-know-asyncio\/$/);
      const href = await link.getAttribute('href');
      await link.tap();
      await expect(page).toHaveURL((url) => url.pathname === href);
    });
  });

  test('only the first mention of a term on a page is linked, never inside code or headings', async ({ page }) => {
    await page.goto('chapters/02-asyncio-basics/');
    const terms = await page.locator('main .gl-term > a').evaluateAll((links) =>
      links.map((a) => ({
        id: a.getAttribute('data-glossary-term'),
        inside: a.parentElement!.parentElement!.closest('code, pre, h1, h2, h3, h4, a') !== null,
      })),
    );
    expect(terms.length).toBeGreaterThan(3);
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
    expect(terms.filter((t) => t.inside)).toEqual([]);
  });
});

test.describe('glossary pages', () => {
  test('the filter box narrows the A–Z list as the reader types', async ({ page }) => {
    await page.goto('glossary/');
    const total = await page.locator('.gl-list li').count();
    expect(total).toBeGreaterThanOrEqual(30);
    const box = page.getByRole('searchbox', { name: 'Filter terms' });
    const visible = page.locator('.gl-list li:visible');
    await box.pressSequentially('semaph');
    await expect(visible).toHaveCount(1);
    await expect(visible.getByRole('link')).toHaveText('Semaphore');
    await expect(page.getByRole('status')).toContainText(`1 of ${total}`);
    await box.fill('');
    await expect(visible).toHaveCount(total);
  });

  test('the Portuguese filter ignores accents and matches aliases', async ({ page }) => {
    await page.goto('pt-br/glossary/');
    const box = page.getByRole('searchbox', { name: 'Filtrar termos' });
    const names = page.locator('.gl-list li:visible > a');
    await box.pressSequentially('semaforo');
    await expect(names).toHaveText(['Semáforo']);
    await box.fill('laço de eventos');
    await expect(names).toHaveText(['Loop de eventos']);
  });

  test('a term page links to the same term in the other language and back to the index', async ({ page, site }) => {
    await page.goto('glossary/gil/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('GIL');
    await expect(page.locator('a[hreflang="pt-BR"]')).toHaveAttribute('href', site.path('pt-br/glossary/gil/'));
    await page.goto('pt-br/glossary/semaphore/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Semáforo');
    await expect(page.getByRole('link', { name: 'Todos os termos' })).toHaveCount(1);
  });
});
