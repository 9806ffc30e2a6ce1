import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import LIVECHECK from '../../runtime/python/livecheck.py?raw';
import LIVECHECK_ENGINE from '../../runtime/python/livecheck_engine.py?raw';
import LIVECHECK_WORDS from '../../runtime/python/livecheck_words.py?raw';
import type { CodeExerciseConfig } from '../../lib/exercises/config.ts';
import { checkRun, type CheckerFiles } from '../../lib/exercises/driver.ts';
import { exerciseFile } from '../../lib/exercises/download.ts';
import { progressState, saveProgress, type Progress } from '../../lib/exercises/progress.ts';
import { format, type ExerciseStrings } from '../../lib/exercises/strings.ts';
import { readVerdict, type Verdict } from '../../lib/exercises/verdict.ts';
import { saveFile } from '../../lib/playground/download.ts';
import type { KeyValueStore, SaveResult } from '../../lib/playground/storage.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { Editor, type EditorApi } from '../playground/Editor.tsx';
import { OutputPanel } from '../playground/OutputPanel.tsx';
import { useRunner } from '../playground/useRunner.ts';
import { ExButton, HintList, SolutionView, StorageNote, VerdictView } from './parts.tsx';
import { showProgress } from './progress-marks.ts';
import { useExerciseRun } from './useExerciseRun.ts';

const CHECKER: CheckerFiles = {
  'livecheck.py': LIVECHECK,
  'livecheck_engine.py': LIVECHECK_ENGINE,
  'livecheck_words.py': LIVECHECK_WORDS,
};

/**
 * Fix it, make it concurrent, write it: the reader edits code and presses Check. The checker
 * (livecheck.py) runs in the page's Python worker on the virtual clock and answers with a verdict
 * that lists each check. Everything the reader does is saved as they go.
 */
