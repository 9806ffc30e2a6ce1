/**
 * The only exercise code a page loads up front. It marks every exercise with the reader's saved
 * progress at once (a solved one gets `data-verdict="pass"` and a "Solved" badge), without
 * waiting for the island; the island (editor, checker) loads as an exercise nears the viewport,
 * and Python starts as one that runs in the page nears it (lazy-islands.ts).
 */
import { watchIslands } from '../lazy-islands.ts';
import { markProgress } from './progress-marks.ts';

const exercises = [...document.querySelectorAll<HTMLElement>('section[data-exercise]')];

markProgress(exercises);
watchIslands({
  elements: exercises,
  load: (section) => void import('./mount.tsx').then((m) => m.mountExercise(section)),
  // Only exercises that run in the page need Python.
  needsPython: exercises.some((e) => e.dataset.runs === 'browser'),
});
