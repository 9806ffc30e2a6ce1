// @ts-check
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, passthroughImageService } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import starlightLinksValidator from 'starlight-links-validator';
import { sidebarFromOutline } from './src/lib/outline.ts';
import { locales } from './src/lib/site.ts';
import { CONTENT_SECURITY_POLICY } from './src/lib/csp.ts';
import { glossary } from './src/lib/glossary/integration.ts';
import { snapshotFileName } from './src/runtime/snapshot.ts';
import { runnerFiles } from './scripts/runtime/runner-files.ts';

// SITE_URL and BASE_PATH let the same sources build for the deployed host and for a sub-path
// (GitHub Pages serves a project under /<repo>/); the browser tier builds once with a base.
const site = process.env.SITE_URL ?? 'https://example.github.io';
const base = process.env.BASE_PATH ?? '/';

/** Paths (under the base) of built pages no reader should land on from a search engine. */
const isUnlisted = (/** @type {string} */ path) => path.startsWith('/dev/');

const pageExists = (/** @type {string} */ slug) =>
  ['.mdx', '.md'].some((ext) => existsSync(new URL(`./src/content/docs/${slug}${ext}`, import.meta.url))) ||
  ['index.mdx', 'index.md'].some((f) => existsSync(new URL(`./src/content/docs/${slug}/${f}`, import.meta.url))) ||
  existsSync(new URL(`./src/pages/${slug}/index.astro`, import.meta.url));

function snapshotBytes() {
  const file = new URL(`./public/pyodide/${snapshotFileName(runnerFiles())}`, import.meta.url);
  return existsSync(file) ? statSync(file).size : 0;
}

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Starlight's pages carry no raster images that need resizing; skipping sharp keeps the
  // install free of native binaries.
  image: { service: passthroughImageService() },
  integrations: [
    // Starlight adds this integration itself unless the site does; the site does, to leave out
    // pages that are not for readers (the runtime's test page under /dev/). `i18n` is
    // what Starlight would pass: the alternate-language links of each page.
    sitemap({
      filter: (page) => !isUnlisted(new URL(page).pathname.slice(new URL(base, site).pathname.length - 1)),
      i18n: {
        defaultLocale: 'root',
        locales: Object.fromEntries(Object.entries(locales).map(([key, { lang }]) => [key, lang])),
      },
    }),
    starlight({
      title: { en: 'asyncio, live', 'pt-BR': 'asyncio, ao vivo' },
      description: 'Learn Python concurrency with asyncio, with tested examples you can run, many of them in your browser.',
      defaultLocale: 'root',
      locales,
      sidebar: sidebarFromOutline(pageExists),
      customCss: ['./src/styles/site.css'],
      // The "Available offline" switch at the end of every page's footer, and the notice a page
      // shows when it was served from the offline copy (src/components/offline/).
      components: {
        Footer: './src/components/offline/Footer.astro',
        Banner: './src/components/offline/Banner.astro',
      },
      // Limits what a playground program can reach to the site itself (see src/lib/csp.ts).
      head: [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY } }],
      // src/pages/404.astro is the not-found page, in both languages.
      disable404Route: true,
      lastUpdated: false,
      // Search (tests/e2e/search.spec.ts and reader.spec.ts): a glossary entry comes first for its
      // own name or alias, then the chapters that teach the term. The entry's title and its `term`
      // metadata (name and aliases, see GlossaryTermPage.astro) count most. Long pages are
      // discounted only a little (pageLength 0.2): at 1, every short glossary entry that merely
      // mentions a word ("timeout" in Selector or Deadlock) outranked the chapter sections that
      // teach it. termSaturation 1.2 stops a chapter from winning by repeating a word a hundred
      // times. The other values are Starlight's defaults, written out so Pagefind gets one set.
      pagefind: {
        ranking: {
          pageLength: 0.2,
          termFrequency: 0.1,
          termSaturation: 1.2,
          termSimilarity: 9,
          diacriticSimilarity: 0.8,
          metaWeights: { title: 10, term: 10, name: 20 },
        },
      },
      plugins: [
        starlightLinksValidator({
          errorOnRelativeLinks: false,
          // The glossary pages are generated routes, which the validator cannot see.
          exclude: ['/glossary/', '/glossary/*/', '/pt-br/glossary/', '/pt-br/glossary/*/'],
        }),
      ],
    }),
    react(),
    // After Starlight: links glossary terms in docs pages (see src/lib/glossary/integration.ts).
    glossary(),
  ],
  vite: {
    // Pyodide is loaded from the site's own copy at run time, never bundled or pre-bundled.
    optimizeDeps: { exclude: ['pyodide'] },
    // The start-up snapshot's size (made by scripts/pyodide-snapshot.mjs before the build; 0 for
    // `astro dev`, which has none): the page weighs its download against the network's speed.
    define: { __PYODIDE_SNAPSHOT_BYTES__: JSON.stringify(snapshotBytes()) },
    // `astro preview` (the browser tier, `npm run bench`) serves as GitHub Pages does, which sends
    // no `Vary: Origin`. With it, Chromium's HTTP cache told a preloaded file and the worker's
    // fetch of it apart: the snapshot and the standard library were downloaded twice on a first
    // visit (21.9 MB instead of 13.1) and never kept for a return visit.
    preview: { cors: false },
    build: {
      // The editor chunk (Sandpack + CodeMirror, ~540 kB, ~190 kB gzipped) is loaded only when a
      // playground nears the viewport; tests/e2e/budgets.test.ts holds it to its own budget.
      chunkSizeWarningLimit: 700,
      rolldownOptions: {
        onLog(level, log, handler) {
          // Astro marks MDX pages' asset modules with a "use astro:head-inject" directive that
          // the bundler warns about once per page (about 300 lines); Astro reads it before
          // bundling, so nothing is lost. https://github.com/withastro/astro/issues/18087
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
          handler(level, log);
        },
      },
    },
    worker: { format: 'es' },
    resolve: {
      // Sandpack imports JS/HTML/CSS editing support the Python playgrounds never use.
      alias: [
        {
          find: /^@codemirror\/lang-(javascript|html|css)$/,
          replacement: fileURLToPath(new URL('./src/components/playground/codemirror-lang-stub.ts', import.meta.url)),
        },
      ],
    },
  },
});
