/**
 * Playgrounds on the built site, with the real Python runtime: run, stop, edits that survive a
 * reload, reset, fork and My playgrounds, share links, local-only examples, keyboard-only use
 * and axe over the live editor and its output.
 */
import { readFileSync } from 'node:fs';
import { CODE_BLOCKS, expect, PHONE, RUN_TIMEOUT, snapshotDownloads, test, type Violation } from './fixtures';

const CHAPTER = 'chapters/02-asyncio-basics/';
const EXAMPLE = '02-asyncio-basics/create_task.py';
const LOCAL_CHAPTER = 'chapters/03-first-asyncio-application/';
const LOCAL_EXAMPLE = '03-first-asyncio-application/blocking_echo_server.py';

/** The recorded output of an example, as the tests of the examples tier check it. */
function recordedOutput(example: string): string {
  return readFileSync(new URL(`../../examples/${example.replace(/\.py$/, '.out')}`, import.meta.url), 'utf8');
}

test.describe('a playground in a chapter', () => {
  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the code is in the HTML, highlighted', async ({ page, playground }) => {
      await page.goto(CHAPTER);
      const { figure } = playground(EXAMPLE);
      // Highlighted with the editor's own token classes, line by line (static-code.ts).
      expect(await figure.locator('.pg-static .cm-line').count()).toBeGreaterThan(20);
      expect(await figure.locator('.pg-static .sp-syntax-keyword').count()).toBeGreaterThan(0);
      await expect(figure.locator('.pg-static')).toContainText('asyncio.create_task');
      // No editor: the only code is the placeholder's.
      await expect(figure.locator('.pg-live')).toHaveCount(0);
      await expect(figure.locator('[contenteditable]')).toHaveCount(0);
    });
  });

  test('Run shows the output, stamped and with the exit status; the swap does not move the page', async ({
    page,
    playground,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
    });
    const snapshots = snapshotDownloads(page);
    await page.goto(CHAPTER);
    const pg = playground(EXAMPLE);
    // Python starts loading once a playground is in view, before anyone presses Run.
    const warmUp = page.waitForRequest(/pyodide\.asm\.wasm$/, { timeout: 30_000 });
    await pg.figure.scrollIntoViewIfNeeded();
    const before = await pg.figure.boundingBox();
    await pg.live();
    const after = await pg.figure.boundingBox();
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThan(24);
    await warmUp;
    await pg.run();
    await expect(pg.status).toContainText('Finished with exit status 0');
    await expect(pg.lines).toHaveText(recordedOutput(EXAMPLE).trimEnd().split('\n'));
    // Only standard error is tagged; time stamps are there to switch on (off on the virtual clock).
    await expect(pg.figure.locator('.pg-stdout .pg-stream')).toHaveCount(0);
    await expect(pg.figure.locator('.pg-line .pg-stamp')).toHaveCount(0);
    await pg.button('Times').click();
    await expect(pg.figure.locator('.pg-line .pg-stamp').first()).toHaveText(/^\+\d+\.\d{3}s$/);
    // Sandpack without a preview starts no bundler: nothing leaves the site.
    expect(foreign).toEqual([]);
    // A network as fast as this one's is worth the start-up snapshot (start-up.spec.ts has a slow one).
    expect(snapshots).toHaveLength(1);
  });

  test('stderr is marked in words, not only by colour', async ({ page, playground }) => {
    await page.goto(CHAPTER);
    const pg = await playground(EXAMPLE).live();
    await pg.replaceCode('import sys\nprint("to out")\nprint("to err", file=sys.stderr)\nraise SystemExit(3)\n');
    await pg.run({ finished: /exit status 3/ });
    await expect(pg.status).toContainText('error: exit status 3');
    await expect(pg.figure.locator('.pg-stderr .pg-stream').first()).toHaveText('err');
    await expect(pg.figure.locator('.pg-stderr .pg-text').first()).toHaveText('to err');
  });

  test('a flood of output is cut, and the panel says so', async ({ page, playground }) => {
    await page.goto(CHAPTER);
    const pg = await playground(EXAMPLE).live();
    await pg.replaceCode('for i in range(50_000):\n    print(f"line {i}")\n');
    await pg.run();
    await expect(pg.figure.locator('.pg-cut')).toContainText(/characters of output were cut/);
    expect(await pg.figure.locator('.pg-line').count()).toBeLessThanOrEqual(2000);
  });

  test('Stop ends a runaway loop and says so', async ({ page, playground }) => {
    await page.goto(CHAPTER);
    const pg = await playground(EXAMPLE).live();
    await pg.replaceCode('print("spinning")\nn = 0\nwhile True:\n    n += 1\n');
    await pg.button('Run').click();
    await expect(pg.lines.filter({ hasText: 'spinning' })).toBeVisible({ timeout: RUN_TIMEOUT });
    await pg.button('Stop').click();
    await expect(pg.status).toContainText(/Stopped after.*did not finish/, { timeout: 20_000 });
    // The page's runtime still works afterwards.
    await pg.replaceCode('print("again")\n');
    await pg.run();
  });

  test.describe('editing runs nothing', () => {
    test.use({ python: false });

    test('edits survive a reload; Reset asks, then brings back the original', async ({ page, playground }) => {
      await page.goto(CHAPTER);
      let pg = await playground(EXAMPLE).live();
      const original = await pg.code();
      await pg.appendCode('\n# my edit\n');
      await page.reload();
      pg = await playground(EXAMPLE).live();
      await expect(pg.editor).toContainText('# my edit');

      // The same example on the Portuguese page is a separate draft (same storage, other page).
      const pt = await page.context().newPage();
      await pt.goto(`pt-br/${CHAPTER}`);
      const ptPg = await playground(EXAMPLE, pt).live();
      await expect(ptPg.editor).not.toContainText('# my edit');
      await pt.close();

      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        void dialog.accept();
      });
      await pg.button('Reset').click();
      await expect.poll(() => asked).toMatch(/Discard your changes/);
      await expect.poll(() => pg.code()).toBe(original);
      await page.reload();
      pg = await playground(EXAMPLE).live();
      await expect.poll(() => pg.code()).toBe(original);
      // Unedited: Reset does not ask.
      let askedAgain = false;
      page.once('dialog', (dialog) => {
        askedAgain = true;
        void dialog.dismiss();
      });
      await pg.button('Reset').click();
      await expect.poll(() => pg.code()).toBe(original);
      expect(askedAgain, 'Reset asked although nothing was edited').toBe(false);
    });

    test('when storage is full the edit stays and the reader is told, with Download offered', async ({
      page,
      playground,
    }) => {
      await page.addInitScript(() => {
        const original = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key: string, value: string) {
          if (key.startsWith('asyncio-live:')) throw new DOMException('full', 'QuotaExceededError');
          return original.call(this, key, value);
        };
      });
      await page.goto(CHAPTER);
      const pg = await playground(EXAMPLE).live();
      await pg.editor.click();
      await page.keyboard.insertText('# kept in memory\n');
      await expect(pg.figure.getByRole('alert').filter({ hasText: /storage is full/ })).toBeVisible();
      await expect(pg.figure.getByRole('button', { name: /Download it/ })).toHaveCount(1);
      await expect(pg.editor).toContainText('# kept in memory');
    });
  });
});

