import type { Page } from '@playwright/test';

/**
 * The start-up snapshot's downloads (src/runtime/snapshot.ts), from the page and from its worker,
 * collected as they finish. The worker first asks the browser's cache alone
 * (`cache: 'only-if-cached'`); that request fails when the cache does not have it, and is not
 * counted.
 */
export function snapshotDownloads(page: Page): string[] {
  const seen: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('.snapshot')) seen.push(request.url());
  });
  return seen;
}
