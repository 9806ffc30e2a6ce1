/**
 * The Portuguese pages say one thing one way. A term that has a glossary name, or a house choice,
 * is written the same everywhere: "bug" (not "defeito"), "levanta" for *raise* (not "lança"),
 * "E/S" as in the glossary's "Limitado por E/S" (not "I/O"), and times as a Brazilian reader says
 * them ("Aos dois segundos, ..."), not calqued from English ("Com dois segundos, ...").
 *
 * The check reads the prose a reader sees: pt-BR pages, pt-BR glossary entries (their search
 * aliases may keep the other spellings, so that a search for them still finds the entry), the
 * pt-BR strings of the figures and of the UI. Code (fenced blocks, inline code, link targets) is
 * left alone: it is Python and English on purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

interface Rule {
  /** What is written instead of the house term. */
  banned: RegExp;
  /** What to write. */
  write: string;
}

const NUMBER = '(?:um|uma|dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|meio|\\d+(?:,\\d+)?)';

const RULES: readonly Rule[] = [
  { banned: /\bdefeitos?\b/giu, write: 'bug / bugs' },
  {
    banned: /\blan[çc](?:a|am|ar|ou|aram|ada|adas|ado|ados|ando|ará|arão|aria|ariam|e|em)\b/giu,
    write: 'levanta (raise)',
  },
  { banned: /\bI\/O\b(?!-bound)/gu, write: 'E/S (the glossary: "Limitado por E/S")' },
  {
    banned: new RegExp(`\\b[Cc]om ${NUMBER} ?(?:s|ms|segundos?|milissegundos?|minutos?),`, 'gu'),
    write: 'a Brazilian time phrase: "Aos dois segundos, ...", "Passado um segundo, ..."',
  },
];

/** The prose of an MDX or Markdown file: no code, no link targets, no imports, no search aliases. */
function proseOf(source: string): string {
  return source
    .replace(/^```[\s\S]*?^```/gmu, (block) => '\n'.repeat(block.split('\n').length - 1))
    .replace(/`[^`\n]*`/gu, '')
    .replace(/\]\([^)\n]*\)/gu, ']')
    .replace(/^import .*$/gmu, '')
    .replace(/^aliases:.*$/gmu, '');
}

/** The Portuguese half of a figure component: its `'pt-BR': { ... }` table of strings. */
function portugueseStringsOf(figure: string): string {
  const start = figure.indexOf("'pt-BR': {");
  const end = figure.indexOf('}[lang]', start);
  if (start < 0 || end < 0) return '';
  // Keep the lines before it as blank lines, so reported line numbers match the file.
  return '\n'.repeat(figure.slice(0, start).split('\n').length - 1) + figure.slice(start, end);
}

function findBannedTerms(file: string, prose: string): string[] {
  const found: string[] = [];
  prose.split('\n').forEach((line, index) => {
    for (const rule of RULES) {
      for (const match of line.matchAll(rule.banned)) {
        found.push(`${file}:${index + 1}: "${match[0]}" -> write ${rule.write}`);
      }
    }
  });
  return found;
}

const root = path.resolve('.');
const filesUnder = (dir: string, pattern: RegExp): string[] =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .map((file) => path.join(dir, file).split(path.sep).join('/'))
    .sort();

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the rules catch what they are for (so the check below can fail)', () => {
  test.each([
    ['Com um segundo, `waiting` é cancelada.', 'Com um segundo,'],
    ['- Com 0,5 s, a tarefa acorda.', 'Com 0,5 s,'],
    ['o que pega defeitos de concorrência', 'defeitos'],
    ['o `put()` lança `TypeError`', 'lança'],
    ['uma exceção lançada numa tarefa', 'lançada'],
    ['Trabalho limitado por I/O', 'I/O'],
  ])('flags %j', (text, expected) => {
    const found = findBannedTerms('sample.mdx', proseOf(text));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`"${expected}"`);
  });

  test.each([
    'Aos dois segundos, `slow` é cancelada.',
    'Trabalho **limitado por E/S** (*I/O-bound*)',
    'com um segundo de atraso',
    'o lançamento do Python 3.13',
    'O `get()` levanta `QueueEmpty`, um bug comum.',
    'Use `io.BytesIO` e `# I/O` só em código: `sock.send()  # lança`',
    '```python\n# I/O bound, lança\n```',
    'aliases: ["limitado por I/O"]',
    '[a página](https://example.org/I/O)',
  ])('leaves %j alone', (text) => {
    expect(findBannedTerms('sample.mdx', proseOf(text))).toEqual([]);
  });

  test('a figure is read only in its Portuguese strings, at the right line', () => {
    const figure = "const text = {\n  en: { a: 'I/O' },\n  'pt-BR': {\n    a: 'espera por I/O',\n  },\n}[lang];\n";
    expect(findBannedTerms('F.astro', portugueseStringsOf(figure))).toEqual([
      'F.astro:4: "I/O" -> write E/S (the glossary: "Limitado por E/S")',
    ]);
  });
});

describe('pt-BR uses one term for each idea', () => {
  const pages = filesUnder('src/content/docs/pt-br', /\.mdx?$/);
  const glossary = filesUnder('src/content/glossary/pt-br', /\.md$/);
  const figures = filesUnder('src/components/figures', /\.astro$/);

  test('there is Portuguese content to read', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(glossary.length).toBeGreaterThan(20);
  });

  test('pages and glossary entries', () => {
    const found = [...pages, ...glossary].flatMap((file) => findBannedTerms(file, proseOf(read(file))));
    expect(found).toEqual([]);
  });

  test("examples' comments and docstrings (examples/*/comments.pt-BR.json)", () => {
    const files = filesUnder('examples', /comments\.pt-BR\.json$/);
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((file) => {
      // One line per translation, with its key's line in the file, so a report points at it.
      const lines = read(file).split('\n');
      const values = lines.map((line) => {
        const value = /^\s*"(?:[^"\\]|\\.)*":\s*(.*?),?$/.exec(line)?.[1] ?? line.trim();
        return value.startsWith('"') ? (JSON.parse(value.replace(/,$/, '')) as string) : value;
      });
      return findBannedTerms(file, proseOf(values.join('\n')));
    });
    expect(found).toEqual([]);
  });

  test('figures and UI strings', () => {
    const found = [
      ...figures.flatMap((file) => findBannedTerms(file, portugueseStringsOf(read(file)))),
      ...findBannedTerms('src/content/i18n/pt-BR.json', read('src/content/i18n/pt-BR.json')),
    ];
    expect(found).toEqual([]);
  });
});
