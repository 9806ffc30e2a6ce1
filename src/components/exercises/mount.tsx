/**
 * The exercise island's entry: React, the editor and the checker's source are reached from here,
 * and only the loader imports it, when an exercise nears the viewport.
 */
import { createRoot } from 'react-dom/client';
import { EXERCISE_STRINGS_ID, type ExerciseConfig } from '../../lib/exercises/config.ts';
import { loadProgress } from '../../lib/exercises/progress.ts';
import type { ExerciseStrings } from '../../lib/exercises/strings.ts';
import { createStore } from '../../lib/playground/storage.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { CodeExercise } from './CodeExercise.tsx';
import { PredictExercise } from './PredictExercise.tsx';

const store = createStore();

function readStrings(): { exercise: ExerciseStrings; playground: PlaygroundStrings } {
  const text = document.getElementById(EXERCISE_STRINGS_ID)?.textContent ?? '{}';
  return JSON.parse(text) as { exercise: ExerciseStrings; playground: PlaygroundStrings };
}

export function mountExercise(section: HTMLElement): void {
  const config = JSON.parse(section.querySelector('.ex-config')?.textContent ?? '{}') as ExerciseConfig;
  const staticView = section.querySelector<HTMLElement>('.ex-static');
  const island = section.querySelector<HTMLElement>('.ex-island');
  if (!island || !staticView || !config.id) return;
  const solutionHtml = section.querySelector<HTMLTemplateElement>('template.ex-solution-template')?.innerHTML ?? '';
  const strings = readStrings();
  const initial = loadProgress(store, config.id);
  // The island renders hidden, then takes the static view's place in one swap. The static view is
  // removed, not hidden: its placeholder carries the editor's class names, which must name one editor.
  const onReady = () => {
    staticView.remove();
    island.hidden = false;
    section.dataset.ready = 'true';
  };
  const common = { strings: strings.exercise, store, container: section, solutionHtml, initial, onReady };
  createRoot(island).render(
    config.kind === 'predict' ? (
      <PredictExercise config={config} {...common} />
    ) : (
      <CodeExercise config={config} playgroundStrings={strings.playground} {...common} />
    ),
  );
}
