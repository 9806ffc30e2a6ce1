/**
 * The sentence under a run's status, in the reader's language: the runner sends a key and values
 * (`{ key: 'module', values: { name: 'numpy' } }`), and the page words it with its own strings
 * (`explain.module` in src/content/i18n/*.json). The runner's English message is the fallback
 * for a key this page does not know.
 */
import type { Explanation, WaitingTask } from '../../runtime/protocol.ts';
import { format } from './string-keys.ts';

export type ExplainStrings = Readonly<Record<string, string>>;

function template(strings: ExplainStrings, key: string): string | undefined {
  return strings[`explain.${key}`];
}

function waitingText(tasks: readonly WaitingTask[], more: number, strings: ExplainStrings): string | undefined {
  const one = template(strings, 'waitingTask');
  const bare = template(strings, 'waitingTaskNoLine');
  if (one === undefined || bare === undefined) return undefined;
  const words = tasks
    .map((task) =>
      task.line === undefined ? format(bare, { name: task.name }) : format(one, { name: task.name, line: task.line, function: task.function ?? '' }),
    )
    .join(', ');
  const moreTemplate = template(strings, 'waitingMore');
  return more > 0 && moreTemplate !== undefined ? format(moreTemplate, { tasks: words, more }) : words;
}

/** The explanation in the page's words, or `fallback` (the runner's English) when it cannot be. */
export function explanationText(explanation: Explanation | undefined, strings: ExplainStrings, fallback?: string): string | undefined {
  if (!explanation) return fallback;
  const words = template(strings, explanation.key);
  if (words === undefined) return fallback;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(explanation.values)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  const tasks = explanation.values['tasks'];
  if (Array.isArray(tasks)) {
    const more = explanation.values['more'];
    const text = waitingText(tasks, typeof more === 'number' ? more : 0, strings);
    if (text === undefined) return fallback;
    values['tasks'] = text;
  }
  return format(words, values);
}
