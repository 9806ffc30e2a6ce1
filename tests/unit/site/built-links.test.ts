/**
 * The post-build link check (scripts/check-built-links.mjs) on a tiny built site: a link to a
 * page or a section that does not exist fails the build and names the page it is on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `pages` (URL path under the base -> body HTML) as a built site; returns its folder. */
function builtSite(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'built-links-'));
  dirs.push(dir);
  for (const [page, body] of Object.entries(pages)) {
    const folder = path.join(dir, page);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), `<!doctype html><html><body>${body}</body></html>`);
  }
  return dir;
}

function check(outDir: string, base = '/') {
  const result = spawnSync(process.execPath, ['scripts/check-built-links.mjs'], {
    env: { ...process.env, OUT_DIR: outDir, BASE_PATH: base },
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the built-site link check', () => {
  it('passes when relative, absolute and section links all resolve', () => {
    const dir = builtSite({
      '': '<a href="chapters/one/">one</a>',
      'chapters/one': '<h2 id="intro">Intro</h2><a href="../two/#end">two</a><a href="/chapters/one/#intro">self</a><a href="https://docs.python.org/3/">docs</a>',
      'chapters/two': '<p id="end">end</p><a href="../../">home</a>',
    });
    const { status, output } = check(dir);
    expect(output).toContain('4 internal links') // the docs.python.org link is not ours to check;
    expect(status).toBe(0);
  });

  it('fails on a link to a page that does not exist, naming the page it is on', () => {
    const dir = builtSite({ 'chapters/three': 'See <a href="../08-streams/">chapter 8</a>.' });
    const { status, output } = check(dir);
    expect(status).toBe(1);
    expect(output).toContain('/chapters/three/: ../08-streams/ (no page at /chapters/08-streams/)');
  });

  it('fails on a link to a section that does not exist', () => {
    const dir = builtSite({ a: '<a href="../b/#missing">b</a>', b: '<h2 id="present">B</h2>' });
    const { status, output } = check(dir);
    expect(status).toBe(1);
    expect(output).toContain('no element with id "missing" on /b/');
  });

  it('checks links under a sub-path base: a link that leaves the base is broken', () => {
    const dir = builtSite({ x: '<a href="/asyncio-study/y/">y</a><a href="/y/">outside</a>', y: '' });
    const { status, output } = check(dir, '/asyncio-study/');
    expect(status).toBe(1);
    expect(output).toContain('/asyncio-study/x/: /y/ (no page at /y/)');
    expect(output).not.toContain('/asyncio-study/y/ (no page');
  });
});
