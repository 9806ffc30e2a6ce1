import { lexPython, positionOf, type SourceComment } from './python-lexer.ts';

/**
 * Translating an example's comments and docstrings, and nothing else.
 *
 * A translation file maps English text to its translation. What is looked up is a *unit*:
 * - a trailing comment (`x = 1  # like this`), with the full-line comments that continue it
 *   right under it, at its column;
 * - a paragraph of full-line comments: consecutive `#` lines at the same column, up to an empty
 *   `#` line or a line that starts a list item (`- `, `* `, `1. `);
 * - a paragraph of a docstring: its lines up to a blank line or a list item.
 * The key is the unit's English text with its lines joined by one space (so re-wrapping the
 * English keeps its key). The value is either one string, which is wrapped back onto exactly as
 * many lines as the English had, balanced and within the line limit, or an array of lines,
 * used as given (a table, code inside a docstring, a sentence per line on purpose).
 *
 * The layout never moves: every unit keeps its lines, every line keeps what comes before and
 * after the text (code, `# `, indentation, quotes), so the program's code, its line numbers and
 * its columns are those of the English file. Not translated: `#:` test headers, a PEP 723
 * block, tool directives (`# type:`, `# pyright:`, `# noqa`, ...), and text with no letters.
 */
export type Translation = string | readonly string[];

/** Where a unit's text sits on one physical line (offsets in the source). */
export interface TextSpan {
  line: number;
  start: number;
  end: number;
}

export interface TranslationUnit {
  kind: 'comment' | 'docstring';
  /** The English text, whitespace collapsed: the key a translation is filed under. */
  key: string;
  /** 1-based line of its first span. */
  line: number;
  /** One span per physical line, in order. */
  spans: TextSpan[];
  /** A docstring's quotes (`"""`, `'`, ...), which its text must not contain. */
  quote?: string;
  /** The offset of the docstring a paragraph belongs to (paragraphs of one docstring share it). */
  docstring?: number;
}

/** The longest line pycodestyle accepts in examples/ (scripts/examples/lint.ts). */
export const MAX_LINE_LENGTH = 100;

const DIRECTIVE = /^#\s*(?:type:|pyright:|mypy:|pylint:|noqa\b|pragma:|fmt:|isort:|ruff:|-\*-)/;
const PEP723_OPEN = /^# \/\/\/ [A-Za-z0-9-]+\s*$/;
const PEP723_CLOSE = /^# \/\/\/\s*$/;
const LIST_ITEM = /^(?:[-*•]|\d+[.)])\s/;
const LETTER = /\p{L}/u;

export function normalizeKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Length as Python and pycodestyle count it: in code points. */
export function columns(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function spanOfText(source: string, line: number, start: number, end: number): TextSpan | undefined {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(source[a] ?? '')) a++;
  while (b > a && /\s/.test(source[b - 1] ?? '')) b--;
  return a < b ? { line, start: a, end: b } : undefined;
}

function textOf(source: string, spans: readonly TextSpan[]): string {
  return normalizeKey(spans.map((s) => source.slice(s.start, s.end)).join(' '));
}

/** Splits runs of spans into paragraphs: a new one at every list item. */
function paragraphs(source: string, runs: TextSpan[][]): TextSpan[][] {
  const out: TextSpan[][] = [];
  for (const run of runs) {
    let current: TextSpan[] = [];
    for (const span of run) {
      if (current.length > 0 && LIST_ITEM.test(source.slice(span.start, span.end))) {
        out.push(current);
        current = [];
      }
      current.push(span);
    }
    if (current.length > 0) out.push(current);
  }
  return out;
}

