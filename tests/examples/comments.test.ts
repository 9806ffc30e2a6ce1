/**
 * The examples' comments and docstrings in the readers' languages (issue: code that speaks the
 * reader's language). A page in pt-BR shows every program with its comments translated from
 * `examples/<folder>/comments.pt-BR.json`; these tests hold that to four promises:
 *
 * 1. every comment and docstring of every example has a translation (a missing one fails,
 *    naming the file and line, and says how to add it), and every entry is used;
 * 2. the translation touches comments and docstrings only, by CPython's own reading: the lexer
 *    that applies it finds what `tokenize` and `ast` find, and the translated program has the
 *    original's code token for token, at the same lines and columns;
 * 3. the translated program passes pycodestyle (100 columns), like the original;
 * 4. its output is the recorded one. Browser examples run translated in Pyodide
 *    (tests/examples/pyodide.test.ts). For every example, here: nothing the translation changes
 *    is quoted by the recorded output. Given (2), a program can only notice its comments or
 *    docstrings by showing them (a traceback or a warning quotes its line, a docstring printed),
 *    so (2) plus this check prove local examples without running them twice (see the README).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { translationUnits } from '../../src/lib/examples/comment-translation.ts';
import { discoverExamples } from '../../src/lib/examples/discover.ts';
import { expectedPathFor } from '../../src/lib/examples/files.ts';
import { lexPython, positionOf } from '../../src/lib/examples/python-lexer.ts';
import { COMMENT_LANGS, translateExample } from '../../src/lib/examples/translations.ts';
import {
  changedTextInOutput,
  exampleFolders,
  folderReport,
  pythonFilesOf,
  pythonView,
  type PythonView,
} from '../../scripts/examples/comment-coverage.ts';
import { runPycodestyle } from '../../scripts/examples/lint.ts';
import { findPythons } from '../../scripts/examples/python.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/comments/examples/', import.meta.url));
const folders = exampleFolders();
const files = folders.flatMap((folder) => pythonFilesOf(folder));
const source = (id: string, root = EXAMPLES) => readFileSync(path.join(root, id), 'utf8');

/** The newest CPython here reads the newest syntax the examples use. */
const newest = [...findPythons()].sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }))[0];

describe.each(COMMENT_LANGS)('comments in %s', (lang) => {
  describe.each(folders)('examples/%s', (folder) => {
    test('every comment and docstring has a translation that fits, and every entry is used', () => {
      const report = folderReport(folder, lang);
      if (report.errors.length > 0) throw new Error(report.errors.join('\n'));
    });
  });

  describe('CPython reads the translated programs as the originals', () => {
    let views: Record<string, PythonView> = {};
    const scratch = mkdtempSync(path.join(tmpdir(), `comments-${lang}-`));

    beforeAll(async () => {
      if (!newest) return;
      views = await pythonView(
        newest.command,
        files.map((id) => ({ id, source: source(id), translated: translateExample(id, source(id), lang).code })),
      );
    });
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    test('the lexer that translates finds the comments and docstrings CPython finds', (ctx) => {
      if (!newest) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
      const wrong = files.flatMap((id) => {
        const view = views[id];
        if (!view || view.error) return [`examples/${id}: ${view?.error ?? 'not inspected'}`];
        const lexed = lexPython(source(id));
        const ours = lexed.comments.map((c) => `${c.line}:${c.col} ${c.text}`);
        const theirs = (view.comments ?? []).map((c) => `${c.line}:${c.col} ${c.text}`);
        const ourDocs = lexed.docstrings.map((d) => positionOf(lexed.lineStarts, d.start)).map((p) => `${p.line}:${p.col}`);
        const theirDocs = (view.docstrings ?? []).map((d) => `${d.line}:${d.col}`);
        return [
          ...(ours.join('\n') === theirs.join('\n') ? [] : [`examples/${id}: comments differ: ours ${ours.join(' | ')}; CPython's ${theirs.join(' | ')}`]),
          ...(ourDocs.join() === theirDocs.join() ? [] : [`examples/${id}: docstrings at ${ourDocs.join(', ')}; CPython's at ${theirDocs.join(', ')}`]),
        ];
      });
      expect(wrong).toEqual([]);
    });

    test('without comments and docstrings, each translated program is its original, token for token', (ctx) => {
      if (!newest) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
      const changed = files
        .filter((id) => views[id]?.sameCode !== true)
        .map((id) => `examples/${id} (${lang}): ${views[id]?.difference ?? views[id]?.error ?? 'not compared'}`);
      expect(changed).toEqual([]);
    });

    test('pycodestyle accepts the translated programs (lines of at most 100 columns)', async (ctx) => {
      for (const id of files) {
        mkdirSync(path.join(scratch, path.dirname(id)), { recursive: true });
        writeFileSync(path.join(scratch, id), translateExample(id, source(id), lang).code);
      }
      const result = await runPycodestyle([scratch]);
      if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
      if (result.ok === false) throw new Error(result.report.split(scratch).join(`(${lang}) examples`));
    });

    test('no recorded output quotes text the translation changes', () => {
      const quoting = discoverExamples().programs.flatMap((program) => {
        const original = source(program.id);
        const found = changedTextInOutput(original, translateExample(program.id, original, lang).code, readFileSync(program.expectedFile, 'utf8'));
        return found.map((where) => `examples/${program.id} ${where}: its ${lang} output would differ; reword the comment or docstring, or move it off the quoted line`);
      });
      expect(quoting).toEqual([]);
    });
  });
});

