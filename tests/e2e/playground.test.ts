import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { openPage } from './support/browser';
import { useSiteAndBrowser } from './support/session';

/**
 * Playgrounds on the built site, in Debian's Chromium, with the real Python runtime: run, stop,
 * edits that survive a reload, reset, fork and My playgrounds, share links, local-only examples,
 * keyboard-only use and axe.
 */
const CHAPTER = 'chapters/02-asyncio-basics/';
const EXAMPLE = '02-asyncio-basics/create_task.py';
const EXPECTED = readFileSync(new URL(`../../examples/${EXAMPLE.replace(/\.py$/, '.out')}`, import.meta.url), 'utf8');
const LOCAL_CHAPTER = 'chapters/03-first-asyncio-application/';
const LOCAL_EXAMPLE = '03-first-asyncio-application/blocking_echo_server.py';
const RUN_TIMEOUT = 45_000;

const e2e = useSiteAndBrowser();

function figure(page: Page, example: string): Locator {
  return page.locator(`figure[data-example="${example}"]`);
}

/** Scrolls a playground into view and waits for its editor to replace the static code. */
async function live(_page: Page, fig: Locator): Promise<Locator> {
  await fig.scrollIntoViewIfNeeded();
  await fig.locator('.pg-live .cm-content').waitFor({ timeout: 20_000 });
  return fig;
}

async function editorText(fig: Locator): Promise<string> {
  // innerText ends with the last line's break; compare what the reader sees.
  return (await fig.locator('.cm-content').innerText()).replace(/\u00a0/g, ' ').trimEnd();
}

async function replaceCode(page: Page, fig: Locator, code: string): Promise<void> {
  await fig.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

/** axe (WCAG 2.x A/AA) over the playgrounds and the copies list: what this feature owns. */
async function playgroundViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('.pg')
    .include('.pg-forks-root')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).filter((t) => !editorScroller(v.id, t)) }))
    .filter((v) => v.targets.length > 0);
}

/**
 * The live editor's scroller, once its code is taller than the editor's bound (36 lines, sooner at
 * phone width where lines wrap). CodeMirror gives the scroller and Sandpack the content
 * tabindex -1; the keyboard reaches both through Sandpack's wrapper (a focusable textbox: Tab,
 * then Enter, then the arrow keys move the cursor and scroll), which axe cannot see from the
 * scroller. The keyboard-only test below walks that path.
 */
function editorScroller(rule: string, target: string): boolean {
  return rule === 'scrollable-region-focusable' && /\.cm-scroller$/.test(target) && !target.includes('pg-static');
}

async function status(fig: Locator, pattern: RegExp, timeout = RUN_TIMEOUT): Promise<string> {
  const line = fig.locator('.pg-status');
  await line.filter({ hasText: pattern }).waitFor({ timeout });
  return (await line.textContent()) ?? '';
}

