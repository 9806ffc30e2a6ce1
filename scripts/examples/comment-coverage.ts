import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translationUnits, type TranslationUnit } from '../../src/lib/examples/comment-translation.ts';
import { EXAMPLES_DIR } from '../../src/lib/examples/files.ts';
import { lexPython } from '../../src/lib/examples/python-lexer.ts';
import {
  describeUnit,
  howToAdd,
  readTranslationFile,
  translateExample,
  translationFileName,
  type CommentLang,
} from '../../src/lib/examples/translations.ts';

/**
 * How complete one folder's translation file is: every comment and docstring paragraph of every
 * Python file in the folder (programs and the helpers they import, which pages show too) needs
 * an entry that can be used as written, and every entry must match something.
 */
export interface FolderReport {
  folder: string;
  /** Every unit of every file, in file order then line order. */
  units: { id: string; unit: TranslationUnit }[];
  /** One readable line per problem (missing, unusable, unused), then how to fix them. */
  errors: string[];
  /** Keys of the file that match no unit. */
  unused: string[];
  /** What the file translates: comment lines and whole docstrings. */
  counts: { comments: number; docstrings: number };
}

/** Folders under examples/ that hold Python files, sorted. */
export function exampleFolders(root: string = EXAMPLES_DIR): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(path.join(root, entry.name)).some((f) => f.endsWith('.py')))
    .map((entry) => entry.name)
    .sort();
}

export function pythonFilesOf(folder: string, root: string = EXAMPLES_DIR): string[] {
  return readdirSync(path.join(root, folder))
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => `${folder}/${name}`);
}

export function folderReport(folder: string, lang: CommentLang, root: string = EXAMPLES_DIR): FolderReport {
  const entries = readTranslationFile(path.join(root, folder, translationFileName(lang)));
  const units: FolderReport['units'] = [];
  const errors: string[] = [];
  const counts = { comments: 0, docstrings: 0 };
  const used = new Set<string>();
  let missing = 0;
  for (const id of pythonFilesOf(folder, root)) {
    const source = readFileSync(path.join(root, id), 'utf8');
    let fileUnits: TranslationUnit[];
    try {
      fileUnits = translationUnits(source);
    } catch (error) {
      errors.push(`examples/${id}: ${(error as Error).message}`);
      continue;
    }
    for (const unit of fileUnits) {
      units.push({ id, unit });
      used.add(unit.key);
    }
    const result = translateExample(id, source, lang, root);
    missing += result.missing.length;
    for (const unit of result.missing) errors.push(`${describeUnit(id, unit)} has no ${lang} translation`);
    for (const { unit, message } of result.problems) errors.push(`${describeUnit(id, unit)}: the ${lang} translation ${message}`);
    const failed = new Set([...result.missing, ...result.problems.map((p) => p.unit)]);
    const done = fileUnits.filter((unit) => !failed.has(unit));
    counts.comments += done.filter((u) => u.kind === 'comment').reduce((n, u) => n + u.spans.length, 0);
    counts.docstrings += new Set(done.filter((u) => u.kind === 'docstring').map((u) => u.docstring)).size;
  }
  const unused = [...entries.keys()].filter((key) => !used.has(key));
  const file = `examples/${folder}/${translationFileName(lang)}`;
  for (const key of unused) {
    errors.push(`${file}: the entry "${key}" matches no comment or docstring in examples/${folder}/ (remove it, or fix its key)`);
  }
  if (missing > 0 && units[0]) errors.push(`To fix: ${howToAdd(units[0].id, lang)}`);
  return { folder, units, errors, unused, counts };
}

/** What CPython's `tokenize` and `ast` say about a source (scripts/examples/comment_tokens.py). */
export interface PythonView {
  error?: string;
  comments?: { line: number; col: number; text: string }[];
  docstrings?: { line: number; col: number; endLine: number; endCol: number }[];
  /** Only when a translation was given: whether it has the original's code, token for token. */
  sameCode?: boolean;
  difference?: string;
}

const COMMENT_TOKENS = fileURLToPath(new URL('./comment_tokens.py', import.meta.url));

/**
 * Asks CPython about many sources in one process (a few hundred files take about a second).
 * `python` is an interpreter command; the newest one found reads the newest syntax.
 */
export function pythonView(
  python: string,
  items: readonly { id: string; source: string; translated?: string }[],
): Promise<Record<string, PythonView>> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [COMMENT_TOKENS], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`${python} ${COMMENT_TOKENS} exited with ${status}: ${err}`));
      else resolve(JSON.parse(out) as Record<string, PythonView>);
    });
    child.stdin.end(JSON.stringify(items));
  });
}

/**
 * The lines a translation changes whose English text the recorded output shows. A program's
 * output can depend on its comments and docstrings only by showing its own source (a traceback
 * or a warning quotes the line it points at) or its docstrings; either shows up here.
 */
export function changedTextInOutput(source: string, translated: string, output: string): string[] {
  const before = source.split('\n');
  const after = translated.split('\n');
  const found: string[] = [];
  before.forEach((line, index) => {
    if (line === after[index]) return;
    const stripped = line.trim();
    const bare = stripped.replace(/^[rRuU]?("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '').trim();
    const quoted = [stripped, bare].find((text) => text.length >= 12 && output.includes(text));
    if (quoted) found.push(`line ${index + 1}: "${quoted}"`);
  });
  return found;
}

/**
 * Whether a translation changes a docstring: the only translated text a running program holds
 * (comments never reach the compiled code; tokens prove the rest is the same).
 */
export function changesDocstrings(source: string, translated: string): boolean {
  const bodies = (text: string) => lexPython(text).docstrings.map((d) => text.slice(d.bodyStart, d.bodyEnd));
  return bodies(source).join('\0') !== bodies(translated).join('\0');
}
