/** Debian's Chromium: the test tools download no browser of their own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for every headless run (the browser tier and `npm run bench`). Without the
 * background-networking ones Chromium keeps trying to reach outside hosts, which a closed
 * network refuses many times a second.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
