/** `#: services:` checks, and the rule that CI skips nothing. */
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { interpreterFor, missingPackages, moduleNameOf } from '../../scripts/examples/packages.ts';
import { findPython, satisfiesRequiresPython } from '../../scripts/examples/python.ts';
import { missingServices } from '../../scripts/examples/services.ts';
import { allTiersRequired, skipOrFail, Unavailable } from '../../scripts/examples/tiers.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('services an example declares', () => {
  test('a reachable service is not reported', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await missingServices(['postgres'], { PGHOST: '127.0.0.1', PGPORT: String(port) })).toEqual([]);
    } finally {
      server.close();
    }
  });

  test('an unreachable service is reported with its address and how to start it', async () => {
    const port = await freePort();
    const [problem] = await missingServices(['postgres'], { PGHOST: '127.0.0.1', PGPORT: String(port) });
    expect(problem).toContain(`service "postgres" is not reachable at 127.0.0.1:${port}`);
    expect(problem).toContain('postgresql');
  });

  test('an unknown service name is a mistake, not a skip', async () => {
    expect(await missingServices(['mongo'])).toEqual([
      'unknown service "mongo" (known: postgres); add it to scripts/examples/services.ts',
    ]);
  });
});

describe('packages a local example declares in its PEP 723 block', () => {
  test('requirement strings map to the module to import', () => {
    expect(moduleNameOf('aiohttp>=3.9')).toBe('aiohttp');
    expect(moduleNameOf('python-dateutil ; python_version>"3"')).toBe('python_dateutil');
  });

  test('an importable package is not reported; a missing one names the Debian package', async (ctx) => {
    const lookup = findPython();
    if (!lookup.ok) skipOrFail(ctx, lookup.reason);
    expect(await missingPackages(['json'], lookup.python)).toEqual([]);
    const [problem] = await missingPackages(['no-such-package>=1'], lookup.python);
    expect(problem).toContain('package "no-such-package>=1" is not installed');
    expect(problem).toContain('apt-get install python3-no-such-package');
  });
});

describe('choosing an interpreter for an example', () => {
  test('requires-python specifiers as PEP 723 blocks write them', () => {
    expect(satisfiesRequiresPython('3.11.7', '>=3.11')).toBe(true);
    expect(satisfiesRequiresPython('3.11.7', '>=3.13')).toBe(false);
    expect(satisfiesRequiresPython('3.14.2', '>=3.12,<3.15')).toBe(true);
    expect(satisfiesRequiresPython('3.15.0', '>=3.12,<3.15')).toBe(false);
    expect(satisfiesRequiresPython('3.13.1', '==3.13.*')).toBe(true);
    expect(satisfiesRequiresPython('3.12.9', '==3.13.*')).toBe(false);
    expect(satisfiesRequiresPython('3.12.0', '~=3.11')).toBe(true);
    expect(satisfiesRequiresPython('3.11.2', undefined)).toBe(true);
    expect(() => satisfiesRequiresPython('3.11.2', 'python3')).toThrow(/not understood/);
  });

  test('the first interpreter new enough and with the packages wins; otherwise the reason says why', async (ctx) => {
    const lookup = findPython();
    if (!lookup.ok) skipOrFail(ctx, lookup.reason);
    const real = lookup.python;
    const old = { command: real.command, version: '3.10.0' };
    expect(await interpreterFor({ dependencies: ['json'], requiresPython: '>=3.11' }, [old, real])).toEqual({ ok: true, python: real });
    const tooOld = await interpreterFor({ dependencies: [], requiresPython: '>=9.0' }, [real]);
    expect(tooOld).toMatchObject({ ok: false, kind: 'too-old' });
    expect(!tooOld.ok && tooOld.reason).toContain(`needs Python >=9.0 (${real.command} is ${real.version})`);
    const missing = await interpreterFor({ dependencies: ['no-such-package'], requiresPython: undefined }, [real]);
    expect(missing).toMatchObject({ ok: false, kind: 'missing-packages' });
    expect(!missing.ok && missing.reason).toContain('apt-get install python3-no-such-package');
  });
});

describe('missing pieces: skip locally, fail in CI', () => {
  test('CI=true or REQUIRE_ALL_TIERS=1 makes everything required', () => {
    expect(allTiersRequired({ CI: 'true' })).toBe(true);
    expect(allTiersRequired({ REQUIRE_ALL_TIERS: '1' })).toBe(true);
    expect(allTiersRequired({})).toBe(false);
  });

  test('in CI a missing piece throws instead of skipping', () => {
    const skipped: string[] = [];
    const ctx = { skip: (note?: string) => void skipped.push(note ?? '') };
    expect(() => skipOrFail(ctx, 'no python', { CI: 'true' })).toThrow(Unavailable);
    expect(skipped).toEqual([]);
  });
});
