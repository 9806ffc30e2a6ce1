import { python } from '@codemirror/lang-python';
import { EditorState, type StateCommand } from '@codemirror/state';
import { deleteCharBackward, indentLess, indentMore, insertNewlineAndIndent } from '@codemirror/commands';
import { describe, expect, it } from 'vitest';
import { pythonIndent } from '../../../src/components/playground/editor-extensions.ts';
import {
  highlightLines,
  leadingColumns,
  lineNumberDigits,
  staticLinesHtml,
} from '../../../src/components/playground/static-code.ts';

const PROGRAM = `import asyncio


async def main() -> None:
    print("a < b & c")  # compare
    await asyncio.sleep(1)


asyncio.run(main())
`;

/** The lines of `.cm-line` markup, as text (tags dropped, entities decoded). */
function linesOf(html: string): { n: string; indent: string; text: string }[] {
  return [...html.matchAll(/<div class="cm-line" data-n="(\d+)" style="--pg-indent: (\d+)">(.*?)<\/div>/g)].map((m) => ({
    n: m[1]!,
    indent: m[2]!,
    text: m[3]!.replace(/<br>/g, '').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  }));
}

describe('the placeholder’s code', () => {
  it('has the editor’s lines: one per line of the text, the empty last one included, numbered', () => {
    const lines = linesOf(staticLinesHtml(PROGRAM));
    expect(lines.map((l) => l.text)).toEqual(PROGRAM.split('\n'));
    expect(lines.map((l) => l.n)).toEqual(PROGRAM.split('\n').map((_, i) => String(i + 1)));
    expect(lines.length).toBe(EditorState.create({ doc: PROGRAM }).doc.lines);
  });

  it('escapes the code, and keeps an empty line a line', () => {
    const html = staticLinesHtml(PROGRAM);
    expect(html).toContain('a &lt; b &amp; c');
    expect(html).toContain('data-n="2" style="--pg-indent: 0"><br></div>');
  });

  it('carries each line’s indentation for the hanging indent', () => {
    expect(linesOf(staticLinesHtml(PROGRAM)).map((l) => Number(l.indent))).toEqual([0, 0, 0, 0, 4, 4, 0, 0, 0, 0]);
    expect(leadingColumns('\tx')).toBe(4);
    expect(leadingColumns('  \tx')).toBe(4);
    expect(leadingColumns('        x')).toBe(8);
  });

  it('gives tokens the classes Sandpack’s highlighter gives them', () => {
    const classOf = (text: string) =>
      highlightLines(PROGRAM)
        .flat()
        .find((t) => t.text === text)?.classes;
    expect(classOf('async')).toBe('sp-syntax-keyword');
    expect(classOf('def')).toBe('sp-syntax-keyword');
    expect(classOf('main')).toBe('sp-syntax-definition');
    expect(classOf('"a < b & c"')).toBe('sp-syntax-string');
    expect(classOf('# compare')).toBe('sp-syntax-comment');
    expect(classOf('1')).toBe('sp-syntax-static');
    expect(classOf('sleep')).toBe('sp-syntax-property');
  });

  it('sizes the gutter by the largest line number', () => {
    expect(lineNumberDigits('x\n')).toBe(1);
    expect(lineNumberDigits('x\n'.repeat(99))).toBe(3);
  });
});

describe('Python indentation in the editor', () => {
  /** Runs a state command on `doc` with the cursor at `cursor` (default: the end). */
  function after(doc: string, command: StateCommand, cursor = doc.length) {
    let state = EditorState.create({ doc, selection: { anchor: cursor }, extensions: [python(), pythonIndent] });
    command({ state, dispatch: (tr) => (state = tr.state) });
    return state;
  }

  it('Enter after a colon indents by four spaces', () => {
    const state = after('async def main() -> None:', insertNewlineAndIndent);
    expect(state.doc.toString()).toBe('async def main() -> None:\n    ');
  });

  it('Tab and Shift+Tab indent and dedent by four', () => {
    expect(after('x = 1', indentMore).doc.toString()).toBe('    x = 1');
    expect(after('        x = 1', indentLess).doc.toString()).toBe('    x = 1');
  });

  it('Backspace in the indentation removes a whole indent unit', () => {
    // A view command, but with a cursor selection it reads only the state and dispatches.
    const state = after('def f():\n        ', deleteCharBackward as unknown as StateCommand);
    expect(state.doc.toString()).toBe('def f():\n    ');
  });
});
