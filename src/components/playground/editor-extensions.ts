/**
 * CodeMirror extensions the playground adds to Sandpack's editor: Python's four-space indent,
 * wrapped lines that hang under their own indentation, and a marked line (a traceback link's
 * target) that clears on the next edit.
 */
import { indentOnInput, indentUnit } from '@codemirror/language';
import { RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { leadingColumns } from './static-code.ts';

/**
 * PEP 8's four spaces. Sandpack binds Tab and Shift+Tab to indentMore/indentLess and Enter to
 * insertNewlineAndIndent, and Backspace (deleteCharBackward) removes a whole unit in leading
 * whitespace: all of them read this facet. The Python language supplies the indent after a colon.
 */
export const pythonIndent: Extension = [indentUnit.of('    '), indentOnInput()];

/**
 * A wrapped line continues under its own code, not at column 0, so wrapped Python never looks
 * dedented. The style is the static placeholder's (static-code.ts): `--pg-indent` is the line's
 * indentation in columns and playground.css turns it into a hanging indent.
 */
const indentDecorations = new Map<number, Decoration>();
function indentDecoration(columns: number): Decoration {
  let decoration = indentDecorations.get(columns);
  if (!decoration) {
    decoration = Decoration.line({ attributes: { style: `--pg-indent: ${columns}` } });
    indentDecorations.set(columns, decoration);
  }
  return decoration;
}

function hangingIndents(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      builder.add(line.from, line.from, indentDecoration(leadingColumns(line.text)));
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

export const hangingIndent = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = hangingIndents(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = hangingIndents(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** Marks one line (the position of its start), or clears the mark (`null`). */
const setMarkedLine = StateEffect.define<number | null>();
const markedLineDecoration = Decoration.line({ class: 'pg-marked-line' });

const markedLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    // The mark answers "where did it fail?"; once the reader edits, the answer may be stale.
    let next = transaction.docChanged ? Decoration.none : marks;
    for (const effect of transaction.effects) {
      if (effect.is(setMarkedLine)) {
        next = effect.value === null ? Decoration.none : Decoration.set([markedLineDecoration.range(effect.value)]);
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const lineMarking: Extension = markedLine;

/**
 * Puts the cursor at the start of `lineNumber` (1-based, clamped to the document), scrolls it to
 * the middle of the view, marks the line and focuses the editor.
 */
export function goToLine(view: EditorView, lineNumber: number): void {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(1, Math.trunc(lineNumber)), doc.lines));
  const column = leadingColumns(line.text);
  const anchor = line.from + Math.min(column, line.length);
  view.dispatch({
    selection: { anchor },
    effects: [setMarkedLine.of(line.from), EditorView.scrollIntoView(anchor, { y: 'center' })],
  });
  view.focus();
}
