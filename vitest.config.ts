import { defineConfig } from 'vitest/config';

/**
 * Two Vitest tiers, run by `npm test` (scripts/test-all.mjs) in order:
 * - unit: framework-free TypeScript in src/lib and src/runtime, plus the Pyodide runtime under
 *   Node (which needs JSPI: passed through execArgv, not NODE_OPTIONS);
 * - examples: every program in examples/ against its recorded output.
 * The browser tier is Playwright Test (playwright.config.ts, tests/e2e/*.spec.ts).
 */
const jspi = ['--experimental-wasm-jspi'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          execArgv: jspi,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'examples',
          include: ['tests/examples/**/*.test.ts'],
          execArgv: jspi,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Real-clock examples print what they measured; Pyodide and CPython runs competing for
          // two cores change it. One file at a time was also faster here (47 s against 62 s).
          fileParallelism: false,
        },
      },
    ],
  },
});