describe('the checks fail when they should (tests/examples/fixtures/comments/)', () => {
  const id = 'demo/greet.py';

  test('a missing translation names the file, the line and how to add it; an unused entry is named too', () => {
    const report = folderReport('demo', 'pt-BR', FIXTURES);
    expect(report.errors).toEqual([
      'examples/demo/greet.py:10: comment "the answer" has no pt-BR translation',
      'examples/demo/comments.pt-BR.json: the entry "a comment no program has" matches no comment or docstring in examples/demo/ (remove it, or fix its key)',
      expect.stringMatching(/^To fix: add the English text as a key to examples\/demo\/comments\.pt-BR\.json .*comments\.ts add demo/),
    ]);
  });

  test('a string that looks like a comment is left alone', () => {
    const translated = translateExample(id, source(id, FIXTURES), 'pt-BR', FIXTURES).code;
    expect(translated).toContain('print("hello  # not a comment")  # imprime uma vez');
    expect(translationUnits(source(id, FIXTURES)).map((u) => u.key)).not.toContain('not a comment")');
  });

  test('CPython tells a changed program from a translated one', async (ctx) => {
    if (!newest) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
    const original = source(id, FIXTURES);
    const translated = translateExample(id, original, 'pt-BR', FIXTURES).code;
    const views = await pythonView(newest.command, [
      { id: 'translated', source: original, translated },
      { id: 'string changed', source: original, translated: translated.replace('print(42)', 'print(43)') },
      { id: 'line added', source: original, translated: translated.replace('    main()', '    main()\n') },
    ]);
    expect(views['translated']?.sameCode).toBe(true);
    expect(views['string changed']?.difference).toMatch(/NUMBER '42' at line 10 in the original, NUMBER '43'/);
    expect(views['line added']?.sameCode).toBe(false);
  });

  test('an output that quotes a changed line is caught', () => {
    const original = source(id, FIXTURES);
    const translated = translateExample(id, original, 'pt-BR', FIXTURES).code;
    const traceback = `  File "greet.py", line 9, in main\n    print("hello  # not a comment")  # prints once\n`;
    expect(changedTextInOutput(original, translated, traceback)).toEqual([
      'line 9: "print("hello  # not a comment")  # prints once"',
    ]);
    expect(changedTextInOutput(original, translated, readFileSync(expectedPathFor(path.join(FIXTURES, id)), 'utf8'))).toEqual([]);
  });
});
