#!/usr/bin/env node
// Records, in package-lock.json, the platform-specific optional packages (macOS, Windows,
// Android, ARM, WASI builds of native bindings) that the registry this lock was generated
// against does not serve. npm leaves them out of the lock, and `npm ci` then refuses to run
// ("Missing: <pkg>@ from lock file") although it would skip them on this platform anyway.
// Each entry carries its os/cpu/libc, so npm skips it everywhere it does not apply.
//
// Usage: node scripts/lockfile-foreign-platforms.mjs   (after `npm install` changes the lock)
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

/** os/cpu/libc from a binding's name, e.g. `...-linux-arm64-musl`. */
function platformOf(name) {
  const suffix = name.split('/').pop() ?? '';
  const os = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'windows', 'openharmony'].find((o) =>
    suffix.includes(o),
  );
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'riscv64', 's390x', 'ppc64'].find((c) =>
    suffix.split('-').includes(c),
  );
  const libc = suffix.endsWith('-musl') ? 'musl' : suffix.endsWith('-gnu') ? 'glibc' : undefined;
  return {
    os: os && [os === 'windows' ? 'win32' : os],
    cpu: cpu && [cpu],
    libc: libc && [libc],
  };
}

/**
 * A lock entry with its keys in npm's own order (`version`, then the rest alphabetically), so
 * that `npm install` on a fresh clone finds nothing to rewrite and leaves the tree clean.
 */
function lockEntry(version, { os, cpu, libc }) {
  const entry = { version };
  if (cpu) entry.cpu = cpu;
  if (libc) entry.libc = libc;
  entry.optional = true;
  if (os) entry.os = os;
  return entry;
}

let added = 0;
for (const [location, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const parentDir = location === '' ? '' : `${location}/`;
    const candidates = [`${parentDir}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => c in packages)) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a platform build: leave npm's choice alone
    packages[`node_modules/${dep}`] = lockEntry(version, platform);
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`recorded ${added} foreign-platform optional packages in package-lock.json`);
