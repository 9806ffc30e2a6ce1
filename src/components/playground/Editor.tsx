import { python } from '@codemirror/lang-python';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import {
  SandpackCodeEditor,
  SandpackProvider,
  useSandpack,
  type CodeEditorRef,
  type SandpackTheme,
} from '@codesandbox/sandpack-react';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { PlaygroundFile } from '../../lib/playground/config.ts';
import { goToLine, hangingIndent, lineMarking, pythonIndent } from './editor-extensions.ts';

const languages = [{ name: 'python', extensions: ['py'], language: python() }];

/**
 * Colours come from Starlight's own variables, so the editor follows the site's light and dark
 * themes without a second theme to keep in sync; token colours are `--pg-syn-*` (playground.css).
 */
const theme: SandpackTheme = {
  colors: {
    surface1: 'var(--pg-editor-bg)',
    surface2: 'var(--sl-color-gray-5)',
    surface3: 'var(--sl-color-gray-6)',
    clickable: 'var(--sl-color-gray-2)',
    base: 'var(--sl-color-white)',
    disabled: 'var(--sl-color-gray-3)',
    hover: 'var(--sl-color-white)',
    accent: 'var(--sl-color-text-accent)',
    error: 'var(--pg-stderr)',
    errorSurface: 'var(--sl-color-gray-6)',
  },
  syntax: {
    plain: 'var(--sl-color-white)',
    comment: { color: 'var(--pg-syn-comment)', fontStyle: 'italic' },
    keyword: 'var(--pg-syn-keyword)',
    tag: 'var(--pg-syn-keyword)',
    punctuation: 'var(--sl-color-gray-2)',
    definition: 'var(--pg-syn-definition)',
    property: 'var(--pg-syn-property)',
    static: 'var(--pg-syn-static)',
    string: 'var(--pg-syn-string)',
  },
  font: {
    body: 'var(--sl-font)',
    mono: 'var(--__sl-font-mono)',
    size: 'var(--pg-code-size)',
    lineHeight: 'var(--pg-code-line)',
  },
};

export interface EditorApi {
  setCode(code: string): void;
  /**
   * The main file's text as the reader sees it now. Sandpack's file state reaches the island a
   * render or two after a keystroke, so Run right after an edit would otherwise run the text
   * from before it (an undo followed at once by Ctrl+Enter ran the undone line).
   */
  getCode(): string | undefined;
  /** Shows the main file with the cursor on `line` (1-based), marked until the next edit. */
  goToLine(line: number): void;
}

const path = (name: string) => `/${name}`;

/** Reports the main file's text upward and lets the island replace it (reset, fork, share). */
function Bridge(props: {
  main: string;
  apiRef: RefObject<EditorApi | undefined>;
  editorRef: RefObject<CodeEditorRef | null>;
  onChange: (code: string) => void;
}) {
  const { sandpack } = useSandpack();
  const mainPath = path(props.main);
  const code = sandpack.files[mainPath]?.code ?? '';
  const { onChange, editorRef } = props;
  useEffect(() => onChange(code), [code, onChange]);
  props.apiRef.current = {
    setCode(next) {
      sandpack.updateFile(mainPath, next);
    },
    getCode() {
      // The view shows whichever tab is active; only the main file's view holds its live text.
      const view = sandpack.activeFile === mainPath ? editorRef.current?.getCodemirror() : undefined;
      return view ? view.state.doc.toString() : sandpack.files[mainPath]?.code;
    },
    goToLine(line) {
      const go = () => {
        const view = editorRef.current?.getCodemirror();
        if (view) goToLine(view, line);
      };
      if (sandpack.activeFile === mainPath) {
        go();
      } else {
        // Another tab is open: show the program first, then move once its view exists.
        sandpack.setActiveFile(mainPath);
        requestAnimationFrame(() => requestAnimationFrame(go));
      }
    },
  };
  return null;
}

export function Editor(props: {
  main: PlaygroundFile;
  extraFiles: PlaygroundFile[];
  initialCode: string;
  label: string;
  apiRef: RefObject<EditorApi | undefined>;
  onChange: (code: string) => void;
  onRunShortcut: () => void;
}) {
  const files = useMemo(() => {
    const all: Record<string, { code: string; readOnly?: boolean }> = { [path(props.main.name)]: { code: props.initialCode } };
    for (const f of props.extraFiles) all[path(f.name)] = { code: f.code, readOnly: true };
    return all;
    // Only the first render seeds the editor; later changes go through the bridge.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { onRunShortcut, label } = props;
  const editorRef = useRef<CodeEditorRef>(null);
  const extensions = useMemo(
    () => [
      // Above the default keymap, where Mod-Enter inserts a blank line.
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onRunShortcut(), true) }])),
      EditorView.contentAttributes.of({ 'aria-label': label }),
      pythonIndent,
      hangingIndent,
      lineMarking,
    ],
    [onRunShortcut, label],
  );
  const visible = Object.keys(files);
  return (
    <SandpackProvider
      files={files}
      theme={theme}
      options={{ visibleFiles: visible, activeFile: visible[0] ?? `/${props.main.name}`, autorun: false, initMode: 'immediate' }}
    >
      <Bridge main={props.main.name} apiRef={props.apiRef} editorRef={editorRef} onChange={props.onChange} />
      {/* Sized by its code (within playground.css's bounds), like the placeholder it replaces. */}
      <div className="pg-editor">
        <SandpackCodeEditor
          ref={editorRef}
          showTabs={props.extraFiles.length > 0}
          showLineNumbers
          showRunButton={false}
          wrapContent
          additionalLanguages={languages}
          extensions={extensions}
        />
      </div>
    </SandpackProvider>
  );
}
