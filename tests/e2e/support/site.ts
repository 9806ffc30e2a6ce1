import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from './static-server';

/** The built site under test: `SITE_DIST` (default `dist`) built for `BASE_PATH` (default `/`). */
export const siteDist = path.resolve(process.env.SITE_DIST ?? 'dist');
export const siteBase = process.env.BASE_PATH ?? '/';

export interface RunningSite {
  /** Absolute URL of a site path given without the base, e.g. `url('pt-br/about/')`. */
  url(sitePath?: string): string;
  close(): Promise<void>;
}

export async function startSite(): Promise<RunningSite> {
  if (!existsSync(path.join(siteDist, 'index.html'))) {
    throw new Error(
      `No built site in ${siteDist}: run \`npm run build\` first (or set SITE_DIST to a built folder).`,
    );
  }
  const server = await serveStatic(siteDist, siteBase);
  const base = siteBase.endsWith('/') ? siteBase : `${siteBase}/`;
  return {
    url: (sitePath = '') => `${server.origin}${base}${sitePath.replace(/^\//, '')}`,
    close: server.close,
  };
}
