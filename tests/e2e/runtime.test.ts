/**
 * The runtime in Chromium, through the dev page (src/pages/dev/runtime.astro) of the built site:
 * a program runs with JSPI and with JSPI unavailable, and Stop ends a runaway loop.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { useSiteAndBrowser } from './support/session';

interface TestRun {
  outcome: { status: string; exitCode: number; message?: string };
  stdout: string;
  stderr: string;
}

const PROGRAM = `
import asyncio, time

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished at {time.perf_counter() - START:.1f}")

async def main():
    await asyncio.gather(worker("slow", 0.4), worker("fast", 0.2))

START = time.perf_counter()
if __name__ == "__main__":
    asyncio.run(main())
`;
const EXPECTED = 'fast finished at 0.2\nslow finished at 0.4\n';

const e2e = useSiteAndBrowser();

/** The runtime test page, with every URL it requests recorded. */
async function runtimePage(query = ''): Promise<{ page: Page; requests: string[] }> {
  const page = await openPage(e2e.browser);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(e2e.site.url(`dev/runtime/${query}`));
  return { page, requests };
}

function run(page: Page, code: string, clock: 'real' | 'virtual'): Promise<TestRun> {
  return page.evaluate(([c, k]) => (window as unknown as { runPython: (c: string, k: string) => Promise<TestRun> }).runPython(c, k), [code, clock] as const);
}

describe('Python runtime in Chromium', () => {
  for (const [label, query, jspi] of [
    ['with JSPI', '', true],
    ['with JSPI unavailable', '?jspi=off', false],
  ] as const) {
    it(`runs asyncio.run(main()) ${label}, on both clocks, from the site's own origin`, async () => {
      const { page, requests } = await runtimePage(query);
      const virtual = await run(page, PROGRAM, 'virtual');
      const real = await run(page, PROGRAM, 'real');
      expect(virtual).toMatchObject({ stdout: EXPECTED, outcome: { status: 'ok', exitCode: 0 } });
      expect(real).toMatchObject({ stdout: EXPECTED, outcome: { status: 'ok', exitCode: 0 } });
      const info = await page.evaluate(() => (window as unknown as { pyRuntime: { info: { jspi: boolean } } }).pyRuntime.info);
      expect(info.jspi).toBe(jspi);
      const origin = new URL(e2e.site.url('')).origin;
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
      await page.context().close();
    });
  }

  for (const [label, query] of [
    ['cooperatively (JSPI)', ''],
    ['by ending the worker (no JSPI)', '?jspi=off'],
  ] as const) {
    // The 1 s goal is measured by `npm run bench`; here Stop must end the run, not hang.
    it(`stops a runaway loop ${label}; the next run works`, async () => {
      const { page } = await runtimePage(query);
      await run(page, 'print("warm")', 'virtual');
      const result = await page.evaluate(async () => {
        const w = window as unknown as {
          pyRuntime: { run(c: string, o: object): Promise<{ status: string }>; stop(): Promise<void> };
        };
        const running = w.pyRuntime.run('n = 0\nwhile True:\n    n += 1', { clock: 'real' });
        await new Promise((r) => setTimeout(r, 500));
        const started = performance.now();
        await w.pyRuntime.stop();
        return { stopMs: performance.now() - started, status: (await running).status };
      });
      expect(result.status).toBe('stopped');
      expect(result.stopMs).toBeLessThan(5000);
      expect(await run(page, 'print("next")', 'virtual')).toMatchObject({ stdout: 'next\n' });
      await page.context().close();
    });
  }
});
