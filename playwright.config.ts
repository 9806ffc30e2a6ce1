import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './tests/e2e/support/chromium';

/**
 * The browser tier: Playwright Test against the built site, the way Starlight tests itself.
 *
 * - `SITE_DIST` (default `dist`) is the build under test and `BASE_PATH` (default `/`) the
 *   sub-path it was built for. `npm test` runs this twice: the root build, then a build for
 *   `/asyncio-study/` with `--grep @subpath`. A test tagged `@subpath-only` checks what only a
 *   sub-path has, so the root run leaves it out (rather than counting it as skipped).
 * - `astro preview` serves the build on a port the OS picks, under its base (anything outside
 *   it is a 404), with the content types a static host sends (`.wasm` as application/wasm).
 *   It prints its address; Playwright copies the named group of `wait.stdout` into the
 *   environment (`E2E_SITE_PORT`), where the workers, which load this file again, read it.
 * - `baseURL` is the site root with its base, so tests navigate with relative paths:
 *   `page.goto('chapters/02-asyncio-basics/')`.
 * - `CHROMIUM_PATH` (default Debian's `/usr/bin/chromium`): nothing is downloaded.
 * - `E2E_WORKERS` (default 2) sets how many browsers run at once.
 */
const siteDist = process.env.SITE_DIST ?? 'dist';
const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const port = process.env.E2E_SITE_PORT;
const isCI = Boolean(process.env.CI) && process.env.CI !== 'false';

if (!existsSync(path.join(siteDist, 'index.html'))) {
  throw new Error(`No built site in ${siteDist}: run \`npm run build\` first (or set SITE_DIST to a built folder).`);
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  ...(basePath === '/' ? { grepInvert: /@subpath-only/ } : {}),
  // Failure artefacts (screenshots, traces) of the root and the sub-path runs kept apart.
  outputDir: path.join('test-results', basePath === '/' ? 'root' : basePath.replaceAll('/', '')),
  forbidOnly: isCI,
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // A test passes on its first try or fails: a retry would hide a flaky check.
  retries: 0,
  // Loading Python in a worker takes seconds, many more on a busy machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [
    [isCI ? 'dot' : 'list'],
    // `npm test` (scripts/test-all.mjs) reads this for its summary (PLAYWRIGHT_JSON_OUTPUT_FILE
    // overrides the path).
    ['json', { outputFile: path.join('test-results', `report-${basePath === '/' ? 'root' : 'subpath'}.json`) }],
  ],
  use: {
    baseURL: port ? `http://127.0.0.1:${port}${basePath}` : undefined,
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    // --ignore-lock: alongside a preview the developer may have running, and leaving no lock behind.
    command: 'npx astro preview --ignore-lock --host 127.0.0.1 --port 0',
    env: { BASE_PATH: basePath, OUT_DIR: siteDist },
    wait: { stdout: /http:\/\/127\.0\.0\.1:(?<e2e_site_port>\d+)\// },
    stdout: 'ignore',
    timeout: 60_000,
  },
});
