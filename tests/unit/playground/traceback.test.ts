import { describe, expect, it } from 'vitest';
import { findTracebackPlace } from '../../../src/lib/playground/traceback.ts';

describe('traceback places in the reader’s file', () => {
  it('finds the file and line of a frame in the reader’s program', () => {
    expect(findTracebackPlace('  File "gather.py", line 11, in main', 'gather.py')).toEqual({
      before: '  ',
      place: 'File "gather.py", line 11',
      after: ', in main',
      line: 11,
    });
  });

  it('finds a syntax error’s place, which names no function', () => {
    expect(findTracebackPlace('  File "gather.py", line 3', 'gather.py')).toMatchObject({ line: 3, after: '' });
  });

  it('leaves frames in other files as text: the editor cannot show them', () => {
    for (const text of [
      '  File "/lib/python3.14/asyncio/base_events.py", line 725, in run_until_complete',
      '  File "<frozen runpy>", line 88, in _run_code',
      '  File "other.py", line 2, in helper',
    ]) {
      expect(findTracebackPlace(text, 'gather.py')).toBeUndefined();
    }
  });

  it('ignores lines that only look alike', () => {
    expect(findTracebackPlace('print(\'File "gather.py", line 2\')', 'gather.py')).toBeUndefined();
    expect(findTracebackPlace('ValueError: bad value', 'gather.py')).toBeUndefined();
    expect(findTracebackPlace('  File "gather.py", line 0, in main', 'gather.py')).toBeUndefined();
  });

  it('matches a fork’s own name, quotes and spaces included', () => {
    expect(findTracebackPlace('  File "my tasks.py", line 7, in <module>', 'my tasks.py')?.line).toBe(7);
  });
});
