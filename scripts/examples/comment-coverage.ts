import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { translationUnits, type TranslationUnit } from '../../src/lib/examples/comment-translation.ts';
import { EXAMPLES_DIR } from '../../src/lib/examples/files.ts';
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
