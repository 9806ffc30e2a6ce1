import { describe, expect, it } from 'vitest';
import en from '../../../src/content/i18n/en.json';
import pt from '../../../src/content/i18n/pt-BR.json';
import { explanationText } from '../../../src/lib/playground/explain.ts';
import { playgroundStrings } from '../../../src/lib/playground/string-keys.ts';
import { readWorkerMessage } from '../../../src/runtime/protocol.ts';

const english = playgroundStrings(en);
const portuguese = playgroundStrings(pt);

describe('explanations in the reader’s language', () => {
  it('a missing module, in both languages', () => {
    const missing = { key: 'module', values: { name: 'numpy' } };
    expect(explanationText(missing, english)).toBe(
      "The module 'numpy' is not available in the browser: this example runs locally instead (see how to run it on your machine).",
    );
    expect(explanationText(missing, portuguese)).toMatch(/^O módulo 'numpy' não está disponível no navegador/);
  });

  it('a deadlock names each waiting task and its line, and counts the rest', () => {
    const deadlock = {
      key: 'deadlock',
      values: { tasks: [{ name: 'Task-1', line: 5, function: 'main' }, { name: 'worker' }], more: 2 },
    };
    expect(explanationText(deadlock, english)).toMatch(/Waiting: Task-1 \(line 5 in main\), worker and 2 more\.$/);
    expect(explanationText(deadlock, portuguese)).toMatch(/Esperando: Task-1 \(linha 5 em main\), worker e mais 2\.$/);
  });

  it('a key this page does not know falls back to the runner’s English sentence', () => {
    expect(explanationText({ key: 'fromTheFuture', values: {} }, portuguese, 'As the runner said.')).toBe('As the runner said.');
    expect(explanationText(undefined, portuguese, 'As the runner said.')).toBe('As the runner said.');
  });

  it('arrive checked: a malformed explanation makes the whole result unreadable, not half trusted', () => {
    const outcome = { status: 'deadlock', exitCode: 1, droppedChars: 0, durationMs: 1 };
    const good = { ...outcome, explanation: { key: 'deadlock', values: { tasks: [{ name: 'T', line: 1 }], more: 0 } } };
    expect(readWorkerMessage({ type: 'result', id: 1, outcome: good })).toMatchObject({ outcome: good });
    const bad = { ...outcome, explanation: { key: 'deadlock', values: { tasks: [{ line: 'x' }] } } };
    expect(readWorkerMessage({ type: 'result', id: 1, outcome: bad })).toBeUndefined();
  });
});
