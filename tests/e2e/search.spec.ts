/**
 * Starlight's search (Pagefind) as a reader uses it: Ctrl+K, type, read the results. A term's
 * glossary entry comes first for its name, in both languages; results narrow by kind; code shown
 * in a playground is searchable.
 */
import type { Locator, Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { siteDist } from './support/pages';

// Nothing here runs code: chapters' playgrounds do not load Python.
test.use({ python: false });

/** The HTML of every built English page but `except`, joined: where else search could find a word. */
function otherEnglishPagesHtml(except: string): string {
  return readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pt-br') && !file.startsWith(except))
    .map((file) => readFileSync(path.join(siteDist, file), 'utf8'))
    .join('\n');
}

const RESULT_LINKS =
  '.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > a.pagefind-ui__result-link';

/** Opens the search dialog with the keyboard on `from` and returns it. */
async function openSearch(page: Page, from: string): Promise<Locator> {
  await page.goto(from);
  await expect(page.locator('button[data-open-modal]')).toBeEnabled();
  // Pagefind's UI mounts when the browser is idle; a reader would see the box appear.
  await expect(page.locator('#starlight__search input')).toBeAttached({ timeout: 20_000 });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('input.pagefind-ui__search-input')).toBeFocused();
  return dialog;
}

/**
 * The page paths of the results shown, best first. Pagefind fills in each result on its own, so
 * a link that is there may be the second's while the first is still loading: wait until every
 * result shown has its link.
 */
async function shownResults(dialog: Locator): Promise<string[]> {
  const items = dialog.locator('.pagefind-ui__result');
  const links = dialog.locator(RESULT_LINKS);
  await expect(links.first()).toBeVisible();
  await expect
    .poll(async () => (await links.count()) - (await items.count()), { message: 'every result has loaded' })
    .toBe(0);
  const paths = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(paths)];
}

/** Types a query over the previous one, waits for its results and returns their page paths. */
async function search(dialog: Locator, query: string): Promise<string[]> {
  const input = dialog.locator('input.pagefind-ui__search-input');
  await input.fill('');
  await input.pressSequentially(query);
  // The message line counts the results for the query once they are in.
  await expect(dialog.locator('.pagefind-ui__message')).toHaveText(new RegExp(`^\\d+ .*${RegExp.escape(query)}\\W*$`), {
    timeout: 20_000,
  });
  return shownResults(dialog);
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

// One dialog per language, one query after another (as a reader refines a search); each query
// is a step with a soft assertion, so a run reports every query that ranks wrongly.
for (const [language, from, prefix, queries] of [
  ['English', 'about/', '', english],
  ['Portuguese', 'pt-br/about/', 'pt-br/', portuguese],
] as const) {
  // Under a sub-path too (the English list): Pagefind's bundle and its result links carry the base.
  test(
    `${language}: each term's glossary entry comes first`,
    { tag: language === 'English' ? '@subpath' : [] },
    async ({ page, site }) => {
      const dialog = await openSearch(page, from);
      for (const [query, id] of queries) {
        await test.step(`"${query}" -> /${prefix}glossary/${id}/`, async () => {
          const results = await search(dialog, query);
          console.log(`[ranking] ${language} "${query}": ${results.slice(0, 3).join(' , ')}`);
          expect.soft(results[0], `first result for "${query}"`).toBe(site.path(`${prefix}glossary/${id}/`));
        });
      }
    },
  );
}

test.describe('search kinds and example code', () => {
  test('results can be narrowed to one kind: glossary, chapter or example', async ({ page, site }) => {
    const dialog = await openSearch(page, 'about/');
    await search(dialog, 'task');
    const message = dialog.locator('.pagefind-ui__message');
    /** Toggles a filter, waits for the result count to change, returns the results. */
    const toggle = async (name: RegExp, on: boolean): Promise<string[]> => {
      const before = await message.textContent();
      await dialog.getByRole('checkbox', { name }).setChecked(on);
      await expect(message).not.toHaveText(before ?? '');
      return shownResults(dialog);
    };
    const glossaryOnly = await toggle(/^glossary/, true);
    console.log(`[kinds] glossary: ${glossaryOnly.slice(0, 3).join(' , ')}`);
    expect(glossaryOnly.length).toBeGreaterThan(0);
    expect(glossaryOnly.filter((p) => !p.startsWith(site.path('glossary/')))).toEqual([]);
    await toggle(/^glossary/, false);
    const examples = await toggle(/^example/, true);
    console.log(`[kinds] example: ${examples.slice(0, 3).join(' , ')}`);
    expect(examples.length).toBeGreaterThan(0);
    // Pages that show playgrounds: the chapters and the study topics.
    expect(
      examples.filter((p) => !p.startsWith(site.path('chapters/')) && !p.startsWith(site.path('topics/'))),
    ).toEqual([]);
  });

  test('the Portuguese dialog offers the same kinds in Portuguese', async ({ page }) => {
    const dialog = await openSearch(page, 'pt-br/about/');
    await search(dialog, 'tarefa');
    for (const kind of [/^capítulo/, /^glossário/, /^exemplo/]) {
      await expect(dialog.getByRole('checkbox', { name: kind })).toHaveCount(1);
    }
  });

  test('code shown in a playground is searchable', async ({ page, site }) => {
    // An identifier that appears in a playground's code and nowhere else in the chapter.
    await page.goto('chapters/02-asyncio-basics/');
    const candidates = await page.evaluate(() => {
      const code = [...document.querySelectorAll('figure[data-playground] pre')]
        .map((p) => (p as HTMLElement).innerText)
        .join('\n');
      const clone = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('figure[data-playground]').forEach((f) => f.remove());
      const prose = clone.textContent ?? '';
      const ids = [...new Set(code.match(/\b[a-z]+_[a-z_]+\b/g) ?? [])].filter((w) => !prose.includes(w));
      return ids.sort((a, b) => b.length - a.length);
    });
    // ...and on no other English page, so that chapter 2 is the one right answer.
    const elsewhere = otherEnglishPagesHtml('chapters/02-asyncio-basics/');
    const word = candidates.find((w) => !elsewhere.includes(w));
    expect(word).toBeTruthy();
    const found = await search(await openSearch(page, 'about/'), word!);
    console.log(`[ranking] en example code "${word}": ${found.slice(0, 3).join(' , ')}`);
    expect(found[0]).toBe(site.path('chapters/02-asyncio-basics/'));
  });
});