export function CodeExercise(props: {
  config: CodeExerciseConfig;
  strings: ExerciseStrings;
  playgroundStrings: PlaygroundStrings;
  store: KeyValueStore;
  container: HTMLElement;
  solutionHtml: string;
  initial: Progress;
  onReady: () => void;
}) {
  const { config, strings, store, container } = props;
  const id = useId().replace(/:/g, '');
  const editorApi = useRef<EditorApi | undefined>(undefined);
  const [progress, setProgress] = useState<Progress>(props.initial);
  const progressRef = useRef(progress);
  progressRef.current = progress;
  const [verdict, setVerdict] = useState<Verdict | undefined>();
  const [pending, setPending] = useState<string | undefined>();
  const [storage, setStorage] = useState<SaveResult | undefined>();
  const [solutionShown, setSolutionShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const runner = useRunner();
  const runExclusive = useExerciseRun();
  const local = config.runs === 'local';

  useEffect(() => props.onReady(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const getCode = useCallback(() => editorApi.current?.getCode() ?? progressRef.current.code ?? config.starter, [config.starter]);

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

  const onChange = useCallback(
    (code: string) => {
      const current = progressRef.current;
      if ((current.code ?? config.starter) === code) return;
      const next: Progress = { ...current };
      if (code === config.starter) delete next.code;
      else next.code = code;
      persist(next);
    },
    [persist, config.starter],
  );

  const download = useCallback(() => {
    saveFile(config.file, exerciseFile(config, getCode(), config.lang, CHECKER));
    if (local && !progressRef.current.attempted) persist({ ...progressRef.current, attempted: true });
  }, [config, getCode, local, persist]);

  const check = useCallback(async () => {
    if (pending) return;
    const code = getCode();
    const run = checkRun(config, code, config.lang, CHECKER);
    let result;
    try {
      result = await runExclusive(run.code, { clock: 'virtual', filename: run.filename, files: run.files }, (phase) =>
        setPending(phase === 'loading' ? strings.loading : strings.checking),
      );
    } catch (error) {
      result = { output: '', outcome: { status: 'error' as const, exitCode: 1, message: error instanceof Error ? error.message : String(error), droppedChars: 0, durationMs: 0 } };
    }
    setPending(undefined);
    if (result === 'busy') {
      setVerdict(undefined);
      setBusy(true);
      return;
    }
    setBusy(false);
    const next = readVerdict(result.output, result.outcome, strings);
    setVerdict(next);
    container.dataset.verdict = next.passed ? 'pass' : 'fail';
    persist({ ...progressRef.current, attempted: true, solved: next.passed || progressRef.current.solved, verdict: next.passed ? 'pass' : 'fail' });
  }, [pending, getCode, config, runExclusive, strings, container, persist]);

  const runProgram = useCallback(() => {
    void runner.run(getCode(), 'virtual', config.file);
  }, [runner, getCode, config.file]);
  const goToLine = useCallback((line: number) => editorApi.current?.goToLine(line), []);
  const runRef = useRef(runProgram);
  runRef.current = runProgram;
  const runShortcut = useCallback(() => runRef.current(), []);

  const reset = () => {
    const edited = getCode() !== config.starter;
    if (edited && !window.confirm(strings.resetConfirm)) return;
    editorApi.current?.setCode(config.starter);
    const next = { ...progressRef.current };
    delete next.code;
    persist(next);
  };

  const showHint = () => {
    if (progress.hints >= config.hints.length) return;
    persist({ ...progress, hints: progress.hints + 1 });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runProgram();
    }
  };

  const hintsLeft = progress.hints < config.hints.length;
  const mayShowSolution = progress.attempted || progress.solved;
  const showOutput = runner.view.phase !== 'idle' || runner.output.lines.length > 0;

  return (
    <div className="ex-live" onKeyDown={onKeyDown}>
      <StorageNote problem={storage} strings={strings} onDownload={download} />
      <div className="pg ex-pg">
        <div className="pg-head">
          <span className="pg-title">{config.file}</span>
          <div className="pg-toolbar" role="group" aria-label={strings.toolbar}>
            {!local && (
              <ExButton icon="check" label={strings.check} hint={strings.checkHint} onClick={() => void check()} disabled={pending !== undefined || runner.running} primary labelled />
            )}
            {!local && (
              <ExButton icon="run" label={strings.run} hint={strings.runHint} onClick={runProgram} disabled={pending !== undefined || runner.running} keyshortcuts="Control+Enter Meta+Enter" labelled phoneIcon />
            )}
            <ExButton
              icon="hint"
              label={strings.hint}
              hint={hintsLeft ? format(strings.hintNext, { shown: progress.hints, total: config.hints.length }) : strings.hintsDone}
              onClick={showHint}
              disabled={!hintsLeft}
            />
            <ExButton icon="download" label={strings.download} hint={strings.downloadHint} onClick={download} primary={local} />
            <ExButton icon="reset" label={strings.reset} hint={strings.resetHint} onClick={reset} />
          </div>
        </div>
        <Editor
          main={{ name: config.file, code: config.starter }}
          extraFiles={[]}
          initialCode={progress.code ?? config.starter}
          label={format(props.playgroundStrings.editorLabel, { name: config.file })}
          apiRef={editorApi}
          onChange={onChange}
          onRunShortcut={runShortcut}
        />
        {showOutput && (
          <OutputPanel
            id={id}
            strings={props.playgroundStrings}
            lang={config.lang}
            output={runner.output}
            view={runner.view}
            run={runner.lastRun}
            onGoToLine={goToLine}
          />
        )}
      </div>
      {local && (
        <div className="ex-local">
          <p>
            {strings.localRun} <code>uv run {config.file}</code> · {strings.localRunOnly} <code>python3 {config.file} --run</code>
          </p>
          {!progress.solved && (
            <ExButton
              icon="check"
              label={strings.localDone}
              onClick={() => {
                container.dataset.verdict = 'pass';
                persist({ ...progressRef.current, attempted: true, solved: true, verdict: 'pass' });
              }}
              labelled
            />
          )}
        </div>
      )}
      {busy && <p className="pg-note pg-note-warn">{strings.busy}</p>}
      {!local && <VerdictView verdict={verdict} pending={pending} strings={strings} />}
      <HintList hints={config.hints} shown={progress.hints} strings={strings} />
      <div className="ex-solution-gate">
        {solutionShown ? (
          <SolutionView html={props.solutionHtml} heading={strings.solution} />
        ) : mayShowSolution ? (
          <ExButton icon="solution" label={strings.showSolution} onClick={() => setSolutionShown(true)} labelled />
        ) : (
          <p className="ex-locked">{strings.solutionLocked}</p>
        )}
      </div>
    </div>
  );
}
