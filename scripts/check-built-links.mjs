#!/usr/bin/env node
// After `astro build`: every link in every built page must lead to a page of the build, and a
// link to `page/#section` to an element with that id. starlight-links-validator checks the
// absolute links of the MDX sources, but not relative ones (`../08-streams/`), nor links that
// components or the glossary linker add; this reads the HTML a reader actually gets.
//
// OUT_DIR and BASE_PATH are the build's own (see astro.config.mjs). Exit code 1 lists each
// broken link with the page it is on.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const outDir = path.resolve(process.env.OUT_DIR ?? 'dist');
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
/** Built output that is not a page of the site (the bench copies its own page in, for one). */
const IGNORED_DIRS = new Set(['pagefind', '_astro', 'pyodide', '__bench']);
const ORIGIN = 'http://site.invalid';

function* htmlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) yield* htmlFiles(path.join(dir, entry.name));
    } else if (entry.name.endsWith('.html')) {
      yield path.join(dir, entry.name);
    }
  }
}

/** The URL path a built file is served at (`chapters/x/index.html` -> `/base/chapters/x/`). */
function urlOf(file) {
  const relative = path.relative(outDir, file).split(path.sep).join('/');
  return base + relative.replace(/(^|\/)index\.html$/, '$1');
}

/** The built file a URL path is served from, or undefined. */
function fileOf(urlPath) {
  if (!urlPath.startsWith(base)) return undefined;
  const relative = decodeURIComponent(urlPath.slice(base.length));
  const candidate = path.join(outDir, relative);
  if (relative === '' || relative.endsWith('/')) return existsSync(path.join(candidate, 'index.html')) ? path.join(candidate, 'index.html') : undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  if (existsSync(path.join(candidate, 'index.html'))) return path.join(candidate, 'index.html');
  return undefined;
}

const idsCache = new Map();
function idsOf(file) {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    idsCache.set(file, ids);
  }
  return ids;
}

const decodeEntities = (text) => text.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

const broken = [];
let checked = 0;
for (const file of htmlFiles(outDir)) {
  const pageUrl = new URL(urlOf(file), ORIGIN);
  const html = readFileSync(file, 'utf8');
  for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
    const href = decodeEntities(match[1]);
    if (href === '') continue;
    const target = new URL(href, pageUrl);
    if (target.origin !== ORIGIN) continue; // another host, mailto:, javascript: ...: not ours
    checked++;
    const targetFile = target.pathname === pageUrl.pathname ? file : fileOf(target.pathname);
    if (!targetFile) {
      broken.push(`${pageUrl.pathname}: ${href} (no page at ${target.pathname})`);
      continue;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment)) {
      broken.push(`${pageUrl.pathname}: ${href} (no element with id "${fragment}" on ${target.pathname})`);
    }
  }
}

if (broken.length > 0) {
  console.error(`\n${broken.length} broken link(s) in the build (${outDir}):`);
  for (const line of broken) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`Links: ${checked} internal links in the build lead to existing pages and sections.`);
