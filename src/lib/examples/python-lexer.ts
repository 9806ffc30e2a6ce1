/**
 * Just enough of Python's tokenizer to find what a translation may touch: comments and
 * docstrings, and nothing inside code or other strings.
 *
 * It follows CPython's rules where they decide what is a comment: a `#` inside a string (any
 * prefix, single or triple quotes, escapes, raw strings) is text; in an f-string (or a 3.14
 * t-string) the replacement fields are code again, with their own strings and, in 3.12+, their
 * own comments; inside brackets and after a backslash a line goes on. A docstring is the first
 * statement of a module, class or function when that statement is a lone string literal (not an
 * f-string, not bytes), as `ast.get_docstring` sees it.
 *
 * The examples tier checks this lexer against CPython's own `tokenize` and `ast` on every file
 * under `examples/` (tests/examples/comments.test.ts), so a case it gets wrong cannot go unseen.
 */

export interface SourceComment {
  /** 1-based line. */
  line: number;
  /** 0-based column of the `#` (in UTF-16 code units, as JavaScript counts). */
  col: number;
  /** Offsets of the comment in the source, `#` included, line break excluded. */
  start: number;
  end: number;
  /** The comment, from `#` to the end of its line (a final `\r` excluded). */
  text: string;
  /** True when code comes before it on its line. */
  trailing: boolean;
}

export interface SourceString {
  /** Offsets of the whole literal: prefix, quotes and body. */
  start: number;
  end: number;
  /** `r`, `f`, `rb`, ... as written. */
  prefix: string;
  /** `"`, `'`, `"""` or `'''`. */
  quote: string;
  /** Offsets of the body, between the quotes. */
  bodyStart: number;
  bodyEnd: number;
}

export interface SourceDocstring extends SourceString {
  /** Whose docstring: the module, or the name of the class or function. */
  owner: string;
}

export interface LexedPython {
  comments: SourceComment[];
  docstrings: SourceDocstring[];
  /** Offset of the start of each line (index 0 is line 1). */
  lineStarts: number[];
}

export class PythonLexError extends Error {}

type TokenType = 'name' | 'number' | 'string' | 'op';

interface Token {
  type: TokenType;
  value: string;
  start: number;
  string?: SourceString;
}

const STRING_PREFIXES = new Set(['r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf', 't', 'tr', 'rt']);
const IDENT_START = /[\p{L}\p{Nl}_]/u;
const IDENT_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;
const NUMBER = /(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/y;

export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line and 0-based column of an offset. */
export function positionOf(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - (lineStarts[low] ?? 0) };
}

class Lexer {
  readonly comments: SourceComment[] = [];
  /** Logical lines of the top level: the tokens of each statement line, f-string insides excluded. */
  readonly logicalLines: Token[][] = [];
  #current: Token[] = [];
  #i = 0;

  readonly source: string;
  readonly lineStarts: number[];

  constructor(source: string, lineStarts: number[]) {
    this.source = source;
    this.lineStarts = lineStarts;
  }