describe('a playground in a chapter', () => {
  test('the code is in the HTML, highlighted, before any JavaScript runs', async () => {
    const page = await openPage(e2e.browser, { javaScriptEnabled: false });
    await page.goto(e2e.site.url(CHAPTER));
    const fig = figure(page, EXAMPLE);
    // Highlighted with the editor's own token classes, line by line (static-code.ts).
    await expect(fig.locator('.pg-static .cm-line').count()).resolves.toBeGreaterThan(20);
    await expect(fig.locator('.pg-static .sp-syntax-keyword').count()).resolves.toBeGreaterThan(0);
    await expect(fig.locator('.pg-static').innerText()).resolves.toContain('asyncio.create_task');
    // No editor: the only code is the placeholder's.
    await expect(fig.locator('.pg-live').count()).resolves.toBe(0);
    await expect(fig.locator('[contenteditable]').count()).resolves.toBe(0);
    await page.context().close();
  });

  test('Run shows the output, stamped and with the exit status; the swap does not move the page', async () => {
    const page = await openPage(e2e.browser);
    const origin = new URL(e2e.site.url()).origin;
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
    });
    await page.goto(e2e.site.url(CHAPTER));
    const fig = figure(page, EXAMPLE);
    // Python starts loading once a playground is in view, before anyone presses Run.
    const warmUp = page.waitForRequest(/pyodide\.asm\.wasm$/, { timeout: 20_000 });
    await fig.scrollIntoViewIfNeeded();
    const before = await fig.boundingBox();
    await live(page, fig);
    const after = await fig.boundingBox();
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThan(24);
    await warmUp;
    await fig.getByRole('button', { name: 'Run' }).click();
    expect(await status(fig, /exit status 0/)).toMatch(/Finished with exit status 0/);
    const lines = await fig.locator('.pg-line .pg-text').allTextContents();
    expect(lines.join('\n')).toBe(EXPECTED.trimEnd());
    // Only standard error is tagged; time stamps are there to switch on (off on the virtual clock).
    await expect(fig.locator('.pg-stdout .pg-stream').count()).resolves.toBe(0);
    await expect(fig.locator('.pg-line .pg-stamp').count()).resolves.toBe(0);
    await fig.getByRole('button', { name: 'Times' }).click();
    await expect(fig.locator('.pg-line .pg-stamp').first().textContent()).resolves.toMatch(/^\+\d+\.\d{3}s$/);
    // Sandpack without a preview starts no bundler: nothing leaves the site.
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  test('stderr is marked in words, not only by colour', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url(CHAPTER));
    const fig = await live(page, figure(page, EXAMPLE));
    await replaceCode(page, fig, 'import sys\nprint("to out")\nprint("to err", file=sys.stderr)\nraise SystemExit(3)\n');
    await fig.getByRole('button', { name: 'Run' }).click();
    expect(await status(fig, /exit status 3/)).toMatch(/error: exit status 3/);
    await expect(fig.locator('.pg-stderr .pg-stream').first().textContent()).resolves.toBe('err');
    await expect(fig.locator('.pg-stderr .pg-text').first().textContent()).resolves.toBe('to err');
    await page.context().close();
  });

  test('a flood of output is cut, and the panel says so', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url(CHAPTER));
    const fig = await live(page, figure(page, EXAMPLE));
    await replaceCode(page, fig, 'for i in range(50_000):\n    print(f"line {i}")\n');
    await fig.getByRole('button', { name: 'Run' }).click();
    await status(fig, /exit status 0/);
    await fig.locator('.pg-cut').filter({ hasText: /characters of output were cut/ }).waitFor();
    expect(await fig.locator('.pg-line').count()).toBeLessThanOrEqual(2000);
    await page.context().close();
  });

  test('Stop ends a runaway loop and says so', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url(CHAPTER));
    const fig = await live(page, figure(page, EXAMPLE));
    await replaceCode(page, fig, 'print("spinning")\nn = 0\nwhile True:\n    n += 1\n');
    await fig.getByRole('button', { name: 'Run' }).click();
    await fig.locator('.pg-text', { hasText: 'spinning' }).waitFor({ timeout: RUN_TIMEOUT });
    await fig.getByRole('button', { name: 'Stop' }).click();
    expect(await status(fig, /Stopped after/, 20_000)).toMatch(/did not finish/);
    // The page's runtime still works afterwards.
    await replaceCode(page, fig, 'print("again")\n');
    await fig.getByRole('button', { name: 'Run' }).click();
    await status(fig, /exit status 0/);
    await page.context().close();
  });

  test('edits survive a reload; Reset asks, then brings back the original', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url(CHAPTER));
    let fig = await live(page, figure(page, EXAMPLE));
    const original = await editorText(fig);
    await fig.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n# my edit\n');
    await page.reload();
    fig = await live(page, figure(page, EXAMPLE));
    await expect(editorText(fig)).resolves.toContain('# my edit');
    // The same example on the Portuguese page is a separate draft.
    const pt = await openPage(e2e.browser);
    await pt.goto(e2e.site.url(`pt-br/${CHAPTER}`));
    const ptFig = await live(pt, figure(pt, EXAMPLE));
    await expect(editorText(ptFig)).resolves.not.toContain('# my edit');
    await pt.context().close();

    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await fig.getByRole('button', { name: 'Reset' }).click();
    expect(asked).toMatch(/Discard your changes/);
    await expect(editorText(fig)).resolves.toBe(original);
    await page.reload();
    fig = await live(page, figure(page, EXAMPLE));
    await expect(editorText(fig)).resolves.toBe(original);
    // Unedited: Reset does not ask.
    page.once('dialog', () => {
      throw new Error('Reset asked although nothing was edited');
    });
    await fig.getByRole('button', { name: 'Reset' }).click();
    await page.context().close();
  });

  test('when storage is full the edit stays and the reader is told, with Download offered', async () => {
    const page = await openPage(e2e.browser);
    await page.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('asyncio-live:')) throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await page.goto(e2e.site.url(CHAPTER));
    const fig = await live(page, figure(page, EXAMPLE));
    await fig.locator('.cm-content').click();
    await page.keyboard.insertText('# kept in memory\n');
    await fig.getByRole('alert').filter({ hasText: /storage is full/ }).waitFor();
    await expect(fig.getByRole('button', { name: /Download it/ }).count()).resolves.toBe(1);
    await expect(editorText(fig)).resolves.toContain('# kept in memory');
    await page.context().close();
  });
});

