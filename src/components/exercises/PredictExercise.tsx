import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { PredictExerciseConfig } from '../../lib/exercises/config.ts';
import { misplaced, move, outputLines, runKind, type RunKind } from '../../lib/exercises/predict.ts';
import { progressState, saveProgress, type Progress } from '../../lib/exercises/progress.ts';
import { format, type ExerciseStrings } from '../../lib/exercises/strings.ts';
import type { Verdict } from '../../lib/exercises/verdict.ts';
import type { KeyValueStore, SaveResult } from '../../lib/playground/storage.ts';
import { ExButton, HintList, SolutionView, StorageNote, VerdictView } from './parts.tsx';
import { showProgress } from './progress-marks.ts';
import { useExerciseRun } from './useExerciseRun.ts';

interface Answered {
  right: boolean;
  /** What the program printed (the run's, or the recorded output for a local program). */
  output: string;
  /** Order questions: positions the reader got wrong. */
  wrong: number[];
  /** Choice questions: what the run did. */
  did?: RunKind;
}

/**
 * Predict the output: the reader commits to an order of the output lines, or to what happens
 * (prints, raises, hangs), then Check runs the program in the page and shows who was right,
 * with the explanation. A program that needs threads or processes is answered from its
 * recorded output instead.
 */
export function PredictExercise(props: {
  config: PredictExerciseConfig;
  strings: ExerciseStrings;
  store: KeyValueStore;
  container: HTMLElement;
  solutionHtml: string;
  initial: Progress;
  onReady: () => void;
}) {
  const { config, strings, store, container } = props;
  const id = useId().replace(/:/g, '');
  const [progress, setProgress] = useState<Progress>(props.initial);
  const progressRef = useRef(progress);
  progressRef.current = progress;
  const savedOrder = Array.isArray(progress.prediction) && sameLines(progress.prediction, config.shuffled) ? progress.prediction : undefined;
  const [order, setOrder] = useState<string[]>(savedOrder ?? config.shuffled);
  const [choice, setChoice] = useState<string | undefined>(typeof progress.prediction === 'string' ? progress.prediction : undefined);
  const [answered, setAnswered] = useState<Answered | undefined>();
  const [pending, setPending] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [storage, setStorage] = useState<SaveResult | undefined>();
  const runExclusive = useExerciseRun();
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => props.onReady(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const persist = useCallback(
    (next: Progress) => {
      setProgress(next);
      progressRef.current = next;
      const result = saveProgress(store, config.id, next);
      setStorage(result.ok ? undefined : result);
      showProgress(container, progressState(next));
    },
    [store, config.id, container],
  );

  const reorder = (index: number, by: -1 | 1) => {
    const next = move(order, index, by);
    setOrder(next);
    persist({ ...progressRef.current, prediction: next });
    // Keep the focus on the moved line's button, so repeated presses keep moving it.
    requestAnimationFrame(() => {
      const target = listRef.current?.querySelectorAll('li')[index + by]?.querySelector<HTMLButtonElement>(by < 0 ? '.ex-up' : '.ex-down');
      (target && target.getAttribute('aria-disabled') !== 'true' ? target : listRef.current?.querySelectorAll('li')[index + by]?.querySelector('button'))?.focus();
    });
  };

  const check = useCallback(async () => {
    if (pending) return;
    if (config.question === 'choice' && !choice) {
      setNotice(strings.predictPick);
      return;
    }
    setNotice(undefined);
    let output = config.output;
    let did: RunKind | undefined = config.choices.find((c) => c.id === config.answer)?.outcome;
    if (config.runs === 'browser') {
      try {
        const result = await runExclusive(config.program, { clock: 'virtual', filename: config.file }, (phase) =>
          setPending(phase === 'loading' ? strings.loading : strings.checking),
        );
        setPending(undefined);
        if (result === 'busy') {
          setNotice(strings.busy);
          return;
        }
        const { outcome } = result;
        output = outcome.status === 'deadlock' && outcome.message ? `${result.output}${outcome.message}\n` : result.output;
        did = runKind(outcome);
      } catch {
        // Python could not run here: the recorded output answers instead.
        setPending(undefined);
      }
    }
    const actual = outputLines(output);
    const wrong = config.question === 'order' ? misplaced(order, actual) : [];
    const right = config.question === 'order' ? wrong.length === 0 : choice === config.answer;
    setAnswered({ right, output, wrong, ...(did ? { did } : {}) });
    container.dataset.verdict = right ? 'pass' : 'fail';
    persist({
      ...progressRef.current,
      attempted: true,
      solved: right || progressRef.current.solved,
      verdict: right ? 'pass' : 'fail',
      prediction: config.question === 'order' ? order : (choice as string),
    });
  }, [pending, config, choice, order, runExclusive, strings, container, persist]);

  const verdict: Verdict | undefined = answered && {
    passed: answered.right,
    checks: [{ id: 'prediction', title: '', status: answered.right ? 'pass' : 'fail' }],
  };
  const summary =
    answered &&
    (answered.right
      ? strings.predictRight
      : `${strings.predictWrong} ${
          config.question === 'order'
            ? format(strings.predictOrderWrong, { wrong: answered.wrong.length, total: order.length })
            : format(strings.predictItDid, { answer: choiceText(config, config.answer) })
        }`);

  return (
    <div className="ex-live">
      <StorageNote problem={storage} strings={strings} />
      {config.question === 'order' ? (
        <>
          <p id={`${id}-prompt`}>{strings.orderPrompt}</p>
          <ol className="ex-lines ex-order" ref={listRef} aria-labelledby={`${id}-prompt`}>
            {order.map((line, i) => (
              <li key={`${line}-${i}`} data-misplaced={answered?.wrong.includes(i) ? 'true' : undefined}>
                <code>{line}</code>
                <span className="ex-move">
                  <button
                    type="button"
                    className="pg-btn ex-up"
                    aria-label={format(strings.moveUp, { line })}
                    title={format(strings.moveUp, { line })}
                    aria-disabled={i === 0 ? true : undefined}
                    onClick={i === 0 ? undefined : () => reorder(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="pg-btn ex-down"
                    aria-label={format(strings.moveDown, { line })}
                    title={format(strings.moveDown, { line })}
                    aria-disabled={i === order.length - 1 ? true : undefined}
                    onClick={i === order.length - 1 ? undefined : () => reorder(i, 1)}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <fieldset className="ex-choices">
          <legend>{strings.choicePrompt}</legend>
          {config.choices.map((c) => (
            <label key={c.id} data-choice={c.id}>
              <input
                type="radio"
                name={`${id}-choice`}
                value={c.id}
                checked={choice === c.id}
                onChange={() => {
                  setChoice(c.id);
                  persist({ ...progressRef.current, prediction: c.id });
                }}
              />{' '}
              <span dangerouslySetInnerHTML={{ __html: c.html }} />
            </label>
          ))}
        </fieldset>
      )}
      <div className="pg-toolbar ex-toolbar" role="group" aria-label={strings.toolbar}>
        <ExButton icon="check" label={strings.check} hint={strings.predictCheck} onClick={() => void check()} disabled={pending !== undefined} primary labelled />
        <ExButton
          icon="hint"
          label={strings.hint}
          hint={progress.hints < config.hints.length ? format(strings.hintNext, { shown: progress.hints, total: config.hints.length }) : strings.hintsDone}
          onClick={() => progress.hints < config.hints.length && persist({ ...progress, hints: progress.hints + 1 })}
          disabled={progress.hints >= config.hints.length}
        />
      </div>
      {notice && <p className="pg-note">{notice}</p>}
      <VerdictView verdict={verdict} pending={pending} strings={strings} summary={summary || undefined} />
      <HintList hints={config.hints} shown={progress.hints} strings={strings} />
      {answered && (
        <SolutionView html={props.solutionHtml} heading={strings.why}>
          {config.question === 'choice' && choice && <p>{format(strings.predictYouSaid, { answer: choiceText(config, choice) })}</p>}
          <p className="ex-output-title">{config.runs === 'browser' ? strings.predictOutput : strings.predictRecorded}</p>
          <pre className="ex-output">{answered.output || ' '}</pre>
        </SolutionView>
      )}
    </div>
  );
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** A choice's words, without markup (for a sentence). */
function choiceText(config: PredictExerciseConfig, choiceId: string | undefined): string {
  const html = config.choices.find((c) => c.id === choiceId)?.html ?? '';
  const element = document.createElement('div');
  element.innerHTML = html;
  return element.textContent ?? '';
}
