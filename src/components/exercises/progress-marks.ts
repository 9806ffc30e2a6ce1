/**
 * Shows saved progress on exercise containers and on the exercises page, from storage alone
 * (no React): a solved exercise carries `data-verdict="pass"` from the moment the page loads.
 */
import { allProgress, progressState, type ProgressState } from '../../lib/exercises/progress.ts';
import { createStore } from '../../lib/playground/storage.ts';

const LABEL_KEY: Record<ProgressState, string> = { solved: 'progressSolved', attempted: 'progressAttempted', new: 'progressNew' };

function labels(): Record<string, string> {
  try {
    const text = document.getElementById('exercise-strings')?.textContent ?? '{}';
    return (JSON.parse(text) as { exercise?: Record<string, string> }).exercise ?? {};
  } catch {
    return {};
  }
}

/** Sets the badge of `element` (its `[data-progress]` child, or itself) to `state`. */
export function showProgress(element: HTMLElement, state: ProgressState, words: Record<string, string> = labels()): void {
  const badge = element.matches('[data-progress]') ? element : element.querySelector<HTMLElement>('[data-progress]');
  if (!badge) return;
  badge.dataset.state = state;
  badge.textContent = words[LABEL_KEY[state]] ?? '';
  badge.hidden = state === 'new';
}

export function markProgress(sections: HTMLElement[]): void {
  if (sections.length === 0) return;
  const saved = allProgress(createStore());
  const words = labels();
  for (const section of sections) {
    const progress = saved.get(section.dataset.exercise ?? '');
    if (!progress) continue;
    if (progress.solved) section.dataset.verdict = 'pass';
    showProgress(section, progressState(progress), words);
  }
}