test.describe('fork and My playgrounds', () => {
  test.describe('no run on the way', () => {
    test.use({ python: false });

    test(
      'fork a playground, open the copy, rename it, delete it',
      { tag: '@subpath' },
      async ({ page, playground }) => {
        await page.goto(CHAPTER);
        const pg = await playground(EXAMPLE).live();
        await pg.appendCode('\n# forked edit\n');
        await pg.button('Fork').click();
        await expect(pg.figure.getByRole('status').filter({ hasText: 'Saved as “create_task”' })).toBeVisible();
        await pg.figure.getByRole('link', { name: 'Open My playgrounds' }).click();
        await expect(page).toHaveURL(/my-playgrounds\/#fork=/);

        const scratch = await playground().live();
        await expect(scratch.editor).toContainText('# forked edit');
        await expect(scratch.figure.locator('.pg-live .pg-title')).toHaveText('create_task');
        const list = page.getByRole('list', { name: 'Your copies' });
        await expect(list.getByRole('listitem')).toHaveCount(1);
        await expect(list).toContainText(`from ${EXAMPLE}`);

        await list.getByRole('button', { name: 'Rename: create_task' }).click();
        const name = list.getByRole('textbox');
        await name.fill('my tasks');
        await name.press('Enter');
        await expect(list.getByText('my tasks', { exact: true })).toBeVisible();
        await expect(scratch.figure.locator('.pg-live .pg-title')).toHaveText('my tasks');

        // Edits to an open copy are saved into it.
        await scratch.appendCode('# second edit\n');
        await page.goto('my-playgrounds/');
        await page.getByRole('link', { name: 'Open: my tasks' }).click();
        const reopened = await playground().live();
        await expect(reopened.figure.locator('.pg-live .pg-title')).toHaveText('my tasks');
        await expect(reopened.editor).toContainText('# second edit');

        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: 'Delete: my tasks' }).click();
        await expect(page.getByText(/No copies yet/)).toBeVisible();
      },
    );
  });

  test('the page is a scratchpad that keeps what is written in it, in Portuguese too', async ({ page, playground }) => {
    await page.goto('pt-br/my-playgrounds/');
    let pg = await playground().live();
    await expect(pg.button('Executar')).toHaveCount(1);
    await pg.replaceCode('print("rascunho")\n');
    await page.reload();
    pg = await playground().live();
    await expect.poll(() => pg.code()).toBe('print("rascunho")');
    await pg.run({ button: 'Executar', finished: /status de saída 0/ });
    await expect(pg.lines.first()).toHaveText('rascunho');
  });
});

