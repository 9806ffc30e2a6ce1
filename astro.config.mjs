// @ts-check
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, passthroughImageService } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import starlightLinksValidator from 'starlight-links-validator';
import { sidebarFromOutline } from './src/lib/outline.ts';
import { locales } from './src/lib/site.ts';
import { glossary } from './src/lib/glossary/integration.ts';

// SITE_URL and BASE_PATH let the same sources build for the deployed host and for a sub-path
// (GitHub Pages serves a project under /<repo>/); the browser tier builds once with a base.
const site = process.env.SITE_URL ?? 'https://example.github.io';
const base = process.env.BASE_PATH ?? '/';

const pageExists = (/** @type {string} */ slug) =>
  ['.mdx', '.md'].some((ext) => existsSync(new URL(`./src/content/docs/${slug}${ext}`, import.meta.url))) ||
  ['index.mdx', 'index.md'].some((f) => existsSync(new URL(`./src/content/docs/${slug}/${f}`, import.meta.url))) ||
  existsSync(new URL(`./src/pages/${slug}/index.astro`, import.meta.url));

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Starlight's pages carry no raster images that need resizing; skipping sharp keeps the
  // install free of native binaries.
  image: { service: passthroughImageService() },
  integrations: [
    starlight({
      title: { en: 'asyncio, live', 'pt-BR': 'asyncio, ao vivo' },
      description: 'Learn Python concurrency with asyncio, with examples you run in your browser.',
      defaultLocale: 'root',
      locales,
      sidebar: sidebarFromOutline(pageExists),
      customCss: ['./src/styles/site.css'],
      lastUpdated: false,
      // Search: a glossary entry comes first for its own name or alias (tested in
      // tests/e2e/search.spec.ts). Its title and its `term` metadata (the name and aliases,
      // see GlossaryTermPage.astro) count most, and long pages are discounted, so a chapter
      // that uses the word a hundred times ("Blocking work with threads") ranks after it.
      pagefind: { ranking: { pageLength: 1, metaWeights: { title: 10, term: 10 } } },
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
