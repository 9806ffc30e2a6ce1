/**
 * The built site as a whole: both home pages, the language picker, and that every asset comes
 * from the site itself under its base (run again against the sub-path build: @subpath).
 */
import { expect, test } from './fixtures';

test.describe('the built site', { tag: '@subpath' }, () => {
  test('the English home page renders with its title and a way into chapter 1', async ({ page }) => {
    const response = await page.goto('');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('asyncio');
    await expect(page.getByRole('link', { name: /chapter 1/i }).first()).toBeVisible();
  });

  test('the Brazilian Portuguese home page renders in Portuguese', async ({ page }) => {
    await page.goto('pt-br/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page.getByRole('link', { name: /capítulo 1/i }).first()).toBeVisible();
  });

  test('the language picker takes a reader from an English page to its Portuguese twin', async ({ page, site }) => {
    await page.goto('about/');
    // Starlight's picker is a <select>; choosing a language opens the same page in it.
    await page
      .getByRole('combobox', { name: /select language/i })
      .first()
      .selectOption({ label: 'Português do Brasil' });
    await expect(page).toHaveURL((url) => url.pathname === site.path('pt-br/about/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sobre este estudo');
  });

  test('every asset a page loads comes from the site itself, under its base', async ({ page, baseURL }) => {
    const failures: string[] = [];
    const foreign: string[] = [];
    const origin = new URL(baseURL!).origin;
    // A request cut short by the next navigation (ERR_ABORTED) is not a broken asset.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`${r.failure()?.errorText} ${r.url()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    for (const path of ['', 'about/', 'pt-br/', 'pt-br/about/']) {
      await page.goto(path, { waitUntil: 'networkidle' });
    }
    expect(failures).toEqual([]);
    expect(foreign).toEqual([]);
  });

  // The root build's pages are all checked by a11y.spec.ts; under a sub-path, a stylesheet or
  // script that assumed `/` would show here.
  for (const path of ['', 'about/', 'pt-br/about/']) {
    test(`axe finds no violations on /${path}`, async ({ page, axe }) => {
      await page.goto(path);
      expect(await axe.violations()).toEqual([]);
    });
  }
});
