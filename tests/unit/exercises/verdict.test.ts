import { describe, expect, test } from 'vitest';
import { VERDICT_MARKER } from '../../../src/lib/exercises/driver';
import { failureIds, parseVerdict, readVerdict } from '../../../src/lib/exercises/verdict';
import type { RunOutcome } from '../../../src/runtime/protocol';

const WORDS = { stoppedTitle: 'Finishes in time', stopped: 'Still running after {seconds} s', brokenTitle: 'The check ran', broken: 'Could not run: {message}' };
const OK: RunOutcome = { status: 'ok', exitCode: 0, droppedChars: 0, durationMs: 120 };
const line = (verdict: unknown) => `${VERDICT_MARKER}${JSON.stringify(verdict)}\n`;
const failing = {
  v: 1,
  passed: false,
  checks: [
    { id: 'output', title: 'Prints it', status: 'pass' },
    { id: 'fast', title: 'Fast', status: 'fail', messageId: 'too-slow', message: 'took 4.5 s' },
  ],
  mistake: { id: 'not-awaited', message: 'await it' },
  details: 'Traceback...',
};

describe('the verdict a check prints', () => {
  test('is read from its marked line, with each check and the known mistake', () => {
    const verdict = parseVerdict(`noise\n${line(failing)}`);
    expect(verdict?.passed).toBe(false);
    expect(verdict?.checks.map((c) => c.status)).toEqual(['pass', 'fail']);
    expect(verdict?.mistake).toEqual({ id: 'not-awaited', message: 'await it' });
    expect(failureIds(verdict!)).toEqual(['too-slow', 'not-awaited']);
  });

  test('the last marked line wins, and a malformed one counts as none', () => {
    expect(parseVerdict(`${line(failing)}${line({ ...failing, passed: true, checks: [{ id: 'a', title: 'A', status: 'pass' }] })}`)?.passed).toBe(true);
    expect(parseVerdict(`${VERDICT_MARKER}{not json\n`)).toBeUndefined();
    expect(parseVerdict(line({ passed: true, checks: [{ id: 'a', status: 'maybe', title: 'A' }] }))).toBeUndefined();
    expect(parseVerdict(line({ passed: true, checks: [] }))).toBeUndefined();
  });

  test('"passed" cannot be claimed while a check failed', () => {
    expect(parseVerdict(line({ ...failing, passed: true }))?.passed).toBe(false);
  });

  test('a run the page stopped (a runaway) is a failed check in the page’s words', () => {
    const verdict = readVerdict('', { status: 'stopped', exitCode: 1, droppedChars: 0, durationMs: 15_400 }, WORDS);
    expect(verdict).toEqual({
      passed: false,
      checks: [{ id: 'stopped', title: 'Finishes in time', status: 'fail', messageId: 'stopped', message: 'Still running after 15 s' }],
    });
  });

  test('a checker that never printed a verdict says why, as the exercise’s problem', () => {
    const verdict = readVerdict('', { ...OK, status: 'error', exitCode: 1, message: 'The program raised ImportError' }, WORDS);
    expect(verdict.checks[0]).toMatchObject({ status: 'fail', internal: true, message: 'Could not run: The program raised ImportError' });
  });
});
