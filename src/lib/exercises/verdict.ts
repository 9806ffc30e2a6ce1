/**
 * The verdict of a Check, read from what the worker sent back: the checker's marked line when
 * there is one, otherwise a verdict made from how the run ended (a runaway stopped by the page,
 * the checker itself failing to start). What arrives was printed by a program that also ran the
 * reader's code, so it is read as untrusted input: a malformed verdict is treated as none.
 */
import type { RunOutcome } from '../../runtime/protocol.ts';
import { VERDICT_MARKER } from './driver.ts';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  message?: string;
  messageId?: string;
  /** The failure is the exercise's bug, not the reader's (the tests make sure it never happens). */
  internal?: boolean;
}

export interface Verdict {
  passed: boolean;
  checks: CheckResult[];
  mistake?: { id: string; message: string };
  /** The reader's traceback, their frames only. */
  details?: string;
  /** What the reader's program printed during the check. */
  output?: string;
}

/** Words the page supplies for verdicts the checker could not write itself. */
export interface VerdictWords {
  stoppedTitle: string;
  /** `{seconds}` */
  stopped: string;
  brokenTitle: string;
  /** `{message}` */
  broken: string;
}

const STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'skip'];
const isString = (value: unknown): value is string => typeof value === 'string';

function readCheck(value: unknown): CheckResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!isString(v['id']) || !isString(v['title']) || !STATUSES.includes(v['status'] as CheckStatus)) return undefined;
  const result: CheckResult = { id: v['id'], title: v['title'], status: v['status'] as CheckStatus };
  if (isString(v['message'])) result.message = v['message'];
  if (isString(v['messageId'])) result.messageId = v['messageId'];
  if (v['internal'] === true) result.internal = true;
  return result;
}

/** The verdict printed by the checker, or undefined when there is none (or it is malformed). */
export function parseVerdict(output: string): Verdict | undefined {
  const at = output.lastIndexOf(VERDICT_MARKER);
  if (at < 0) return undefined;
  const line = output.slice(at + VERDICT_MARKER.length).split('\n')[0] ?? '';
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const v = raw as Record<string, unknown>;
  if (typeof v['passed'] !== 'boolean' || !Array.isArray(v['checks'])) return undefined;
  const checks = v['checks'].map(readCheck);
  if (checks.some((c) => c === undefined) || checks.length === 0) return undefined;
  const verdict: Verdict = { passed: v['passed'] && checks.every((c) => c?.status === 'pass'), checks: checks as CheckResult[] };
  const mistake = v['mistake'] as Record<string, unknown> | null | undefined;
  if (mistake && isString(mistake['id']) && isString(mistake['message'])) verdict.mistake = { id: mistake['id'], message: mistake['message'] };
  if (isString(v['details'])) verdict.details = v['details'];
  if (isString(v['output'])) verdict.output = v['output'];
  return verdict;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** The verdict of a check run: the checker's, or one that says how the run ended without it. */
export function readVerdict(output: string, outcome: RunOutcome, words: VerdictWords): Verdict {
  const verdict = parseVerdict(output);
  if (verdict) return verdict;
  if (outcome.status === 'stopped') {
    const seconds = (outcome.durationMs / 1000).toFixed(0);
    return { passed: false, checks: [{ id: 'stopped', title: words.stoppedTitle, status: 'fail', messageId: 'stopped', message: fill(words.stopped, { seconds }) }] };
  }
  const message = outcome.message ?? (output.trim().split('\n').slice(-1)[0] || `exit status ${outcome.exitCode}`);
  return {
    passed: false,
    checks: [{ id: 'broken', title: words.brokenTitle, status: 'fail', messageId: 'broken', message: fill(words.broken, { message }), internal: true }],
  };
}

/** Every message id a verdict failed with (failed checks, then the known mistake): for tests. */
export function failureIds(verdict: Verdict): string[] {
  const ids = verdict.checks.filter((c) => c.status === 'fail' && c.messageId).map((c) => c.messageId as string);
  return verdict.mistake ? [...ids, verdict.mistake.id] : ids;
}