describe('fork and My playgrounds', () => {
  test('fork a playground, open the copy, rename it, delete it', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url(CHAPTER));
    const fig = await live(page, figure(page, EXAMPLE));
    await fig.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n# forked edit\n');
    await fig.getByRole('button', { name: 'Fork' }).click();
    await fig.getByRole('status').filter({ hasText: 'Saved as “create_task”' }).waitFor();
    await fig.getByRole('link', { name: 'Open My playgrounds' }).click();
    await page.waitForURL(/my-playgrounds\/#fork=/);

    const scratch = await live(page, page.locator('figure[data-playground]'));
    await expect(editorText(scratch)).resolves.toContain('# forked edit');
    await expect(scratch.locator('.pg-live .pg-title').textContent()).resolves.toBe('create_task');
    const list = page.getByRole('list', { name: 'Your copies' });
    await expect(list.getByRole('listitem').count()).resolves.toBe(1);
    await expect(list.textContent()).resolves.toContain(`from ${EXAMPLE}`);

    await list.getByRole('button', { name: 'Rename: create_task' }).click();
    const name = list.getByRole('textbox');
    await name.fill('my tasks');
    await name.press('Enter');
    await list.getByText('my tasks', { exact: true }).waitFor();
    await scratch.locator('.pg-live .pg-title', { hasText: 'my tasks' }).waitFor();

    // Edits to an open copy are saved into it.
    await scratch.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('# second edit\n');
    await page.goto(e2e.site.url('my-playgrounds/'));
    await page.getByRole('link', { name: 'Open: my tasks' }).click();
    const reopened = await live(page, page.locator('figure[data-playground]'));
    await reopened.locator('.pg-live .pg-title', { hasText: 'my tasks' }).waitFor();
    await expect(editorText(reopened)).resolves.toContain('# second edit');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete: my tasks' }).click();
    await page.getByText(/No copies yet/).waitFor();
    await page.context().close();
  });

  test('the page is a scratchpad that keeps what is written in it, in Portuguese too', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url('pt-br/my-playgrounds/'));
    let fig = await live(page, page.locator('figure[data-playground]'));
    await expect(fig.getByRole('button', { name: 'Executar' }).count()).resolves.toBe(1);
    await replaceCode(page, fig, 'print("rascunho")\n');
    await page.reload();
    fig = await live(page, page.locator('figure[data-playground]'));
    await expect(editorText(fig)).resolves.toBe('print("rascunho")');
    await fig.getByRole('button', { name: 'Executar' }).click();
    await status(fig, /status de saída 0/);
    await expect(fig.locator('.pg-text').first().textContent()).resolves.toBe('rascunho');
    await page.context().close();
  });
});

describe('share links', () => {
  test('a link carries the code; opening it shows the code with a note and does not run it', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url(CHAPTER));
    const fig = await live(page, figure(page, EXAMPLE));
    await replaceCode(page, fig, 'print("shared olá 🐍")\n');
    await fig.getByRole('button', { name: 'Share' }).click();
    const link = await fig.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/#code=[A-Za-z0-9_-]+&in=/);

    const friend = await openPage(e2e.browser);
    await friend.goto(link);
    const shared = figure(friend, EXAMPLE);
    await shared.locator('.pg-live .cm-content').waitFor({ timeout: 20_000 });
    await expect(editorText(shared)).resolves.toBe('print("shared olá 🐍")');
    await shared.getByText(/shared with you/).waitFor();
    // Never run on its own: no output panel until the reader presses Run.
    await friend.waitForTimeout(1000);
    await expect(shared.locator('.pg-output').count()).resolves.toBe(0);
    await shared.getByRole('button', { name: 'Run' }).click();
    await status(shared, /exit status 0/);
    await expect(shared.locator('.pg-text').first().textContent()).resolves.toBe('shared olá 🐍');
    await page.context().close();
    await friend.context().close();
  });

  test('a damaged or oversized link says so and the page still works', async () => {
    const page = await openPage(e2e.browser);
    for (const [hash, message] of [
      ['#code=%%%not-base64', /damaged/],
      ['#code=AAAAAAAA', /damaged/],
      [`#code=${'A'.repeat(20_000)}`, /too large/],
    ] as const) {
      // A new document each time: changing only the fragment would not reload the page.
      await page.goto('about:blank');
      await page.goto(`${e2e.site.url(CHAPTER)}${hash}`);
      const fig = page.locator('figure[data-playground]').first();
      await fig.locator('.pg-live .cm-content').waitFor({ timeout: 20_000 });
      await fig.getByRole('alert').filter({ hasText: message }).waitFor();
    }
    const fig = page.locator('figure[data-playground]').first();
    await fig.getByRole('button', { name: 'Run' }).click();
    await status(fig, /exit status/);
    await page.context().close();
  });
});

