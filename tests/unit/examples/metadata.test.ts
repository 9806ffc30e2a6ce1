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
