/**
 * The editor and the page as a new reader meets them: typing Python, line numbers, tracebacks
 * that lead back to their line, an editor as tall as its code, a swap from placeholder to editor
 * that moves nothing, an output panel that says why a run failed, touch targets at phone width,
 * and search results that put a term's entry first and the chapters that teach it next.
 *
 * Pages are opened with paths relative to the site's base (`baseURL` ends in `/`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const CHAPTER = 'chapters/02-asyncio-basics/';
const EXAMPLE = '02-asyncio-basics/create_task.py';
const FILE = 'create_task.py';
const RUN_TIMEOUT = 60_000;
const PHONE = { width: 390, height: 844 };

function figure(page: Page, example = EXAMPLE): Locator {
  return page.locator(`figure[data-example="${example}"]`);
}

/** Scrolls a playground into view and waits for the editor to replace its placeholder. */
async function live(fig: Locator): Promise<Locator> {
  await fig.scrollIntoViewIfNeeded();
  await fig.locator('.pg-live .cm-content').waitFor({ timeout: 30_000 });
  return fig;
}

async function replaceCode(page: Page, fig: Locator, code: string): Promise<void> {
  await fig.locator('.pg-live .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

/** The editor's lines as the reader sees them (CodeMirror draws spaces as they are). */
function editorLines(fig: Locator): Promise<string[]> {
  return fig.locator('.pg-live .cm-line').evaluateAll((lines) => lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')));
}

async function run(fig: Locator, finished: RegExp): Promise<void> {
  await fig.getByRole('button', { name: /^(Run|Executar)$/ }).click();
  await expect(fig.locator('.pg-status')).toContainText(finished, { timeout: RUN_TIMEOUT });
}

test.describe('the editor', () => {
  test('a line typed after `async def main() -> None:` is indented by four spaces and runs', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = await live(figure(page));
    await fig.locator('.pg-live .cm-line', { hasText: 'async def main() -> None:' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const lineAfterMain = async () => {
      const lines = await editorLines(fig);
      return lines[lines.indexOf('async def main() -> None:') + 1];
    };
    expect(await lineAfterMain()).toBe('    ');
    // Backspace takes the whole indent unit; Tab gives it back.
    await page.keyboard.press('Backspace');
    expect(await lineAfterMain()).toBe('');
    await page.keyboard.press('Tab');
    expect(await lineAfterMain()).toBe('    ');
    await page.keyboard.type('print("first line of main")');
    // Tab and Shift+Tab indent and dedent the line by four.
    await page.keyboard.press('Tab');
    expect(await lineAfterMain()).toBe('        print("first line of main")');
    await page.keyboard.press('Shift+Tab');
    expect(await lineAfterMain()).toBe('    print("first line of main")');

    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(fig.locator('.pg-status')).toContainText(/exit status 0/, { timeout: RUN_TIMEOUT });
    await expect(fig.locator('.pg-line .pg-text').first()).toHaveText('first line of main');

    // Escape, then Tab, still leaves the editor.
    await fig.locator('.pg-live .cm-content').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.cm-editor')))).toBe(false);
  });

  test('lines are numbered, in the placeholder and in the editor', async ({ page, browser }) => {
    const noScript = await browser.newPage({ javaScriptEnabled: false });
    await noScript.goto(CHAPTER);
    const placeholder = figure(noScript).locator('.pg-static .cm-line');
    const count = await placeholder.count();
    expect(count).toBeGreaterThan(20);
    const numbers = await placeholder.evaluateAll((lines) =>
      lines.map((l) => getComputedStyle(l, '::before').content.replace(/"/g, '').split(' /')[0]),
    );
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)));
    await noScript.close();

    await page.goto(CHAPTER);
    const fig = await live(figure(page));
    const gutter = fig.locator('.pg-live .cm-lineNumbers .cm-gutterElement:visible');
    await expect(gutter.filter({ hasText: /^1$/ })).toHaveCount(1);
    await expect(gutter.filter({ hasText: new RegExp(`^${count}$`) })).toHaveCount(1);
  });

  test('a traceback’s line in the reader’s file is a button that moves the cursor there and marks it', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = await live(figure(page));
    await replaceCode(page, fig, 'def half(n: int) -> int:\n    return 10 // n\n\n\nprint(half(0))\n');
    await run(fig, /exit status 1/);
    const link = fig.getByRole('button', { name: `File "${FILE}", line 2` });
    await expect(link).toBeVisible();
    await expect(fig.getByRole('button', { name: `File "${FILE}", line 5` })).toBeVisible();
    await link.click();
    const marked = fig.locator('.pg-live .cm-line.pg-marked-line');
    await expect(marked).toHaveCount(1);
    await expect(marked).toHaveText('    return 10 // n');
    // The cursor is on that line, in the editor.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    await expect(fig.locator('.pg-live .cm-activeLine')).toHaveText('    return 10 // n');
    // The next edit clears the mark.
    await page.keyboard.type('# ');
    await expect(marked).toHaveCount(0);
  });

  test('the editor is as tall as its code: it grows with it and shrinks back after Reset', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = await live(figure(page));
    const editor = fig.locator('.pg-live .cm-editor');
    const height = async () => (await editor.boundingBox())!.height;
    const lines = fig.locator('.pg-live .cm-line');
    const lineHeight = (await lines.first().boundingBox())!.height;
    const original = await height();
    const originalLines = await lines.count();

    await fig.locator('.pg-live .cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('# more\n'.repeat(6));
    await expect(lines).toHaveCount(originalLines + 6);
    await expect.poll(height).toBeCloseTo(original + 6 * lineHeight, 0);

    page.once('dialog', (dialog) => void dialog.accept());
    await fig.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(height).toBeCloseTo(original, 0);

    // Short code: a short editor (three lines at least, so it is still easy to click into).
    await replaceCode(page, fig, 'print("hi")\n');
    const short = await height();
    expect(short).toBeLessThan(original / 4);
    expect(short).toBeGreaterThanOrEqual(3 * lineHeight);
  });

  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', PHONE],
  ] as const) {
    test(`the editor replaces its placeholder with zero layout shift (${label})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      // Hold the editor chunk until the placeholder has been measured.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let requested!: () => void;
      const chunkRequested = new Promise<void>((resolve) => (requested = resolve));
      await page.route(/\/_astro\/mount\.[^/]*\.js$/, async (route) => {
        requested();
        await held;
        await route.continue();
      });
      await page.addInitScript(() => {
        const shifts: { value: number; startTime: number }[] = [];
        (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
            shifts.push({ value: entry.value, startTime: entry.startTime });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(CHAPTER);
      const fig = figure(page);
      await fig.scrollIntoViewIfNeeded();
      await chunkRequested;
      await page.waitForTimeout(300);

      /** Where everything a reader sees is, and its colours, in the placeholder or the editor. */
      const layout = (root: '.pg-static' | '.pg-live') =>
        fig.evaluate((f, root) => {
          const r = f.querySelector(root)!;
          const box = (el: Element | null) => {
            const b = el!.getBoundingClientRect();
            return [b.x, b.y, b.width, b.height].map((n) => Math.round(n * 2) / 2);
          };
          const keyword = r.querySelector('.sp-syntax-keyword');
          return {
            figure: box(f),
            title: box(r.querySelector('.pg-title')),
            controls: [...r.querySelectorAll('.pg-toolbar > *')].map(box),
            editor: box(r.querySelector('.cm-editor')),
            lines: [...r.querySelectorAll('.cm-line')].map(box),
            text: [...r.querySelectorAll('.cm-line')].map((l) => l.textContent),
            background: getComputedStyle(r.querySelector('.cm-editor')!).backgroundColor,
            keyword: keyword ? getComputedStyle(keyword).color : null,
          };
        }, root);
      const before = await layout('.pg-static');
      const releasedAt = await page.evaluate(() => performance.now());
      release();
      await fig.locator('.pg-live .cm-content').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      const after = await layout('.pg-live');

      expect(after.text).toEqual(before.text);
      expect(after.background).toBe(before.background);
      expect(after.keyword).toBe(before.keyword);
      expect(after.figure).toEqual(before.figure);
      expect(after.title).toEqual(before.title);
      expect(after.controls).toEqual(before.controls);
      expect(after.editor).toEqual(before.editor);
      // Within half a pixel: the gutter's width is a sum of character widths in both.
      after.lines.forEach((line, i) => line.forEach((v, j) => expect(Math.abs(v - before.lines[i]![j]!)).toBeLessThanOrEqual(0.5)));
      const shifts = await page.evaluate(
        (since) => (window as unknown as { __shifts: { value: number; startTime: number }[] }).__shifts.filter((s) => s.startTime >= since),
        releasedAt,
      );
      expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBe(0);
    });
  }
});

test.describe('the output panel', () => {
  test('a deadlock names the tasks that wait and where, as status text', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = await live(figure(page));
    await replaceCode(page, fig, 'import asyncio\n\n\nasync def main() -> None:\n    await asyncio.Event().wait()\n\n\nasyncio.run(main())\n');
    await run(fig, /Deadlock/);
    await expect(fig.getByRole('status').filter({ hasText: 'Deadlock after' })).toContainText(/Waiting: Task-1 \(line 5 in main\)/);
  });

  test('an error says what was raised; only standard error is marked; time stamps are a switch', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = await live(figure(page));
    await replaceCode(page, fig, 'import sys\nprint("to out")\nprint("to err", file=sys.stderr)\nraise ValueError("bad value")\n');
    await run(fig, /exit status 1/);
    await expect(fig.getByRole('status').filter({ hasText: 'Ended with an error' })).toContainText('The program raised ValueError: bad value');
    const out = fig.locator('.pg-line.pg-stdout');
    const err = fig.locator('.pg-line.pg-stderr');
    await expect(out.first()).toHaveText('to out');
    await expect(out.locator('.pg-stream')).toHaveCount(0);
    await expect(err.first().locator('.pg-stream')).toHaveText('err');
    // Virtual clock: no stamps until asked for.
    await expect(fig.locator('.pg-stamp')).toHaveCount(0);
    const times = fig.getByRole('button', { name: 'Times' });
    await expect(times).toHaveAttribute('aria-pressed', 'false');
    await times.click();
    await expect(times).toHaveAttribute('aria-pressed', 'true');
    await expect(fig.locator('.pg-stamp').first()).toHaveText(/^\+\d+\.\d{3}s$/);
  });
});

test.describe('phone width (390 px)', () => {
  for (const [lang, prefix, clockName] of [
    ['en', '', 'Virtual time'],
    ['pt-BR', 'pt-br/', 'Tempo virtual'],
  ] as const) {
    test(`every toolbar control is at least 44x44 px and the clock switch keeps its label (${lang})`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto(`${prefix}${CHAPTER}`);
      const fig = await live(figure(page));
      const controls = fig.locator('.pg-live .pg-toolbar').getByRole('button').or(fig.locator('.pg-live .pg-toolbar').getByRole('switch'));
      await expect(controls).toHaveCount(8);
      for (const control of await controls.all()) {
        const box = (await control.boundingBox())!;
        expect(box.width, await control.getAttribute('aria-label') ?? 'switch').toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
      const clock = fig.getByRole('switch', { name: clockName });
      await expect(clock).toBeVisible();
      // The label is drawn, not only given to screen readers.
      const label = (await clock.locator('.pg-switch-text').boundingBox())!;
      expect(label.width).toBeGreaterThan(40);
      await expect(clock.locator('.pg-switch-text')).toHaveCSS('clip-path', 'none');
    });
  }

  test('a figure keeps a legible size and scrolls sideways, reachable by keyboard', async ({ page }) => {
    await page.setViewportSize(PHONE);
    // Chapter 2's figures are recorded runs (below); chapter 1 still has drawn diagrams.
    await page.goto('chapters/01-getting-to-know-asyncio/');
    const diagram = page.locator('figure.diagram').first();
    await diagram.scrollIntoViewIfNeeded();
    const scroller = diagram.locator('.diagram-scroll');
    const { scale, scrolls } = await scroller.evaluate((el) => {
      const svg = el.querySelector('svg')!;
      return { scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, scrolls: el.scrollWidth > el.clientWidth };
    });
    expect(scale).toBeGreaterThanOrEqual(0.85);
    expect(scrolls).toBe(true);
    await expect(scroller).toHaveAttribute('tabindex', '0');
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  test('a figure drawn from a recorded run fits the phone: every lane and its table, no sideways scroll', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(CHAPTER);
    const figure = page.locator('[data-timeline-figure]').first();
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('.tl-lane')).toHaveCount(3);
    const box = (await figure.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});

/** The chapters each glossary entry lists as using its term (src/content/glossary/<lang>/). */
function chaptersOf(lang: 'en' | 'pt-br'): Map<string, string[]> {
  const dir = new URL(`../../src/content/glossary/${lang}/`, import.meta.url);
  return new Map(
    readdirSync(dir).map((file) => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      return [file.replace(/\.md$/, ''), JSON.parse(text.match(/^chapters: (.*)$/m)?.[1] ?? '[]') as string[]];
    }),
  );
}

/** Opens the search dialog with the keyboard from the page `from`. */
async function openSearch(page: Page, from: string): Promise<Locator> {
  await page.goto(from);
  await page.locator('#starlight__search input').waitFor({ state: 'attached', timeout: 20_000 });
  await page.keyboard.press('Control+k');
  return page.getByRole('dialog');
}

/**
 * Puts a query in the open search dialog, returns the result paths shown. (Typing it key by key
 * searches every prefix; what is ranked is the same.)
 */
async function search(dialog: Locator, query: string): Promise<string[]> {
  await dialog.locator('input.pagefind-ui__search-input').fill(query);
  // "N results for <query>": the count of this query, not of the one typed before it.
  const message = dialog.locator('.pagefind-ui__message');
  await expect(message).toHaveText(new RegExp(`\\d.*${RegExp.escape(query)}`), { timeout: 20_000 });
  // Results render one by one after the count: wait for the first page of them (five at most).
  const found = Number((await message.textContent())?.match(/\d+/)?.[0] ?? 0);
  const links = dialog.locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > a.pagefind-ui__result-link');
  await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(Math.min(found, 5));
  const hrefs = await links.evaluateAll((all) => all.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

test.describe('search: a term’s entry first, then the pages that teach it', () => {
  // Every query's entry comes first. For the marked ones (the "timeout" and "TaskGroup"
  // and their like) the next result is a chapter or study topic, not another glossary entry,
  // and one of the chapters the entry lists is among the results shown before "Load more".
  const queries: Record<'en' | 'pt-br', [query: string, entry: string, teaching?: 'teaching'][]> = {
    en: [
      ['timeout', 'timeout', 'teaching'],
      ['TaskGroup', 'taskgroup', 'teaching'],
      ['wait_for', 'timeout', 'teaching'],
      ['gather', 'gather', 'teaching'],
      ['cancellation', 'cancellation', 'teaching'],
      ['semaphore', 'semaphore', 'teaching'],
      ['queue', 'queue', 'teaching'],
      ['stream', 'stream', 'teaching'],
      ['race condition', 'race-condition', 'teaching'],
      ['deadlock', 'deadlock', 'teaching'],
      ['subprocess', 'subprocess', 'teaching'],
      ['GIL', 'gil'],
      ['event loop', 'event-loop'],
      ['coroutine', 'coroutine'],
      ['concurrency', 'concurrency'],
      ['back-pressure', 'back-pressure'],
      ['parallelism', 'parallelism'],
      ['task', 'task'],
      ['thread', 'thread'],
      ['lock', 'lock'],
    ],
    'pt-br': [
      ['timeout', 'timeout', 'teaching'],
      ['TaskGroup', 'taskgroup', 'teaching'],
      ['gather', 'gather', 'teaching'],
      ['cancelamento', 'cancellation', 'teaching'],
      ['semáforo', 'semaphore', 'teaching'],
      ['fila', 'queue', 'teaching'],
      ['condição de corrida', 'race-condition', 'teaching'],
      ['loop de eventos', 'event-loop', 'teaching'],
      ['impasse', 'deadlock', 'teaching'],
      ['subprocesso', 'subprocess', 'teaching'],
      ['tempo limite', 'timeout'],
      ['GIL', 'gil'],
      ['corrotina', 'coroutine'],
      ['concorrência', 'concurrency'],
      ['paralelismo', 'parallelism'],
      ['bloqueio global do interpretador', 'gil'],
      ['tarefa', 'task'],
      ['processo', 'process'],
      ['trava', 'lock'],
      ['executor', 'executor'],
    ],
  };
  // One reader per language types every query in turn, in one search dialog: opening a page
  // and loading Pagefind once per query cost most of this test's time.
  for (const lang of ['en', 'pt-br'] as const) {
    test(`${lang}: each term's glossary entry first, then a chapter that teaches it`, async ({ page, baseURL }) => {
      const chapters = chaptersOf(lang);
      const prefix = lang === 'en' ? '' : 'pt-br/';
      const base = new URL(baseURL!).pathname;
      const dialog = await openSearch(page, `${prefix}about/`);
      for (const [query, id, teaching] of queries[lang]) {
        await test.step(`"${query}" -> glossary/${id}/${teaching ? ', then a chapter that teaches it' : ''}`, async () => {
          const shown = (await search(dialog, query)).map((p) => p.slice(base.length + prefix.length).replace(/\/$/, ''));
          expect.soft(shown[0], `"${query}": the entry first`).toBe(`glossary/${id}`);
          if (!teaching) return;
          expect.soft(shown[1], `"${query}": then a chapter or topic`).toMatch(/^(chapters|topics)\//);
          const listed = chapters.get(id)!;
          expect.soft(shown.some((p) => listed.includes(p)), `"${query}": a chapter the entry lists`).toBe(true);
        });
      }
    });
  }
});
