import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translationUnits } from '../../src/lib/examples/comment-translation';
import { EXAMPLES_DIR } from '../../src/lib/examples/files';
import { displayCode } from '../../src/lib/examples/metadata';
import { localizedSource, translateExample } from '../../src/lib/examples/translations';
import { exampleFolders, pythonFilesOf } from '../../scripts/examples/comment-coverage';
import { expect, test } from './fixtures';
import { codeOnPage, englishShown, htmlFilesUnder, readText } from './support/code-on-page';
import { siteDist } from './support/pages';

/**
 * The Portuguese pages show the examples with Portuguese comments and docstrings, everywhere a
 * reader meets the code: the highlighted code, the editor, a download, a fork, a share link, a
 * local example's code and its helper modules. The English pages show the files as they are.
 */
const source = (id: string) => readFileSync(path.join(EXAMPLES_DIR, id), 'utf8');

/** Every line of English comment or docstring text that the pt-BR translation changes. */
function englishTexts(): Set<string> {
  const texts = new Set<string>();
  for (const id of exampleFolders().flatMap((folder) => pythonFilesOf(folder))) {
    const text = source(id);
    const before = text.split('\n');
    const after = translateExample(id, text, 'pt-BR').code.split('\n');
    for (const unit of translationUnits(text)) {
      for (const span of unit.spans) {
        // A line the same in both languages (an SQL keyword, code inside a docstring) is no sign.
        if (before[span.line - 1] !== after[span.line - 1]) texts.add(text.slice(span.start, span.end));
      }
    }
  }
  return texts;
}

test.describe('the built pages (read from the build, no browser)', () => {
  const english = englishTexts();
  const ptPages = htmlFilesUnder(path.join(siteDist, 'pt-br'));

  test('the check sees an English comment or docstring line wherever a page would show it', () => {
    const html = [
      '<pre><code><div class="ec-line"><div class="code"><span>x = 1  </span><span># at most two downloads at once</span></div></div>',
      '<div class="ec-line"><div class="code">y = 2</div></div></code></pre>',
      '<pre class="cm-content"><div class="cm-line" data-n="1">z = 3  <span class="tok-comment"># the welcome</span></div>',
      '<div class="cm-line" data-n="2">w = 4</div></pre>',
      '<script type="application/json" class="pg-config">',
      JSON.stringify({ main: { code: 'def f():\n    """Reads until cancelled; must close the connection on the way out."""\n' }, extraFiles: [] }),
      '</script>',
      `<a href="data:text/x-python;charset=utf-8,${encodeURIComponent('print("#")  # no limit: everything until EOF\n')}">`,
    ].join('');
    expect(englishShown(codeOnPage(html).texts, english).sort()).toEqual([
      'Reads until cancelled; must close the connection on the way out.',
      'at most two downloads at once',
      'no limit: everything until EOF',
      'the welcome',
    ]);
  });

  test('no pt-BR page shows an English comment or docstring of an example', () => {
    const withCode = ptPages.filter((file) => codeOnPage(readText(file)).configs.length > 0);
    expect(withCode.length, 'no pt-BR page with a playground was found in the build').toBeGreaterThan(10);
    const shown = ptPages.flatMap((file) =>
      englishShown(codeOnPage(readText(file)).texts, english).map((text) => `${path.relative(siteDist, file)}: "${text}"`),
    );
    expect(shown).toEqual([]);
  });

  test('each playground starts from its program as its language shows it: the file in English, translated in pt-BR', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const file of htmlFilesUnder(siteDist)) {
      const lang = path.relative(siteDist, file).startsWith(`pt-br${path.sep}`) ? 'pt-BR' : 'en';
      for (const config of codeOnPage(readText(file)).configs) {
        if (!config.example) continue;
        checked++;
        const expected = displayCode(localizedSource(config.example, source(config.example), lang));
        if (config.main.code !== expected) wrong.push(`${path.relative(siteDist, file)}: ${config.example} (${lang})`);
        if (lang === 'en' && config.main.code !== displayCode(source(config.example))) wrong.push(`${config.example} changed on an English page`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});

const CHAPTER = 'pt-br/chapters/11-synchronization/';
const EXAMPLE = '11-synchronization/semaphore.py';
const ENGLISH = '# at most two downloads at once';
const PORTUGUESE = '# no máximo dois downloads de cada vez';

test.describe('a playground on a pt-BR page', () => {
  test.use({ python: false, acceptDownloads: true });

  test('the editor, a download, a fork and a share link carry the Portuguese comments', async ({
    page,
    browser,
    playground,
  }) => {
    await page.goto(CHAPTER);
    const pg = await playground(EXAMPLE).live();
    await expect.poll(() => pg.code()).toContain(PORTUGUESE);
    expect(await pg.code()).not.toContain(ENGLISH);

    const download = page.waitForEvent('download');
    await pg.button('Baixar').click();
    expect(readFileSync(await (await download).path(), 'utf8')).toContain(PORTUGUESE);

    await pg.button('Compartilhar').click();
    const link = await pg.figure.getByRole('textbox', { name: 'Link de compartilhamento' }).inputValue();
    const friend = await (await browser.newContext()).newPage();
    await friend.goto(link);
    const shared = await playground(EXAMPLE, friend).live();
    await expect(shared.figure.getByText(/compartilhado com você/)).toBeVisible();
    expect(await shared.code()).toContain(PORTUGUESE);
    await friend.context().close();

    await pg.button('Copiar para mim').click();
    await pg.figure.getByRole('link', { name: 'Abrir Meus playgrounds' }).click();
    await expect(page).toHaveURL(/pt-br\/my-playgrounds\/#fork=/);
    const copy = await playground().live();
    const forked = await copy.code();
    expect(forked).toContain(PORTUGUESE);
    expect(forked).not.toContain(ENGLISH);
  });

  test('the same playground on the English page is the file as it is', async ({ page, playground }) => {
    await page.goto('chapters/11-synchronization/');
    const pg = await playground(EXAMPLE).live();
    await expect.poll(() => pg.code()).toContain(ENGLISH);
    expect(await pg.code()).not.toContain(PORTUGUESE);
  });

  test('a local example shows its code in Portuguese, and its helper module downloads in Portuguese', async ({
    page,
    playground,
  }) => {
    await page.goto('pt-br/chapters/05-non-blocking-database-drivers/');
    const { figure } = playground('05-non-blocking-database-drivers/query_timeout.py');
    await expect(figure).toContainText('# statement_timeout é em milissegundos; como o search_path, também poderia ir na DSN.');
    const helper = figure.getByRole('link', { name: 'Baixar scratch_db.py' });
    const text = decodeURIComponent((await helper.getAttribute('href'))!.replace(/^data:[^,]*,/, ''));
    expect(text).toContain('"""Onde os exemplos encontram o PostgreSQL, e um schema descartável só deles a cada execução.');
    expect(text).toContain('async def scratch_schema()');
  });
});
