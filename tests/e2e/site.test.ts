import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkA11y, openPage } from './support/browser';
import { useSiteAndBrowser } from './support/session';

const e2e = useSiteAndBrowser();
let page: Page;

describe('the built site', () => {
  test('the English home page renders with its title and a way into chapter 1', async () => {
    page = await openPage(e2e.browser);
    const response = await page.goto(e2e.site.url());
    expect(response?.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('asyncio');
    await expect(page.getByRole('link', { name: /chapter 1/i }).count()).resolves.toBeGreaterThan(0);
  });

  test('the Brazilian Portuguese home page renders in Portuguese', async () => {
    await page.goto(e2e.site.url('pt-br/'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pt-BR');
    await expect(page.getByRole('link', { name: /capítulo 1/i }).count()).resolves.toBeGreaterThan(0);
  });

  test('the language picker takes a reader from an English page to its Portuguese twin', async () => {
    await page.goto(e2e.site.url('about/'));
    // Starlight's picker is a <select>; choosing a language navigates to the same page in it.
    const picker = page.getByRole('combobox', { name: /select language/i }).first();
    await Promise.all([page.waitForURL(/\/pt-br\/about\/$/), picker.selectOption({ label: 'Português do Brasil' })]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sobre este estudo');
  });

  test('every asset a page loads comes from the site itself, under its base', async () => {
    const failures: string[] = [];
    const foreign: string[] = [];
    const origin = new URL(e2e.site.url()).origin;
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
      await page.goto(e2e.site.url(path), { waitUntil: 'networkidle' });
    }
    expect(failures).toEqual([]);
    expect(foreign).toEqual([]);
  });

  test.each(['', 'about/', 'pt-br/about/'])('axe finds no violations on /%s', async (path) => {
    await page.goto(e2e.site.url(path));
    expect(await checkA11y(page)).toEqual([]);
  });

  test('the about page is readable in dark mode and at phone width without horizontal scroll', async () => {
    const phone = await openPage(e2e.browser, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.goto(e2e.site.url('about/'));
    await expect(phone.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await checkA11y(phone)).toEqual([]);
    await phone.close();
  });
});