function commentUnits(source: string, comments: readonly SourceComment[]): TranslationUnit[] {
  const runs: TextSpan[][] = [];
  let run: TextSpan[] = [];
  let last: SourceComment | undefined;
  let inPep723 = false;
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const comment of comments) {
    const text = comment.text;
    if (!comment.trailing && comment.col === 0 && PEP723_OPEN.test(text)) inPep723 = true;
    const skip = inPep723 || text.startsWith('#:') || text.startsWith('#!') || DIRECTIVE.test(text);
    if (inPep723 && PEP723_CLOSE.test(text)) inPep723 = false;
    const span = spanOfText(source, comment.line, comment.start + 1, comment.end);
    // A full-line comment goes on the paragraph of the comment right above it at its column,
    // a trailing one included (a trailing comment continued under itself); a trailing comment
    // always starts a paragraph of its own.
    const follows = last && !comment.trailing && last.line === comment.line - 1 && last.col === comment.col;
    if (!follows || skip || !span) close();
    if (!skip && span) run.push(span);
    last = skip ? undefined : comment;
  }
  close();
  return paragraphs(source, runs).map((spans) => ({
    kind: 'comment' as const,
    key: textOf(source, spans),
    line: spans[0]?.line ?? 0,
    spans,
  }));
}

function docstringUnits(
  source: string,
  lineStarts: readonly number[],
  bodies: readonly { start: number; bodyStart: number; bodyEnd: number; quote: string }[],
): TranslationUnit[] {
  const units: TranslationUnit[] = [];
  for (const { start, bodyStart, bodyEnd, quote } of bodies) {
    const runs: TextSpan[][] = [];
    let run: TextSpan[] = [];
    let at = bodyStart;
    while (at <= bodyEnd) {
      let lineEnd = source.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd > bodyEnd) lineEnd = bodyEnd;
      const span = spanOfText(source, positionOf(lineStarts, at).line, at, lineEnd);
      if (span) {
        run.push(span);
      } else if (run.length > 0) {
        runs.push(run);
        run = [];
      }
      at = lineEnd + 1;
    }
    if (run.length > 0) runs.push(run);
    for (const spans of paragraphs(source, runs)) {
      units.push({ kind: 'docstring', key: textOf(source, spans), line: spans[0]?.line ?? 0, spans, quote, docstring: start });
    }
  }
  return units;
}

/** Every comment and docstring paragraph of a program that a reader would want in their language. */
export function translationUnits(source: string): TranslationUnit[] {
  const lexed = lexPython(source);
  return [...commentUnits(source, lexed.comments), ...docstringUnits(source, lexed.lineStarts, lexed.docstrings)]
    .filter((unit) => LETTER.test(unit.key))
    .sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0));
}

/**
 * Splits `words` into exactly `fixed.length` lines, as the English paragraph was set: line i
 * holds `fixed[i]` columns of other text (code, `# `, quotes) and, with its words, at most
 * `maxLength` columns. Lines are filled towards `target` (the English paragraph's widest line),
 * as a typesetter fills a paragraph: every line but the last as close to it as the words allow,
 * going past it only when the words need the room. Undefined when the words cannot fit.
 */
export function wrapInto(words: readonly string[], fixed: readonly number[], target: number, maxLength: number = MAX_LINE_LENGTH): string[] | undefined {
  const n = fixed.length;
  const w = words.length;
  if (w < n || n === 0) return undefined;
  const lengths = words.map(columns);
  const cost = (line: number, from: number, to: number): number | undefined => {
    let width = fixed[line] ?? 0;
    for (let k = from; k < to; k++) width += (lengths[k] ?? 0) + (k > from ? 1 : 0);
    if (width > maxLength) return undefined;
    const over = Math.max(0, width - target);
    const under = Math.max(0, target - width);
    const last = line === n - 1;
    // A last line may be short, though not a word or two left hanging.
    const slack = last ? Math.max(0, under - target * 0.6) : under;
    return 100 * over * over + slack * slack;
  };
  // best[i][j]: the lowest cost of setting the first j words on the first i lines.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(w + 1).fill(Number.POSITIVE_INFINITY));
  const cut: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(w + 1).fill(-1));
  best[0]![0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= w - (n - i); j++) {
      for (let k = i - 1; k < j; k++) {
        const before = best[i - 1]![k]!;
        const c = Number.isFinite(before) ? cost(i - 1, k, j) : undefined;
        if (c !== undefined && before + c < best[i]![j]!) {
          best[i]![j] = before + c;
          cut[i]![j] = k;
        }
      }
    }
  }
  if (!Number.isFinite(best[n]![w]!)) return undefined;
  const lines: string[] = [];
  for (let i = n, j = w; i > 0; i--) {
    const k = cut[i]![j]!;
    lines.unshift(words.slice(k, j).join(' '));
    j = k;
  }
  return lines;
}

