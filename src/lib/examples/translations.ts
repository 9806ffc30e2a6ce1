import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { translateSource, type TranslatedSource, type Translation, type TranslationUnit } from './comment-translation.ts';
import { EXAMPLES_DIR } from './files.ts';

/**
 * The translations of the examples' comments and docstrings, kept beside the examples: one JSON
 * file per folder and language, `examples/<folder>/comments.<lang>.json`, mapping each English
 * text (a comment or docstring paragraph, see comment-translation.ts) to its translation. The
 * English file is the program; a page in another language shows it with its comments translated.
 */
export type CommentLang = 'pt-BR';

/** Languages whose pages show translated comments (English is the source). */
export const COMMENT_LANGS: readonly CommentLang[] = ['pt-BR'];

export function translationFileName(lang: CommentLang): string {
  return `comments.${lang}.json`;
}

/** `examples/04-concurrent-web-requests/comments.pt-BR.json` for any file of that folder. */
export function translationFileFor(exampleId: string, lang: CommentLang, root: string = EXAMPLES_DIR): string {
  return path.join(root, path.dirname(exampleId), translationFileName(lang));
}

export class TranslationFileError extends Error {}

const cache = new Map<string, { mtimeMs: number; entries: Map<string, Translation> }>();

/** The entries of a translation file, in file order (empty when the file does not exist). */
export function readTranslationFile(file: string): Map<string, Translation> {
  if (!existsSync(file)) return new Map();
  const { mtimeMs } = statSync(file);
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.entries;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TranslationFileError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TranslationFileError(`${file} must hold one JSON object: English text -> translation`);
  }
  const entries = new Map<string, Translation>();
  for (const [key, value] of Object.entries(parsed)) {
    const ok = typeof value === 'string' || (Array.isArray(value) && value.every((line) => typeof line === 'string'));
    if (!ok) throw new TranslationFileError(`${file}: the translation of "${key}" must be a string or an array of lines`);
    // NFC: a line's length in columns must not depend on how an editor composed "ç".
    entries.set(key, typeof value === 'string' ? value.normalize('NFC') : value.map((line: string) => line.normalize('NFC')));
  }
  cache.set(file, { mtimeMs, entries });
  return entries;
}

/** An example's source with its comments translated into `lang`, and what could not be. */
export function translateExample(exampleId: string, source: string, lang: CommentLang, root: string = EXAMPLES_DIR): TranslatedSource {
  const entries = readTranslationFile(translationFileFor(exampleId, lang, root));
  return translateSource(source, (key) => entries.get(key));
}

/** How to fix a missing or unusable translation, for error messages. */
export function describeUnit(exampleId: string, unit: TranslationUnit): string {
  const what = unit.kind === 'comment' ? 'comment' : 'docstring';
  return `examples/${exampleId}:${unit.line}: ${what} "${unit.key}"`;
}

export function howToAdd(exampleId: string, lang: CommentLang): string {
  const file = `examples/${path.dirname(exampleId)}/${translationFileName(lang)}`;
  return (
    `add the English text as a key to ${file} with its translation as the value ` +
    `(\`node scripts/examples/comments.ts add ${path.dirname(exampleId)}\` adds the missing keys with empty values to fill in)`
  );
}

/**
 * What a page in `lang` shows of an example: English pages get the file as it is; any other
 * language gets its comments translated. A missing or unusable translation fails the build, with
 * what to add and where.
 */
export function localizedSource(exampleId: string, source: string, lang: string): string {
  const target = COMMENT_LANGS.find((l) => l === lang);
  if (!target) return source;
  const result = translateExample(exampleId, source, target);
  const errors = [
    ...result.missing.map((unit) => `${describeUnit(exampleId, unit)} has no ${target} translation`),
    ...result.problems.map(({ unit, message }) => `${describeUnit(exampleId, unit)}: the ${target} translation ${message}`),
  ];
  if (errors.length > 0) throw new TranslationFileError(`${errors.join('\n')}\nTo fix: ${howToAdd(exampleId, target)}`);
  return result.code;
}
