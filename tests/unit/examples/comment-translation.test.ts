/**
 * Translating an example's comments and docstrings: what counts as one (Python's rules, not a
 * regex), how a translation is laid out on the English lines, and what is refused.
 */
import { describe, expect, test } from 'vitest';
import { translateSource, translationUnits, wrapInto, type Translation } from '../../../src/lib/examples/comment-translation';
import { lexPython, PythonLexError } from '../../../src/lib/examples/python-lexer';
import { localizedSource } from '../../../src/lib/examples/translations';

const comments = (source: string) => lexPython(source).comments.map((c) => c.text);
const keys = (source: string) => translationUnits(source).map((u) => u.key);
const using = (table: Record<string, Translation>) => (key: string) => table[key];

describe('the lexer finds comments where Python does', () => {
  test.each([
    ['a # in a string', 'x = "a # b"  # real\n', ['# real']],
    ["single quotes and escapes", "x = 'it\\'s # no'  # yes\n", ['# yes']],
    ['triple-quoted text over lines', 'x = """\n# not a comment\n"""  # one\n', ['# one']],
    ['raw strings keep backslashes', 'x = r"\\" # still text"  # after\n', ['# after']],
    ['bytes', "x = b'#'  # b\n", ['# b']],
    ['an f-string field with a # in its string', 'x = f"{d["#"]} #"  # f\n', ['# f']],
    ['an f-string format spec with a nested field', 'x = f"{v:{width}} # {{#}}"  # spec\n', ['# spec']],
    ['a comment inside brackets', 'x = [\n    1,  # first\n    2,\n]\n', ['# first']],
    ['a comment after a line continuation', 'x = 1 + \\\n    2  # sum\n', ['# sum']],
    ['a comment inside a 3.12 f-string field', 'x = f"""{\n    1  # inside\n}"""\n', ['# inside']],
  ])('%s', (_label, source, expected) => {
    expect(comments(source)).toEqual(expected);
  });

  test('a trailing comment is told from a full-line one', () => {
    const found = lexPython('# own line\nx = 1  # trailing\n').comments.map((c) => [c.text, c.trailing, c.line, c.col]);
    expect(found).toEqual([
      ['# own line', false, 1, 0],
      ['# trailing', true, 2, 7],
    ]);
  });

  test('docstrings: module, class, def and async def; not an f-string, bytes or a later string', () => {
    const source = [
      '"""Module."""',
      'class A:',
      '    """Class."""',
      '    async def f(self) -> None:',
      '        """Method."""',
      '        "not a docstring"',
      'def g():',
      '    x = 1',
      '    "not one either"',
      'def h():',
      '    f"no {1}"',
      'def k():',
      '    b"bytes"',
      '',
    ].join('\n');
    const lexed = lexPython(source);
    expect(lexed.docstrings.map((d) => [d.owner, source.slice(d.bodyStart, d.bodyEnd)])).toEqual([
      ['<module>', 'Module.'],
      ['A', 'Class.'],
      ['f', 'Method.'],
    ]);
  });

  test('a docstring of several literals is refused, not half translated', () => {
    expect(() => lexPython('def f():\n    "a" "b"\n')).toThrow(PythonLexError);
  });

  test('an unclosed string is an error with its line', () => {
    expect(() => lexPython('x = 1\ny = "open\n')).toThrow(/line 2/);
  });
});

describe('what is translated, in units', () => {
  test('consecutive comments at one column are one unit; an empty # or a list item starts another', () => {
    const source = ['# The first sentence goes', '# on here.', '#', '# A second paragraph.', '# - an item', '# - another', 'x = 1', ''].join('\n');
    expect(keys(source)).toEqual(['The first sentence goes on here.', 'A second paragraph.', '- an item', '- another']);
  });

  test('comments at different columns, or with code between them, are separate units', () => {
    expect(keys('# one\n    # two\nx = 1  # three\n# four\n')).toEqual(['one', 'two', 'three', 'four']);
  });

  test('a trailing comment continued under itself, at its column, is one unit', () => {
    const source = 'x = compute()  # the first half of a thought\n               # and its second half\ny = 2  # alone\n# next\n';
    expect(keys(source)).toEqual(['the first half of a thought and its second half', 'alone', 'next']);
    const { code } = translateSource(source, using({
      'the first half of a thought and its second half': 'a primeira metade de uma ideia e a segunda metade dela',
      alone: 'sozinho',
      next: 'próximo',
    }));
    const lines = code.split('\n');
    expect(lines[0]?.startsWith('x = compute()  # a primeira')).toBe(true);
    expect(lines[1]?.startsWith('               # ')).toBe(true);
    expect(`${lines[0]} ${lines[1]?.trim()}`).toContain('metade dela');
  });

  test('headers, PEP 723 blocks, tool directives and text without letters are not translated', () => {
    const source = [
      '#!/usr/bin/env python3',
      '#: runs: browser',
      '# /// script',
      '# requires-python = ">=3.11"',
      '# ///',
      'x = f()  # type: ignore',
      'y = g()  # pyright: ignore[reportUnusedCoroutine]',
      'z = 1  # noqa: E501',
      '# ----',
      'w = 2  # kept',
      '',
    ].join('\n');
    expect(keys(source)).toEqual(['kept']);
  });

  test('a docstring is translated paragraph by paragraph', () => {
    const source = 'def f():\n    """First line.\n\n    Second paragraph,\n    on two lines.\n    """\n';
    expect(keys(source)).toEqual(['First line.', 'Second paragraph, on two lines.']);
  });
});

