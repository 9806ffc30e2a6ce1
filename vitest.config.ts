import { defineConfig } from 'vitest/config';

/**
 * Three tiers, run by `npm test` (scripts/test-all.mjs) in order:
 * - unit: framework-free TypeScript in src/lib and src/runtime, plus the Pyodide runtime under
 *   Node (which needs JSPI: passed through execArgv, not NODE_OPTIONS);
 * - examples: every program in examples/ against its recorded output;
 * - e2e: Debian's Chromium (playwright-core) against the built site served on localhost.
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
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // One Chromium and one static server per file; files run one after another so a
          // 2-core machine is not asked to run several browsers at once.
          fileParallelism: false,
        },
      },
    ],
  },
});
