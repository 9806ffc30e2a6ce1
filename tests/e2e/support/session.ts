import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startSite, type RunningSite } from './site';

export interface E2ESession {
  /** The built site, served for this test file. */
  site: RunningSite;
  /** One Chromium for this test file. */
  browser: Browser;
}

/**
 * Serves the built site and launches Chromium before the calling file's tests, and closes both
 * after them. The fields are set once `beforeAll` has run, so read them inside tests and hooks.
 */
export function useSiteAndBrowser(): E2ESession {
  const session = {} as E2ESession;
  beforeAll(async () => {
    session.site = await startSite();
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}