test.describe('share links', () => {
  test.describe('the sharer runs nothing (the friend, in a context of their own, does)', () => {
    test.use({ python: false });

    test(
      'a link carries the code; opening it shows the code with a note and does not run it',
      { tag: '@subpath' },
      async ({ page, playground, browser }) => {
        await page.goto(CHAPTER);
        const pg = await playground(EXAMPLE).live();
        await pg.replaceCode('print("shared olá 🐍")\n');
        await pg.button('Share').click();
        const link = await pg.figure.getByRole('textbox', { name: 'Share link' }).inputValue();
        expect(link).toMatch(/#code=[A-Za-z0-9_-]+&in=/);

        // A friend opens it in a browser of their own.
        const friendContext = await browser.newContext();
        const friend = await friendContext.newPage();
        await friend.goto(link);
        const shared = await playground(EXAMPLE, friend).live();
        await expect.poll(() => shared.code()).toBe('print("shared olá 🐍")');
        await expect(shared.figure.getByText(/shared with you/)).toBeVisible();
        // Never run on its own: no output panel until the reader presses Run. An absence needs
        // a while to be seen: a second after the editor is ready.
        await friend.waitForTimeout(1000);
        await expect(shared.figure.locator('.pg-output')).toHaveCount(0);
        await shared.run();
        await expect(shared.lines.first()).toHaveText('shared olá 🐍');
        await friendContext.close();
      },
    );
  });

  test('a damaged or oversized link says so and the page still works', async ({ page, playground }) => {
    for (const [hash, message] of [
      ['#code=%%%not-base64', /damaged/],
      ['#code=AAAAAAAA', /damaged/],
      [`#code=${'A'.repeat(20_000)}`, /too large/],
    ] as const) {
      // A new document each time: changing only the fragment would not reload the page.
      await page.goto('about:blank');
      await page.goto(`${CHAPTER}${hash}`);
      const pg = await playground().live();
      await expect(pg.figure.getByRole('alert').filter({ hasText: message })).toBeVisible();
    }
    await playground().run({ finished: /exit status/ });
  });
});

test.describe('local-only examples', () => {
  test.describe('nothing to run in the browser', () => {
    test.use({ python: false });

    test('show the code, the recorded output and how to run them, with no Run button', async ({ page, playground }) => {
      await page.goto(LOCAL_CHAPTER);
      const { figure } = playground(LOCAL_EXAMPLE);
      await expect(figure.getByRole('button', { name: 'Run' })).toHaveCount(0);
      await expect(figure).toContainText('Output recorded by the tests');
      await expect(figure).toContainText(recordedOutput(LOCAL_EXAMPLE).split('\n')[0]!);
      await expect(figure).toContainText(/python3 blocking_echo_server\.py|uv run blocking_echo_server\.py/);
      await expect(figure.getByRole('link', { name: /Download/ })).toHaveAttribute(
        'download',
        'blocking_echo_server.py',
      );
    });

    test('name the helper module a program imports, and offer it for download beside the program', async ({
      page,
      playground,
    }) => {
      // A query that a real server cancels: it stays local while the chapter's others run in the page.
      await page.goto('chapters/05-non-blocking-database-drivers/');
      const { figure } = playground('05-non-blocking-database-drivers/query_timeout.py');
      await expect(figure).toContainText('It imports scratch_db.py from its own folder');
      const helper = figure.getByRole('link', { name: 'Download scratch_db.py' });
      await expect(helper).toHaveAttribute('download', 'scratch_db.py');
      const text = decodeURIComponent((await helper.getAttribute('href'))!.replace(/^data:[^,]*,/, ''));
      expect(text).toContain('async def scratch_schema()');
    });
  });
});

/**
 * Leaves out the live editor's scroller, once its code is taller than the editor's bound (36
 * lines, sooner at phone width where lines wrap). CodeMirror gives the scroller and Sandpack the
 * content tabindex -1; the keyboard reaches both through Sandpack's wrapper (a focusable textbox:
 * Tab, then Enter, then the arrow keys move the cursor and scroll), which axe cannot see from the
 * scroller. The keyboard-only test walks that path.
 */
function withoutEditorScroller(violations: Violation[]): Violation[] {
  const editorScroller = (v: Violation, target: string) =>
    v.id === 'scrollable-region-focusable' && /\.cm-scroller$/.test(target) && !target.includes('pg-static');
  return violations
    .map((v) => ({ ...v, targets: v.targets.filter((t) => !editorScroller(v, t)) }))
    .filter((v) => v.targets.length > 0);
}

test.describe('keyboard and accessibility', () => {
  test('Run right after an edit runs the text on screen, not the text from before it', async ({ page, playground }) => {
    await page.goto('my-playgrounds/');
    const pg = await playground().live();
    await pg.editor.click();
    for (const word of ['first', 'second', 'third']) {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText(`print("${word}")`);
      await page.keyboard.press('ControlOrMeta+Enter'); // no pause: the editor's state lags a keystroke
      await expect(pg.status).toContainText('exit status 0', { timeout: RUN_TIMEOUT });
      await expect(pg.lines.first()).toHaveText(word);
    }
  });

  test('keyboard only: into the editor, type, run with Ctrl+Enter, leave with Escape then Tab', async ({
    page,
    playground,
  }) => {
    await page.goto('my-playgrounds/');
    const pg = await playground().live();
    const editorFocused = () => page.evaluate(() => Boolean(document.activeElement?.classList.contains('cm-content')));
    // Focus order: the editor comes right after the toolbar's last button.
    await pg.button('Fork').focus();
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName))
      .toBe('textbox');
    await page.keyboard.press('Enter');
    await expect.poll(editorFocused).toBe(true);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('print("keyboard")');
    // Tab indents inside the editor instead of leaving it...
    await page.keyboard.press('Tab');
    await expect.poll(editorFocused).toBe(true);
    await page.keyboard.press('ControlOrMeta+z');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(pg.status).toContainText('exit status 0', { timeout: RUN_TIMEOUT });
    await expect(pg.lines.first()).toHaveText('keyboard');
    // ...and Escape, then Tab, leaves it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.cm-editor, [role="textbox"]'))))
      .toBe(false);
    // Every toolbar control is reachable and named.
    for (const name of ['Run', 'Reset', 'Copy', 'Download', 'Share', 'Fork']) {
      await expect(pg.button(name)).toHaveCount(1);
    }
    const clock = pg.figure.getByRole('switch', { name: 'Virtual time' });
    await expect(clock).toHaveAttribute('aria-checked', 'true');
    await clock.focus();
    await page.keyboard.press('Space');
    await expect(clock).toHaveAttribute('aria-checked', 'false');
    // Run from the keyboard keeps the focus on Run through the run.
    await pg.button('Run').focus();
    await page.keyboard.press('Enter');
    await expect(pg.status).toContainText('exit status 0', { timeout: RUN_TIMEOUT });
    await expect(pg.button('Run')).toBeFocused();
  });

  for (const [label, options] of [
    ['light, desktop', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
    ['dark, phone', { viewport: PHONE, colorScheme: 'dark', isMobile: true, hasTouch: true }],
  ] as const) {
    test.describe(label, () => {
      test.use(options);

      test(`axe finds nothing on a live playground and its output, nor on My playgrounds (${label})`, async ({
        page,
        playground,
        axe,
      }) => {
        await page.goto(CHAPTER);
        const pg = await playground(EXAMPLE).live();
        await pg.run();
        const box = await pg.figure.boundingBox();
        expect(box?.width ?? 0).toBeLessThanOrEqual(options.viewport.width);
        // What this feature owns: the playgrounds and the copies list. The editor's highlighted
        // code is checked by sampling its colours, as the static code blocks are.
        const scope = {
          include: ['.pg', '.pg-forks-root'],
          exclude: [CODE_BLOCKS, '.cm-content'],
          codeSamples: '.pg .cm-content, .pg .expressive-code',
        };
        expect(withoutEditorScroller(await axe.violations(scope))).toEqual([]);
        await page.goto('pt-br/my-playgrounds/');
        await playground().live();
        expect(withoutEditorScroller(await axe.violations(scope))).toEqual([]);
      });
    });
  }
});
