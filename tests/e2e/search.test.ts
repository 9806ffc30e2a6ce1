import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { useSiteAndBrowser } from './support/session';
import { siteDist } from './support/site';

const e2e = useSiteAndBrowser();
let page: Page;

beforeAll(async () => {
  page = await (await e2e.browser.newContext()).newPage();
});

/** Opens Starlight's search dialog with the keyboard, types like a reader, returns the result paths. */
async function search(from: string, query: string): Promise<string[]> {
  await page.goto(e2e.site.url(from));
  await page.locator('button[data-open-modal]:not([disabled])').waitFor();
  // Pagefind's UI mounts when the browser is idle; a reader would see the box appear.
  await page.locator('#starlight__search input').waitFor({ state: 'attached', timeout: 20_000 });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  const input = dialog.locator('input.pagefind-ui__search-input');
  await input.waitFor();
  await input.pressSequentially(query);
  return results();
}

/** The page paths of the results shown in the dialog, best first, once they are in. */
async function results(): Promise<string[]> {
  const dialog = page.getByRole('dialog');
  // Pagefind renders results after a short debounce; the message line then counts them.
  await dialog.locator('.pagefind-ui__message').filter({ hasText: /\d/ }).waitFor({ timeout: 20_000 });
  await dialog.locator('.pagefind-ui__result').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
  const hrefs = await dialog
    .locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > a.pagefind-ui__result-link')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/** The HTML of every built English page but `except`, joined: what else search could find a word on. */
function otherEnglishPagesText(except: string): string {
  return fs
    .readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pt-br') && !file.startsWith(except))
    .map((file) => fs.readFileSync(path.join(siteDist, file), 'utf8'))
    .join('\n');
}

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
  ['task', 'task'],
  ['thread', 'thread'],
  // Each of these is also the subject of a long chapter that repeats the word throughout.
  ['queue', 'queue'],
  ['stream', 'stream'],
  ['lock', 'lock'],
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
  ['tarefa', 'task'],
  ['processo', 'process'],
  ['fila', 'queue'],
  ['trava', 'lock'],
  ['executor', 'executor'],
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

describe('search kinds and example code', () => {
  test('results can be narrowed to one kind: glossary, chapter or example', async () => {
    await search('about/', 'task');
    const dialog = page.getByRole('dialog');
    const message = dialog.locator('.pagefind-ui__message');
    /** Toggles a filter and waits for the result count to change. */
    const toggle = async (name: RegExp, on: boolean) => {
      const before = await message.textContent();
      await dialog.getByRole('checkbox', { name }).setChecked(on);
      await expect.poll(() => message.textContent(), { timeout: 15_000 }).not.toBe(before);
      return results();
    };
    const glossaryOnly = await toggle(/^glossary/, true);
    console.log(`[kinds] glossary: ${glossaryOnly.slice(0, 3).join(' , ')}`);
    expect(glossaryOnly.length).toBeGreaterThan(0);
    expect(glossaryOnly.filter((p) => !p.startsWith(`${base}glossary/`))).toEqual([]);
    await toggle(/^glossary/, false);
    const examples = await toggle(/^example/, true);
    console.log(`[kinds] example: ${examples.slice(0, 3).join(' , ')}`);
    expect(examples.length).toBeGreaterThan(0);
    // Pages that show playgrounds: the chapters and the study topics.
    expect(examples.filter((p) => !p.startsWith(`${base}chapters/`) && !p.startsWith(`${base}topics/`))).toEqual([]);
  });

  test('the Portuguese dialog offers the same kinds in Portuguese', async () => {
    await search('pt-br/about/', 'tarefa');
    const dialog = page.getByRole('dialog');
    for (const kind of [/^capítulo/, /^glossário/, /^exemplo/]) {
      await expect(dialog.getByRole('checkbox', { name: kind }).count()).resolves.toBe(1);
    }
  });

  test('code shown in a playground is searchable', async () => {
    // An identifier that appears in a playground's code and nowhere else in the chapter.
    await page.goto(e2e.site.url('chapters/02-asyncio-basics/'));
    const candidates = await page.evaluate(() => {
      const code = [...document.querySelectorAll('figure[data-playground] pre')].map((p) => (p as HTMLElement).innerText).join('\n');
      const clone = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('figure[data-playground]').forEach((f) => f.remove());
      const prose = clone.textContent ?? '';
      const ids = [...new Set(code.match(/\b[a-z]+_[a-z_]+\b/g) ?? [])].filter((w) => !prose.includes(w));
      return ids.sort((a, b) => b.length - a.length);
    });
    // ...and on no other English page, so that chapter 2 is the one right answer.
    const elsewhere = otherEnglishPagesText('chapters/02-asyncio-basics/');
    const word = candidates.find((w) => !elsewhere.includes(w));
    expect(word).toBeTruthy();
    const found = await search('about/', word!);
    console.log(`[ranking] en example code "${word}": ${found.slice(0, 3).join(' , ')}`);
    expect(found[0]).toBe(`${base}chapters/02-asyncio-basics/`);
  });
});
