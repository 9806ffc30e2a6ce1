/** Header keys the examples tier added: `#: exit:` and the clock of local examples. */
import { describe, expect, test } from 'vitest';
import { ExampleMetadataError, parseExampleMeta } from '../../src/lib/examples/metadata.ts';

describe('example metadata for the tier', () => {
  test('#: exit: records the status a program ends with on purpose (default 0)', () => {
    expect(parseExampleMeta('import asyncio\n').exitCode).toBe(0);
    expect(parseExampleMeta('#: exit: 1\n').exitCode).toBe(1);
    expect(() => parseExampleMeta('#: exit: error\n')).toThrow(/must be a whole number; received "error"/);
  });

  test('a local example is on the real clock without saying so', () => {
    expect(parseExampleMeta('#: runs: local\n').clock).toBe('real');
  });

  test('#: slack: takes seconds with their unit, on the real clock, in exact order', () => {
    expect(parseExampleMeta('#: runs: local\n').slack).toBeUndefined();
    expect(parseExampleMeta('#: runs: local\n#: slack: 0.3 s\n').slack).toBe(0.3);
    expect(() => parseExampleMeta('#: runs: local\n#: slack: 0.3\n')).toThrow(/such as "0.3 s"; received "0.3"/);
    expect(() => parseExampleMeta('#: runs: local\n#: slack: 0 s\n')).toThrow(ExampleMetadataError);
    expect(() => parseExampleMeta('#: slack: 0.3 s\n')).toThrow(/real clock only/);
    expect(() => parseExampleMeta('#: runs: local\n#: order: any\n#: slack: 0.3 s\n')).toThrow(/order: any/);
  });

  test('a local example cannot claim the virtual clock', () => {
    expect(() => parseExampleMeta('#: runs: local\n#: clock: virtual\n')).toThrow(ExampleMetadataError);
  });
});