describe('translateSource', () => {
  test('keeps every line, the code and the columns where comments start', () => {
    const source = 'total = 0  # running sum\nfor n in range(3):  # three rounds\n    total += n\n';
    const { code, missing } = translateSource(source, using({ 'running sum': 'soma acumulada', 'three rounds': 'três voltas' }));
    expect(missing).toEqual([]);
    expect(code).toBe('total = 0  # soma acumulada\nfor n in range(3):  # três voltas\n    total += n\n');
  });

  test('a longer translation is set on as many lines as the English had, none past 100 columns', () => {
    const english = '# The event loop keeps only a weak reference to a task, so keep a strong one\n# somewhere.\nx = 1\n';
    const pt =
      'O loop de eventos guarda só uma referência fraca a cada tarefa, então guarde uma referência forte em algum lugar do programa.';
    const { code } = translateSource(english, using({ [translationUnits(english)[0]!.key]: pt }));
    const lines = code.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('x = 1');
    expect(lines.slice(0, 2).every((l) => l.startsWith('# ') && [...l].length <= 100)).toBe(true);
    expect(lines.slice(0, 2).join(' ').replace(/# /g, '')).toBe(pt);
  });

  test('an array of lines is used as given, each line where the English line began', () => {
    const source = 'def f():\n    """Table:\n\n    a    first\n    bb   second\n    """\n';
    const { code } = translateSource(source, using({ 'Table:': 'Tabela:', 'a first bb second': ['a    primeiro', 'bb   segundo'] }));
    expect(code).toBe('def f():\n    """Tabela:\n\n    a    primeiro\n    bb   segundo\n    """\n');
  });

  test('what is missing or does not fit is reported and left in English', () => {
    const source = `x = 1  # short\ny = 2  # other\n`;
    const result = translateSource(source, using({ short: 'curto demais para caber '.repeat(5) }));
    expect(result.missing.map((u) => [u.key, u.line])).toEqual([['other', 2]]);
    expect(result.problems.map((p) => [p.unit.key, p.message])).toEqual([['short', expect.stringMatching(/does not fit on 1 line/)]]);
    expect(result.code).toBe(source);
  });

  test('an array with the wrong number of lines is refused: line numbers must not change', () => {
    const result = translateSource('# one\n# two\nx = 1\n', using({ 'one two': ['um', 'dois', 'três'] }));
    expect(result.problems[0]?.message).toMatch(/has 3 line\(s\); the English has 2/);
  });

  test('a translation that would close a docstring early is refused', () => {
    const result = translateSource('"""Doc."""\n', using({ 'Doc.': 'Termina com """ aqui' }));
    expect(result.problems[0]?.message).toMatch(/would end or change the docstring/);
  });
});

describe('wrapInto', () => {
  test('fills lines towards the English width and leaves no word behind', () => {
    const words = 'um dois três quatro cinco seis sete oito nove dez'.split(' ');
    const lines = wrapInto(words, [2, 2], 30)!;
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(words.join(' '));
    expect([...lines[0]!].length + 2).toBeLessThanOrEqual(30);
  });

  test('is undefined when the words cannot fill or fit the lines', () => {
    expect(wrapInto(['só'], [2, 2], 50)).toBeUndefined();
    expect(wrapInto(['x'.repeat(120)], [2], 100)).toBeUndefined();
  });
});

describe('localizedSource (what a page shows)', () => {
  test('an English page shows the file as it is', () => {
    const source = 'x = 1  # anything at all\n';
    expect(localizedSource('02-asyncio-basics/anything.py', source, 'en')).toBe(source);
  });

  test('a pt-BR page fails the build on a comment with no translation, naming file, line and the fix', () => {
    expect(() => localizedSource('02-asyncio-basics/new.py', 'import asyncio\nx = 1  # a brand new comment\n', 'pt-BR')).toThrow(
      /examples\/02-asyncio-basics\/new\.py:2: comment "a brand new comment" has no pt-BR translation\nTo fix: add the English text as a key to examples\/02-asyncio-basics\/comments\.pt-BR\.json/,
    );
  });

  test('a pt-BR page shows a real example with its comments translated', () => {
    const shown = localizedSource('11-synchronization/semaphore.py', 'slots = asyncio.Semaphore(2)  # at most two downloads at once\n', 'pt-BR');
    expect(shown).toBe('slots = asyncio.Semaphore(2)  # no máximo dois downloads de cada vez\n');
  });
});
