/**
 * An exercise as one Python file that checks itself on the reader's computer:
 *
 *     uv run breakfast.py          # checks the answer (or: python3 breakfast.py)
 *     python3 breakfast.py --run   # runs it as a program, unchecked
 *
 * Layout: the prompt in the docstring, a ten-line harness, the reader's code between two marker
 * lines, and on the last line (a comment) the checker, the checks and the words, as JSON. The
 * harness runs first and exits, so the reader's own `if __name__ == "__main__":` block only runs
 * with --run or when livecheck runs it as a program during a check. The same livecheck.py and
 * check.py as in the page, on the real clock (threads and processes work there).
 */
import type { Lang } from '../site.ts';
import { checkRequest, type CheckData, type CheckerFiles } from './driver.ts';

export const CODE_START = '# ===== your code: edit below this line =====';
export const CODE_END = '# ===== end of your code =====';
export const DATA_PREFIX = '# livecheck-data: ';

export interface DownloadWords {
  /** How to check it (`{file}`). */
  check: string;
  /** How to run it unchecked (`{file}`). */
  run: string;
  /** Where to write. */
  where: string;
}

export const DOWNLOAD_WORDS: Record<Lang, DownloadWords> = {
  en: {
    where: 'Write your answer between the two marked lines below.',
    check: 'Check it:  uv run {file}   (or: python3 {file})',
    run: 'Run it without checking:  python3 {file} --run',
  },
  'pt-BR': {
    where: 'Escreva a sua resposta entre as duas linhas marcadas abaixo.',
    check: 'Verifique:  uv run {file}   (ou: python3 {file})',
    run: 'Rode sem verificar:  python3 {file} --run',
  },
};

/** Markdown to plain text for a docstring: code marks and links kept readable, lines wrapped. */
export function plainText(markdown: string, width = 92): string {
  const text = markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\W)\*([^*]+)\*(?=\W|$)/g, '$1$2')
    .replace(/\\/g, '\\\\')
    .replace(/"""/g, '"\\""');
  return text
    .split(/\n{2,}/)
    .map((paragraph) => wrap(paragraph.replace(/\s*\n\s*/g, ' ').trim(), width))
    .join('\n\n');
}

function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const HARNESS = `import sys


def _check_or_run() -> int:
    """Checks the code between the marked lines with the exercise's checks (on the last line)."""
    import json
    import types

    with open(__file__, encoding="utf-8") as file:
        data = json.loads(file.read().rstrip("\\n").rsplit("\\n", 1)[-1][len("${DATA_PREFIX}"):])
    for name, source in data["checker"].items():  # livecheck_words, livecheck_engine, livecheck
        module = sys.modules[name] = types.ModuleType(name)
        exec(compile(source, f"{name}.py", "exec"), module.__dict__)
    livecheck = sys.modules["livecheck"]
    return livecheck.run_file(__file__) if "--run" in sys.argv[1:] else livecheck.check_file(__file__)


if __name__ == "__main__":
    sys.exit(_check_or_run())
`;

export interface DownloadData extends CheckData {
  prompt: { en: string; 'pt-BR': string };
  /** Packages it needs besides Python (`aiohttp>=3.8`), for the PEP 723 block `uv run` reads. */
  dependencies?: readonly string[];
}

/** The file's PEP 723 block: the Python it needs and, when it has any, its packages. */
export function scriptMetadata(dependencies: readonly string[] = []): string[] {
  const listed = dependencies.length === 0 ? [] : ['# dependencies = [', ...dependencies.map((d) => `#     "${d}",`), '# ]'];
  return ['# /// script', '# requires-python = ">=3.11"', ...listed, '# ///'];
}

export function exerciseFile(exercise: DownloadData, code: string, lang: Lang, checker: CheckerFiles): string {
  const words = DOWNLOAD_WORDS[lang];
  const fill = (template: string) => template.replaceAll('{file}', exercise.file);
  const request = checkRequest(exercise, '', lang);
  // In import order: each module finds the ones before it in sys.modules.
  const modules = {
    livecheck_words: checker['livecheck_words.py'],
    livecheck_engine: checker['livecheck_engine.py'],
    livecheck: checker['livecheck.py'],
  };
  // `needs`: the header's packages again, for the checker to say how to get them when they are missing.
  const data = { checker: modules, check: exercise.check, texts: request.texts, lang, seed: request.seed, needs: exercise.dependencies ?? [] };
  const body = code.endsWith('\n') ? code : `${code}\n`;
  const docstring = [
    plainText(exercise.title[lang]),
    '',
    plainText(exercise.prompt[lang]),
    '',
    words.where,
    '',
    `    ${fill(words.check)}`,
    `    ${fill(words.run)}`,
  ].join('\n');
  return [
    ...scriptMetadata(exercise.dependencies),
    `"""${docstring}\n"""`,
    '',
    HARNESS,
    CODE_START,
    body + CODE_END,
    // JSON keeps to one line: newlines inside strings are escaped.
    `${DATA_PREFIX}${JSON.stringify(data)}`,
    '',
  ].join('\n');
}