/** A docstring's text may hold its quote character, never its closing quotes, and no new escapes. */
function breaksDocstring(quote: string, lines: readonly string[], english: string): boolean {
  const mark = quote[0] ?? '"';
  const last = lines[lines.length - 1] ?? '';
  if (lines.some((l) => l.includes(quote) || (quote.length === 1 && l.includes(mark)))) return true;
  if (last.endsWith(mark)) return true;
  return !english.includes('\\') && lines.some((l) => l.includes('\\'));
}

export interface UnitProblem {
  unit: TranslationUnit;
  message: string;
}

export interface TranslatedSource {
  code: string;
  /** Units with no translation: left in English. */
  missing: TranslationUnit[];
  /** Translations that cannot be used as they are (left in English). */
  problems: UnitProblem[];
  /** Units translated, and how many of them were comments and docstring paragraphs. */
  translated: { comments: number; docstrings: number };
}

/**
 * The program with each unit's text replaced by its translation from `lookup`. Lines keep their
 * count and everything around the text; a translation that would push a line past `maxLength`
 * columns is reported and not applied.
 */
export function translateSource(
  source: string,
  lookup: (key: string) => Translation | undefined,
  maxLength: number = MAX_LINE_LENGTH,
): TranslatedSource {
  const units = translationUnits(source);
  const lineStarts: number[] = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineText = (line: number) => {
    const start = lineStarts[line - 1] ?? 0;
    const next = lineStarts[line];
    return source.slice(start, next === undefined ? source.length : next - 1);
  };
  const missing: TranslationUnit[] = [];
  const problems: UnitProblem[] = [];
  const replacements: { start: number; end: number; text: string }[] = [];
  const translated = { comments: 0, docstrings: 0 };

  for (const unit of units) {
    const value = lookup(unit.key);
    if (value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)) {
      missing.push(unit);
      continue;
    }
    const fixed = unit.spans.map((s) => columns(lineText(s.line)) - columns(source.slice(s.start, s.end)));
    const room = fixed.map((f) => maxLength - f);
    const target = Math.min(maxLength, Math.max(...unit.spans.map((s) => columns(lineText(s.line)))));
    let lines: string[] | undefined;
    if (typeof value === 'string') {
      lines = wrapInto(normalizeKey(value).split(' '), fixed, target, maxLength);
      if (!lines) {
        const words = normalizeKey(value).split(' ').length;
        problems.push({
          unit,
          message:
            words < unit.spans.length
              ? `has ${words} word(s) for ${unit.spans.length} lines: give the lines as an array, or say more`
              : `does not fit on ${unit.spans.length} line(s) of at most ${maxLength} columns: shorten it`,
        });
        continue;
      }
    } else {
      // Each line's text goes where the English line's text began: its indentation stays.
      lines = (value as readonly string[]).map((l) => l.trim());
      if (lines.length !== unit.spans.length) {
        problems.push({ unit, message: `has ${lines.length} line(s); the English has ${unit.spans.length}, and line numbers must not change` });
        continue;
      }
      const tooLong = lines.findIndex((l, i) => columns(l) > (room[i] ?? 0));
      if (tooLong >= 0) {
        problems.push({ unit, message: `line ${tooLong + 1} of the translation goes past ${maxLength} columns: shorten it` });
        continue;
      }
      if (lines.some((l) => l.trim() === '')) {
        problems.push({ unit, message: 'has an empty line: every line of the English must have text' });
        continue;
      }
    }
    if (unit.quote && breaksDocstring(unit.quote, lines, unit.key)) {
      problems.push({ unit, message: `would end or change the docstring: mind ${unit.quote} and backslashes` });
      continue;
    }
    unit.spans.forEach((span, i) => replacements.push({ start: span.start, end: span.end, text: lines![i] ?? '' }));
    translated[unit.kind === 'comment' ? 'comments' : 'docstrings']++;
  }

  let code = '';
  let at = 0;
  for (const r of replacements.sort((a, b) => a.start - b.start)) {
    code += source.slice(at, r.start) + r.text;
    at = r.end;
  }
  code += source.slice(at);
  return { code, missing, problems, translated };
}
