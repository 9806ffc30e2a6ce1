import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { Clock } from '../../lib/examples/metadata.ts';
import type { PlaygroundConfig } from '../../lib/playground/config.ts';
import { downloadName, downloadText, saveFile } from '../../lib/playground/download.ts';
import { clearEdit, loadEdit, saveEdit } from '../../lib/playground/edits.ts';
import { forkHash, forkIdFromHash, type ForkStore } from '../../lib/playground/forks.ts';
import type { ShareError } from '../../lib/playground/share.ts';
import type { KeyValueStore, SaveResult } from '../../lib/playground/storage.ts';
import { databaseFits, readDeviceHints, simulationLabels } from '../../lib/playground/standins.ts';
import { format, type PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { Editor, type EditorApi } from './Editor.tsx';
import { OutputPanel } from './OutputPanel.tsx';
import { RecordedOutput } from './RecordedOutput.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { Highlight } from '../../lib/timeline/highlight.ts';
import { Toolbar } from './Toolbar.tsx';
import { useRunner } from './useRunner.ts';

/** What the playground opens with, decided before it mounts (see mount.tsx). */
export interface InitialDoc {
  code: string;
  /**
   * Came from a share link: shown, run only on Run, and never saved over the reader's draft of
   * this example; the first edit saves it as a copy of its own in My playgrounds.
   */
  shared: boolean;
  shareError: ShareError | undefined;
  /** My playgrounds: the id of the reader's copy being edited. */
  forkId: string | undefined;
  forkMissing: boolean;
}

type Notice = {
  text: string;
  link?: { href: string; label: string };
  shareUrl?: string;
  /** Offer the current code as a file (it could not be saved). */
  download?: boolean;
};

export function Playground(props: {
  config: PlaygroundConfig;
  strings: PlaygroundStrings;
  store: KeyValueStore;
  forks: ForkStore;
  initial: InitialDoc;
  onReady: () => void;
}) {
  const { config, strings, store, forks } = props;
  const id = useId().replace(/:/g, '');
  const rootRef = useRef<HTMLDivElement>(null);
  const editorApi = useRef<EditorApi | undefined>(undefined);
  const [code, setCode] = useState(props.initial.code);
  const codeRef = useRef(code);
  codeRef.current = code;
  const [original, setOriginal] = useState(props.initial.forkId || props.initial.shared ? props.initial.code : config.main.code);
  const [forkId, setForkId] = useState(props.initial.forkId);
  const [shared, setShared] = useState(props.initial.shared);
  const { forks: allForks } = useSyncExternalStore(forks.subscribe, forks.snapshot, forks.snapshot);
  const fork = forkId ? allForks.find((f) => f.id === forkId) : undefined;
  const [shareError, setShareError] = useState(props.initial.shareError);
  const [forkMissing, setForkMissing] = useState(props.initial.forkMissing);
  const [storageProblem, setStorageProblem] = useState<SaveResult | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [clock, setClock] = useState<Clock>(config.clock);
  const runner = useRunner();
  // A timeline lane and the output lines of its task light up together.
  const highlight = useRef(new Highlight()).current;
  const fileName = fork ? downloadName(fork.name) : config.main.name;

  useEffect(() => props.onReady(), []); // eslint-disable-line react-hooks/exhaustive-deps

  // Sandpack names its editor in English; give it this page's language.
  useLayoutEffect(() => {
    rootRef.current?.querySelectorAll('[role="textbox"][aria-label]').forEach((el) => {
      if (!el.classList.contains('cm-content')) el.setAttribute('aria-label', format(strings.editorLabel, { name: fileName }));
    });
    rootRef.current?.querySelector('[role="tablist"]')?.setAttribute('aria-label', strings.filesLabel);
  });

  /** What the reader sees in the editor now (see EditorApi.getCode). */
  const getCode = useCallback(() => editorApi.current?.getCode() ?? codeRef.current, []);

  const persist = useCallback(
    (next: string) => {
      let result: SaveResult;
      if (shared) {
        // Shared code never lands on the reader's own draft: it becomes a copy of its own.
        if (next === original) return;
        const added = forks.add({
          name: format(strings.sharedCopyName, { name: config.main.name.replace(/\.py$/, '') }),
          code: next,
          source: config.example,
        });
        result = added.result;
        setShared(false);
        setForkId(added.fork.id);
        if (result.ok) {
          setNotice({
            text: format(strings.sharedSavedAsCopy, { name: added.fork.name }),
            link: { href: `${config.minePath}${forkHash(added.fork.id)}`, label: strings.openMine },
          });
        }
      } else if (forkId) {
        result = forks.updateCode(forkId, next);
      } else {
        result = saveEdit(store, config.lang, config.id, next, original);
      }
      setStorageProblem(result.ok ? undefined : result);
    },
    [shared, forkId, forks, store, config, strings, original],
  );

  const onChange = useCallback(
    (next: string) => {
      if (next === codeRef.current) return;
      setCode(next);
      persist(next);
    },
    [persist],
  );

  /** Replaces the editor's text without treating it as the reader's edit. */
  const replaceCode = useCallback((next: string) => {
    codeRef.current = next;
    setCode(next);
    editorApi.current?.setCode(next);
  }, []);

  // A fork opened in My playgrounds runs as a scratch program: no helper modules, no stand-ins.
  const extra = forkId ? undefined : config.run;
  const simulated = simulationLabels(extra?.standins ?? [], strings);
  // Where PostgreSQL in the page could end the tab, the recorded output comes first.
  const [recordedShown, setRecordedShown] = useState(false);
  const anyway = useRef(false);
  const run = useCallback(() => {
    if (config.recorded !== undefined && extra?.standins.includes('asyncpg') && !anyway.current && !databaseFits(readDeviceHints())) {
      setRecordedShown(true);
      return;
    }
    setRecordedShown(false);
    void runner.run(getCode(), clock, fileName, extra);
  }, [runner, clock, fileName, getCode, extra, config.recorded]);
  const runRef = useRef(run);
  runRef.current = run;
  const runShortcut = useCallback(() => runRef.current(), []);
  const goToLine = useCallback((line: number) => editorApi.current?.goToLine(line), []);

  const reset = () => {
    if (forkId) {
      forks.updateCode(forkId, original);
    } else if (!shared) {
      clearEdit(store, config.lang, config.id);
    }
    replaceCode(original);
    setStorageProblem(undefined);
  };

  // My playgrounds: `#fork=<id>` opens a copy in this (scratch) playground; an empty hash goes back.
  useEffect(() => {
    if (config.mode !== 'scratch') return;
    const onHash = () => {
      const wanted = forkIdFromHash(location.hash);
      if (!wanted) {
        if (forkId) {
          setForkId(undefined);
          setOriginal(config.main.code);
          replaceCode(loadScratch(store, config));
        }
        return;
      }
      const found = forks.find(wanted);
      if (!found) {
        setForkMissing(true);
        return;
      }
      setForkMissing(false);
      setForkId(found.id);
      setShared(false);
      setOriginal(found.code);
      replaceCode(found.code);
      rootRef.current?.scrollIntoView({ block: 'start' });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [config, forkId, forks, store, replaceCode]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  };

  const edited = code !== original;
  const showOutput = runner.view.phase !== 'idle' || runner.output.lines.length > 0;
  const downloadMeta = { dependencies: config.dependencies, requiresPython: config.requiresPython };

  return (
    <div className="pg-live" ref={rootRef} onKeyDown={onKeyDown}>
      <div className="pg-head">
        <span className="pg-title">{fork ? fork.name : config.title}</span>
        <Toolbar
          strings={strings}
          clock={clock}
          running={runner.running}
          edited={edited}
          fileName={fileName}
          example={config.example}
          downloadMeta={downloadMeta}
          forks={forks}
          forkName={fork ? fork.name : config.main.name}
          getCode={getCode}
          onRun={run}
          onStop={runner.stop}
          onClock={setClock}
          onReset={reset}
          notify={(text) => setNotice({ text })}
          onShareLink={(url, copied) => setNotice({ text: copied ? strings.shareCopied : strings.shareReady, shareUrl: url })}
          onForked={(name, newId, saved) =>
            setNotice(
              saved
                ? {
                    text: format(strings.forked, { name }),
                    link: { href: `${config.minePath}${forkHash(newId)}`, label: strings.openMine },
                  }
                : // Not saved: My playgrounds would not list it, so offer the file instead.
                  { text: strings.forkNotSaved, download: true },
            )
          }
        />
      </div>

      {shared && <p className="pg-note pg-note-shared">{strings.sharedNote}</p>}
      {shareError && (
        <p className="pg-note pg-note-warn" role="alert">
          {shareError === 'too-large' ? strings.shareTooLarge : strings.shareMalformed}{' '}
          <button type="button" className="pg-link-btn" onClick={() => setShareError(undefined)}>
            {strings.dismiss}
          </button>
        </p>
      )}
      {forkMissing && <p className="pg-note pg-note-warn">{strings.mineMissing}</p>}
      {fork && (
        <p className="pg-note">
          {format(strings.mineEditing, { name: fork.name })} <a href="#">{strings.mineBackToScratch}</a>
        </p>
      )}
      {storageProblem && !storageProblem.ok && (
        <p className="pg-note pg-note-warn" role="alert">
          {storageProblem.reason === 'quota' ? strings.storageQuota : strings.storageUnavailable}{' '}
          <button
            type="button"
            className="pg-link-btn"
            onClick={() => saveFile(downloadName(fileName), downloadText(getCode(), downloadMeta))}
          >
            {strings.storageDownload}
          </button>
        </p>
      )}
      <div className="pg-notice" role="status" aria-live="polite">
        {notice && (
          <>
            {notice.text}
            {notice.link && (
              <>
                {' '}
                <a href={notice.link.href}>{notice.link.label}</a>
              </>
            )}
            {notice.download && (
              <>
                {' '}
                <button
                  type="button"
                  className="pg-link-btn"
                  onClick={() => saveFile(downloadName(fileName), downloadText(getCode(), downloadMeta))}
                >
                  {strings.storageDownload}
                </button>
              </>
            )}
            {notice.shareUrl && (
              <input
                className="pg-share-url"
                readOnly
                value={notice.shareUrl}
                aria-label={strings.shareLink}
                onFocus={(e) => e.currentTarget.select()}
              />
            )}
          </>
        )}
      </div>

      <Editor
        main={config.main}
        extraFiles={config.extraFiles}
        initialCode={props.initial.code}
        label={format(strings.editorLabel, { name: config.main.name })}
        apiRef={editorApi}
        onChange={onChange}
        onRunShortcut={runShortcut}
      />
      {recordedShown && config.recorded !== undefined ? (
        <RecordedOutput
          id={id}
          strings={strings}
          recorded={config.recorded}
          onRunAnyway={() => {
            anyway.current = true;
            runRef.current();
          }}
        />
      ) : (
        showOutput && (
          <OutputPanel
            id={id}
            strings={strings}
            lang={config.lang}
            output={runner.output}
            view={runner.view}
            run={runner.lastRun}
            onGoToLine={goToLine}
            highlight={highlight}
            taskName={(task) => runner.timeline?.model.lane(task)?.name}
            simulated={simulated}
          />
        )
      )}
      {runner.timeline && (
        <Timeline
          key={runner.timeline.model.id}
          live={runner.timeline}
          running={runner.running}
          strings={strings}
          lang={config.lang}
          store={store}
          fileName={fileName}
          highlight={highlight}
          simulated={simulated}
        />
      )}
    </div>
  );
}

export function loadScratch(store: KeyValueStore, config: PlaygroundConfig): string {
  return loadEdit(store, config.lang, config.id) ?? config.main.code;
}
