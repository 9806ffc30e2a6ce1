/**
 * Chapters 4 and 5 in the page: an aiohttp example and an asyncpg example run through the
 * stand-ins (src/runtime/python/standins/) and print what the real libraries printed against real
 * servers (the recorded output), the page says what is simulated, nothing leaves the site, and
 * PGlite (PostgreSQL in WebAssembly) loads only for a database example, within its byte budget.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compareOutput } from '../../src/lib/examples/compare';
import { parseExampleMeta } from '../../src/lib/examples/metadata';
import { expect, type Playground, RUN_TIMEOUT, test } from './fixtures';
import { siteDist } from './support/pages';

const WEB_CHAPTER = 'chapters/04-concurrent-web-requests/';
const GATHER_WITH_TIMEOUT = '04-concurrent-web-requests/deadline.py';
const DB_CHAPTER = 'chapters/05-non-blocking-database-drivers/';
const POOLED_QUERIES = '05-non-blocking-database-drivers/pool_handout.py';

/** The labels the page puts above a stand-in run's output (en.json). */
const NETWORK_LABEL = /^Simulated network: the example’s own aiohttp\.web handlers, answered in the page\.$/;
const DATABASE_LABEL = /^PostgreSQL 18 in your browser \(PGlite\) through an asyncpg stand-in\.$/;

const MB = 1024 * 1024;
/** PGlite's own files as the site serves them (engine, file-system bundle, modules), gzipped. */
const PGLITE_BUDGET = 6 * MB;
/** Everything a first database run downloads: PGlite and the page's database snapshot. */
const FIRST_DATABASE_RUN_BUDGET = 7 * MB;

function exampleFile(example: string): string {
  return readFileSync(new URL(`../../examples/${example}`, import.meta.url), 'utf8');
}

/**
 * What the playground printed, held to the example's recorded output by the examples tier's own
 * comparison (its `#: varies:` parts masked as the drift test masks them), retried until the
 * output is complete: an empty diff, or the diff a failure shows.
 */
async function expectRecordedOutput(pg: Playground, example: string): Promise<void> {
  const recorded = exampleFile(example.replace(/\.py$/, '.out'));
  // The page's run is on the virtual clock: exact, so a real run's `#: slack:` does not apply.
  const { varies, order } = parseExampleMeta(exampleFile(example));
  const labels = { expected: `${example} (recorded)`, actual: 'the page' };
  await expect
    .poll(async () => compareOutput(recorded, (await pg.lines.allInnerTexts()).join('\n'), { varies, order }, labels).diff, { timeout: RUN_TIMEOUT })
    .toBe('');
}

test.describe('chapters 4 and 5 run their I/O examples in the page', () => {
  test('a chapter 4 playground runs gather under a timeout through the aiohttp stand-in, says the network is simulated, and loads no PGlite', async ({
    page,
    playground,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const pglite: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
      if (/\/pglite\//.test(url)) pglite.push(url);
    });
    test.setTimeout(3 * RUN_TIMEOUT);
    await page.goto(WEB_CHAPTER);
    // Fourteen playgrounds on the page: on a busy machine the editor takes a while to mount.
    const pg = playground(GATHER_WITH_TIMEOUT);
    await pg.figure.scrollIntoViewIfNeeded();
    await expect(pg.editor).toBeVisible({ timeout: RUN_TIMEOUT });
    await pg.run();
    await expectRecordedOutput(pg, GATHER_WITH_TIMEOUT);
    await expect(pg.figure.locator('.pg-simulated li')).toHaveText([NETWORK_LABEL]);
    // The timeline says it too: the requests drawn there are waits on the run's clock.
    await expect(pg.figure.locator('[data-timeline] .tl-simulated')).toHaveText(NETWORK_LABEL);
    // The helper module the example imports is there to read beside it.
    await expect(pg.figure.getByRole('tab', { name: 'api_server.py' })).toBeVisible();
    expect(foreign).toEqual([]);
    // A page whose examples never touch a database loads none of PGlite.
    expect(pglite).toEqual([]);
  });

  test('a chapter 5 playground runs a pooled query example on PGlite, says so, and stays on the site', async ({
    page,
    playground,
    baseURL,
  }) => {
    test.setTimeout(3 * RUN_TIMEOUT);
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const pglite: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
      if (/\/pglite\//.test(url)) pglite.push(url);
    });
    await page.goto(DB_CHAPTER);
    const pg = playground(POOLED_QUERIES);
    await pg.figure.scrollIntoViewIfNeeded();
    await expect(pg.editor).toBeVisible({ timeout: RUN_TIMEOUT });
    // Loading the page and Python fetches nothing of PGlite: the first database run does.
    expect(pglite).toEqual([]);
    let started = Date.now();
    await pg.button('Run').click();
    await expect(pg.status).toContainText(/exit status 0/, { timeout: 2 * RUN_TIMEOUT });
    const firstRunMs = Date.now() - started;
    await expectRecordedOutput(pg, POOLED_QUERIES);
    await expect(pg.figure.locator('.pg-simulated li')).toHaveText([DATABASE_LABEL]);
    await expect(pg.figure.locator('[data-timeline] .tl-simulated')).toHaveText(DATABASE_LABEL);
    expect(pglite.some((url) => url.endsWith('/pglite.wasm'))).toBe(true);
    expect(foreign).toEqual([]);

    // A second run starts from a fresh database and prints the same.
    started = Date.now();
    await pg.run();
    const secondRunMs = Date.now() - started;
    await expectRecordedOutput(pg, POOLED_QUERIES);
    test.info().annotations.push({ type: 'database runs', description: `first (loads PGlite) ${firstRunMs} ms, second ${secondRunMs} ms` });
  });

  test(`PGlite's files are at most ${PGLITE_BUDGET / MB} MB gzipped, a first database run's download at most ${FIRST_DATABASE_RUN_BUDGET / MB} MB`, () => {
    const folder = path.join(siteDist, 'pglite');
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { snapshot: string };
    const sizes = { raw: 0, gzipped: 0, snapshot: 0 };
    for (const name of readdirSync(folder)) {
      if (name === 'manifest.json') continue;
      const file = path.join(folder, name);
      if (name === manifest.snapshot) {
        sizes.snapshot = statSync(file).size; // a .tar.gz already: sent as it is
        continue;
      }
      sizes.raw += statSync(file).size;
      sizes.gzipped += gzipSync(readFileSync(file), { level: 9 }).length;
    }
    test.info().annotations.push({
      type: 'pglite bytes',
      description: `PGlite ${sizes.raw} raw, ${sizes.gzipped} gzipped; database snapshot ${sizes.snapshot}`,
    });
    expect(sizes.raw).toBeGreaterThan(MB); // the files are there: a wasm engine, not a stub
    expect(sizes.snapshot).toBeGreaterThan(0);
    expect(sizes.gzipped).toBeLessThanOrEqual(PGLITE_BUDGET);
    expect(sizes.gzipped + sizes.snapshot).toBeLessThanOrEqual(FIRST_DATABASE_RUN_BUDGET);
  });
});