describe('local-only examples', () => {
  test('show the code, the recorded output and how to run them, with no Run button', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url(LOCAL_CHAPTER));
    const fig = figure(page, LOCAL_EXAMPLE);
    const expected = readFileSync(new URL(`../../examples/${LOCAL_EXAMPLE.replace(/\.py$/, '.out')}`, import.meta.url), 'utf8');
    await expect(fig.getByRole('button', { name: 'Run' }).count()).resolves.toBe(0);
    await expect(fig.textContent()).resolves.toContain('Output recorded by the tests');
    const shown = await fig.innerText();
    expect(shown).toContain(expected.split('\n')[0]);
    expect(shown).toMatch(/python3 blocking_echo_server\.py|uv run blocking_echo_server\.py/);
    await expect(fig.getByRole('link', { name: /Download/ }).getAttribute('download')).resolves.toBe('blocking_echo_server.py');
    await page.context().close();
  });

  test('name the helper module a program imports, and offer it for download beside the program', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url('chapters/04-concurrent-web-requests/'));
    const fig = figure(page, '04-concurrent-web-requests/semaphore_limit.py');
    await expect(fig.innerText()).resolves.toContain('It imports api_server.py from its own folder');
    const helper = fig.getByRole('link', { name: 'Download api_server.py' });
    await expect(helper.getAttribute('download')).resolves.toBe('api_server.py');
    const text = decodeURIComponent((await helper.getAttribute('href'))!.replace(/^data:[^,]*,/, ''));
    expect(text).toContain('async def serve()');
    await page.context().close();
  });
});

describe('keyboard and accessibility', () => {
  test('Run right after an edit runs the text on screen, not the text from before it', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url('my-playgrounds/'));
    const fig = await live(page, page.locator('figure[data-playground]'));
    await fig.locator('.cm-content').click();
    for (const word of ['first', 'second', 'third']) {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText(`print("${word}")`);
      await page.keyboard.press('ControlOrMeta+Enter'); // no pause: the editor's state lags a keystroke
      await status(fig, /exit status 0/);
      await expect(fig.locator('.pg-text').first().textContent()).resolves.toBe(word);
    }
    await page.context().close();
  });

  test('keyboard only: into the editor, type, run with Ctrl+Enter, leave with Escape then Tab', async () => {
    const page = await openPage(e2e.browser);
    await page.goto(e2e.site.url('my-playgrounds/'));
    const fig = await live(page, page.locator('figure[data-playground]'));
    await fig.getByRole('button', { name: 'Fork' }).focus();
    await page.keyboard.press('Tab');
    const focusedRole = () => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);
    await expect(focusedRole()).resolves.toBe('textbox');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).resolves.toBe(true);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('print("keyboard")');
    // Tab indents inside the editor instead of leaving it...
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).resolves.toBe(true);
    await page.keyboard.press('ControlOrMeta+z');
    await page.keyboard.press('ControlOrMeta+Enter');
    await status(fig, /exit status 0/);
    await expect(fig.locator('.pg-text').first().textContent()).resolves.toBe('keyboard');
    // ...and Escape, then Tab, leaves it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const inEditor = await page.evaluate(() => Boolean(document.activeElement?.closest('.cm-editor, [role="textbox"]')));
    expect(inEditor).toBe(false);
    // Every toolbar control is reachable and named.
    for (const name of ['Run', 'Reset', 'Copy', 'Download', 'Share', 'Fork']) {
      await expect(fig.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    }
    await expect(fig.getByRole('switch', { name: 'Virtual time' }).getAttribute('aria-checked')).resolves.toBe('true');
    await fig.getByRole('switch', { name: 'Virtual time' }).focus();
    await page.keyboard.press('Space');
    await expect(fig.getByRole('switch', { name: 'Virtual time' }).getAttribute('aria-checked')).resolves.toBe('false');
    // Run from the keyboard keeps the focus on Run through the run.
    await fig.getByRole('button', { name: 'Run' }).focus();
    await page.keyboard.press('Enter');
    await status(fig, /exit status 0/);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Run');
    await page.context().close();
  });

  for (const [label, options] of [
    ['light, desktop', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
    ['dark, phone', { viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true, hasTouch: true }],
  ] as const) {
    test(`axe finds nothing on a chapter with a live playground and its output (${label})`, async () => {
      const page = await openPage(e2e.browser, options);
      await page.goto(e2e.site.url(CHAPTER));
      const fig = await live(page, figure(page, EXAMPLE));
      await fig.getByRole('button', { name: 'Run' }).click();
      await status(fig, /exit status 0/);
      const box = await fig.boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(options.viewport.width);
      expect(await playgroundViolations(page)).toEqual([]);
      await page.goto(e2e.site.url('pt-br/my-playgrounds/'));
      await live(page, page.locator('figure[data-playground]'));
      expect(await playgroundViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
