/**
 * The playground's code as static HTML, built at build time, that looks exactly like the editor
 * that later replaces it (react.dev's placeholder is the model): the same parser (Lezer Python,
 * which CodeMirror's Python mode uses), the same token classes as Sandpack's highlighter, the
 * same line structure (`cm-line`), line numbers and hanging indents. playground.css styles both
 * with the same rules, so the swap moves nothing.
 */
import { highlightCode, tagHighlighter, tags } from '@lezer/highlight';
import { parser } from '@lezer/python';

/** Columns a tab advances to (CodeMirror's default `tabSize`, and the CSS `tab-size`). */
export const TAB_SIZE = 4;

/** Width of a line's leading whitespace, in columns (tabs to the next multiple of TAB_SIZE). */
export function leadingColumns(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += TAB_SIZE - (columns % TAB_SIZE);
    else break;
  }
  return columns;
}

const token = (name: string) => `sp-syntax-${name}`;

/**
 * Sandpack's token classes (its `getSyntaxHighlight`, sandpack-react 2.x), tag for tag, so a
 * token has the same class, hence the same colour, before and after the editor mounts.
 */
export const sandpackTokenClasses = tagHighlighter([
  { tag: tags.keyword, class: token('keyword') },
  { tag: [tags.atom, tags.number, tags.bool], class: token('static') },
  { tag: tags.variableName, class: token('plain') },
  { tag: tags.standard(tags.tagName), class: token('tag') },
  {
    tag: [tags.function(tags.variableName), tags.definition(tags.function(tags.variableName)), tags.tagName],
    class: token('definition'),
  },
  { tag: tags.propertyName, class: token('property') },
  { tag: [tags.literal, tags.inserted], class: token('string') },
  { tag: tags.punctuation, class: token('punctuation') },
  { tag: [tags.comment, tags.quote], class: token('comment') },
]);

export interface StaticToken {
  text: string;
  /** Space-separated classes, empty for plain text. */
  classes: string;
}

/** The code's lines, each a list of highlighted tokens. */
export function highlightLines(code: string): StaticToken[][] {
  const lines: StaticToken[][] = [[]];
  highlightCode(
    code,
    parser.parse(code),
    sandpackTokenClasses,
    (text, classes) => lines[lines.length - 1]!.push({ text, classes }),
    () => lines.push([]),
  );
  return lines;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The inside of the placeholder's `.cm-content`: one `.cm-line` per line of code, as CodeMirror
 * renders them (an empty line holds a `<br>`). `data-n` is the line number the gutter shows and
 * `--pg-indent` the hanging indent (editor-extensions.ts sets the same on the editor's lines).
 * A final newline ends in an empty last line, as in the editor.
 */
export function staticLinesHtml(code: string): string {
  const lines = highlightLines(code);
  return lines
    .map((tokens, index) => {
      const text = tokens.map((t) => t.text).join('');
      const body = tokens.length === 0 || text === ''
        ? '<br>'
        : tokens.map((t) => (t.classes ? `<span class="${t.classes}">${escapeHtml(t.text)}</span>` : escapeHtml(t.text))).join('');
      return `<div class="cm-line" data-n="${index + 1}" style="--pg-indent: ${leadingColumns(text)}">${body}</div>`;
    })
    .join('');
}

/** Characters in the largest line number: the gutter's width, in the placeholder as in the editor. */
export function lineNumberDigits(code: string): number {
  return String(code.split('\n').length).length;
}
