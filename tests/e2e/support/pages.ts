import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The built site under test (the same default as playwright.config.ts). */
export const siteDist = path.resolve(process.env.SITE_DIST ?? 'dist');

/** The path of a page that does not exist: the site's 404 page is served there. */
export const NOT_FOUND = 'this-page-does-not-exist/';

export interface SitePage {
  /** Path relative to the site's base, as `page.goto` takes it: `''`, `pt-br/chapters/x/`. */
  path: string;
  /** `en` or `pt-br`. */
  language: 'en' | 'pt-br';
  /**
   * The page's template, read from its path: `home`, `chapters/*`, `glossary`, `glossary/*`,
   * `404`... A new section (`exercises/*`) is a new template without anyone listing it.
   */
  template: string;
}

function describePage(sitePath: string): SitePage {
  const language = sitePath.startsWith('pt-br/') ? 'pt-br' : 'en';
  const segments = sitePath
    .replace(/^pt-br\//, '')
    .split('/')
    .filter(Boolean);
  const template =
    sitePath === NOT_FOUND
      ? '404'
      : segments.length === 0
        ? 'home'
        : segments.length === 1
          ? segments[0]!
          : `${segments[0]}/*`;
  return { path: sitePath, language, template };
}

/** Every page of the built site (Pagefind's files aside), and its 404 page. */
export function builtPages(): SitePage[] {
  if (!existsSync(siteDist)) return [];
  const pages = readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
    .map((file) => path.dirname(file).split(path.sep).join('/'))
    .map((dir) => (dir === '.' ? '' : `${dir}/`))
    .sort();
  if (existsSync(path.join(siteDist, '404.html'))) pages.push(NOT_FOUND);
  return pages.map(describePage);
}

function htmlSize(page: SitePage): number {
  const file = page.path === NOT_FOUND ? '404.html' : path.join(page.path, 'index.html');
  return statSync(path.join(siteDist, file)).size;
}

/**
 * One page per template and language: the one with the most markup, so the components a
 * template can hold (playgrounds, figures, tables) are most likely on it.
 */
export function templatePages(pages: SitePage[] = builtPages()): SitePage[] {
  const largest = new Map<string, { page: SitePage; size: number }>();
  for (const page of pages) {
    const key = `${page.language} ${page.template}`;
    const size = htmlSize(page);
    if ((largest.get(key)?.size ?? -1) < size) largest.set(key, { page, size });
  }
  return pages.filter((page) => largest.get(`${page.language} ${page.template}`)?.page === page);
}
