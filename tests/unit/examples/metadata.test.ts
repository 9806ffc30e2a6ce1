import { describe, expect, test } from 'vitest';
import { displayCode, ExampleMetadataError, parseExampleMeta } from '../../../src/lib/examples/metadata';

const source = `# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.9", "rich"]
# ///
#: runs: local
#: clock: real
#: varies: pid \\d+
#: order: any
"""Fetch pages."""
import asyncio
`;

describe('example metadata', () => {
  test('reads the #: header and the PEP 723 block', () => {
    expect(parseExampleMeta(source)).toMatchObject({
      runs: 'local',
      clock: 'real',
      services: [],
      varies: ['pid \\d+'],
      order: 'any',
      dependencies: ['aiohttp>=3.9', 'rich'],
      requiresPython: '>=3.11',
    });
  });

  test('defaults to a browser example on the virtual clock', () => {
    const meta = parseExampleMeta('import asyncio\n');
    expect(meta.runs).toBe('browser');
    expect(meta.clock).toBe('virtual');
  });

  test('an example with stand-ins runs in the browser on the virtual clock, and for real on CPython', () => {
    const meta = parseExampleMeta('#: runs: browser\n#: standins: aiohttp, asyncpg\n#: services: postgres\n');
    expect(meta).toMatchObject({ runs: 'browser', clock: 'virtual', standins: ['aiohttp', 'asyncpg'], services: ['postgres'] });
    expect(parseExampleMeta('import asyncio\n').standins).toEqual([]);
  });

  test('stand-ins: only known names, only for browser examples, never on the real clock', () => {
    expect(() => parseExampleMeta('#: standins: requests\n')).toThrow(/aiohttp, asyncpg; received "requests"/);
    expect(() => parseExampleMeta('#: runs: local\n#: standins: aiohttp\n')).toThrow(/for a browser example/);
    expect(() => parseExampleMeta('#: standins: aiohttp\n#: clock: real\n')).toThrow(/virtual clock in the page/);
  });

  test('a slack is for the real run of an example with stand-ins; a plain browser example has none', () => {
    expect(parseExampleMeta('#: runs: browser\n#: standins: aiohttp\n#: slack: 0.3 s\n')).toMatchObject({ clock: 'virtual', slack: 0.3 });
    expect(() => parseExampleMeta('#: runs: browser\n#: slack: 0.3 s\n')).toThrow(/real clock only/);
  });

  test('a typo in the header is an error that names the key', () => {
    expect(() => parseExampleMeta('#: rnus: local\n')).toThrow(ExampleMetadataError);
    expect(() => parseExampleMeta('#: rnus: local\n')).toThrow(/rnus/);
    expect(() => parseExampleMeta('#: runs: cloud\n')).toThrow(/browser, local; received "cloud"/);
  });

  test('readers see the code without the #: lines but with the PEP 723 block', () => {
    const shown = displayCode(source);
    expect(shown).not.toContain('#:');
    expect(shown).toContain('# /// script');
    expect(shown).toContain('import asyncio');
  });
});