  #fail(message: string, offset: number): never {
    const { line, col } = positionOf(this.lineStarts, offset);
    throw new PythonLexError(`line ${line}, column ${col + 1}: ${message}`);
  }

  run(): void {
    this.#code('top');
    if (this.#current.length > 0) this.logicalLines.push(this.#current);
  }

  #emit(token: Token, top: boolean): void {
    if (top) this.#current.push(token);
  }

  /**
   * Code until the end of the source ('top'), or until the `}` or format-spec `:` that ends an
   * f-string replacement field ('field'). Returns the offset where it stopped.
   */
  #code(mode: 'top' | 'field'): number {
    const s = this.source;
    const top = mode === 'top';
    let depth = 0;
    while (this.#i < s.length) {
      const c = s[this.#i] ?? '';
      if (c === '\n') {
        if (top && depth === 0 && this.#current.length > 0) {
          this.logicalLines.push(this.#current);
          this.#current = [];
        }
        this.#i++;
      } else if (c === '\\' && (s[this.#i + 1] === '\n' || (s[this.#i + 1] === '\r' && s[this.#i + 2] === '\n'))) {
        this.#i += s[this.#i + 1] === '\n' ? 2 : 3;
      } else if (c === ' ' || c === '\t' || c === '\f' || c === '\r') {
        this.#i++;
      } else if (c === '#') {
        this.#comment();
      } else if (c === '"' || c === "'") {
        this.#emit(this.#string(this.#i, ''), top);
      } else if (IDENT_START.test(c) || c > '\u007f') {
        const start = this.#i;
        while (this.#i < s.length && (IDENT_PART.test(s[this.#i] ?? '') || (s[this.#i] ?? '') > '\u007f')) this.#i++;
        const word = s.slice(start, this.#i);
        const next = s[this.#i];
        if ((next === '"' || next === "'") && STRING_PREFIXES.has(word.toLowerCase())) {
          this.#emit(this.#string(start, word), top);
        } else {
          this.#emit({ type: 'name', value: word, start }, top);
        }
      } else if (/\d/.test(c) || (c === '.' && /\d/.test(s[this.#i + 1] ?? ''))) {
        NUMBER.lastIndex = this.#i;
        const match = NUMBER.exec(s);
        const end = match ? this.#i + match[0].length : this.#i + 1;
        this.#emit({ type: 'number', value: s.slice(this.#i, end), start: this.#i }, top);
        this.#i = end;
      } else {
        if ('([{'.includes(c)) depth++;
        if (')]}'.includes(c)) {
          if (!top && depth === 0 && c === '}') return this.#i;
          depth = Math.max(0, depth - 1);
        }
        if (!top && depth === 0 && c === ':') return this.#i;
        // `!=`, `:=`, `->`, `**=`: only `:` and `;` matter here, one character at a time is enough,
        // but keep `:=` and `!=` whole so a field's `!=` or `:=` is not read as its end.
        const two = s.slice(this.#i, this.#i + 2);
        const op = two === ':=' || two === '!=' || two === '->' || two === '==' ? two : c;
        this.#emit({ type: 'op', value: op, start: this.#i }, top);
        this.#i += op.length;
      }
    }
    if (!top) this.#fail('an f-string replacement field is not closed', this.#i);
    return this.#i;
  }

  #comment(): void {
    const s = this.source;
    const start = this.#i;
    let end = s.indexOf('\n', start);
    if (end < 0) end = s.length;
    this.#i = end;
    if (s[end - 1] === '\r') end--;
    const { line, col } = positionOf(this.lineStarts, start);
    const before = s.slice(this.lineStarts[line - 1] ?? 0, start);
    this.comments.push({ line, col, start, end, text: s.slice(start, end), trailing: before.trim() !== '' });
  }

  /** A string literal starting at `start` (its prefix, if any, included); leaves #i after it. */
  #string(start: number, prefix: string): Token {
    const s = this.source;
    const lower = prefix.toLowerCase();
    const raw = lower.includes('r');
    const formatted = lower.includes('f') || lower.includes('t');
    const q = s[start + prefix.length] ?? '"';
    const quote = s.startsWith(q.repeat(3), start + prefix.length) ? q.repeat(3) : q;
    const bodyStart = start + prefix.length + quote.length;
    this.#i = bodyStart;
    for (;;) {
      if (this.#i >= s.length) this.#fail('a string is not closed', start);
      const c = s[this.#i];
      if (s.startsWith(quote, this.#i)) break;
      if (c === '\\') {
        // Named escapes (\N{...}) hold braces that are not replacement fields.
        if (!raw && s[this.#i + 1] === 'N' && s[this.#i + 2] === '{') {
          const close = s.indexOf('}', this.#i);
          this.#i = close < 0 ? s.length : close + 1;
        } else {
          this.#i += 2;
        }
      } else if (c === '\n' && quote.length === 1) {
        this.#fail('a string is not closed before the end of its line', start);
      } else if (formatted && c === '{') {
        if (s[this.#i + 1] === '{') {
          this.#i += 2;
        } else {
          this.#i++;
          this.#field();
        }
      } else {
        this.#i++;
      }
    }
    const bodyEnd = this.#i;
    this.#i += quote.length;
    const string: SourceString = { start, end: this.#i, prefix, quote, bodyStart, bodyEnd };
    return { type: 'string', value: s.slice(start, this.#i), start, string };
  }

  /** An f-string replacement field, after its `{`: code, then an optional format spec, then `}`. */
  #field(): void {
    const s = this.source;
    this.#code('field');
    if (s[this.#i] === ':') {
      // The format spec is text again, with nested replacement fields of its own.
      this.#i++;
      while (this.#i < s.length && s[this.#i] !== '}') {
        if (s[this.#i] === '{') {
          this.#i++;
          this.#field();
        } else {
          this.#i++;
        }
      }
    }
    if (s[this.#i] !== '}') this.#fail('an f-string replacement field is not closed', this.#i);
    this.#i++;
  }
}

function loneString(line: readonly Token[] | undefined): SourceString | undefined {
  if (!line) return undefined;
  const [first, second] = line;
  if (!first?.string || (second && second.value !== ';')) return undefined;
  const prefix = first.string.prefix.toLowerCase();
  // f-strings are not constants, and bytes are not text: neither is a docstring.
  if (prefix.includes('f') || prefix.includes('t') || prefix.includes('b')) return undefined;
  return first.string;
}

function isDefinitionHeader(line: readonly Token[]): string | undefined {
  const words = line.map((t) => t.value);
  const at = words[0] === 'async' ? 1 : 0;
  if ((words[at] !== 'def' && words[at] !== 'class') || words[words.length - 1] !== ':') return undefined;
  return words[at + 1] ?? '?';
}

export function lexPython(source: string): LexedPython {
  const lineStarts = lineStartsOf(source);
  const lexer = new Lexer(source, lineStarts);
  lexer.run();
  const lines = lexer.logicalLines;
  const docstrings: SourceDocstring[] = [];
  const moduleDoc = loneString(lines[0]);
  if (moduleDoc) docstrings.push({ ...moduleDoc, owner: '<module>' });
  lines.forEach((line, index) => {
    const owner = isDefinitionHeader(line);
    const doc = owner ? loneString(lines[index + 1]) : undefined;
    if (owner && doc) docstrings.push({ ...doc, owner });
  });
  // A docstring made of several adjacent literals is still one docstring to Python; refuse it
  // rather than translate half of it.
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const first = index === 0 || (previous && isDefinitionHeader(previous));
    if (first && line.length > 1 && line.every((t) => t.type === 'string')) {
      const { line: at } = positionOf(lineStarts, line[0]?.start ?? 0);
      throw new PythonLexError(`line ${at}: a docstring made of several string literals is not supported; write it as one`);
    }
  });
  docstrings.sort((a, b) => a.start - b.start);
  return { comments: lexer.comments, docstrings, lineStarts };
}
