/**
 * `node scripts/examples/comments.ts <command> [folder ...]`: the translation files of the
 * examples' comments and docstrings (`examples/<folder>/comments.<lang>.json`).
 *
 * - `add`: adds every English text that has no entry yet, with an empty value to fill in, and
 *   orders the file as the texts appear in the folder's programs (unused entries go last);
 * - `check`: lists what is missing, what cannot be used as written and what matches nothing;
 *   exits 1 if anything is listed (the examples tier runs the same checks);
 * - `prune`: removes the entries that match no comment any more;
 * - `stats`: how many comments and docstrings each folder's translation covers.
 *
 * With no folder, every folder under examples/ that holds a Python file. `--lang pt-BR` picks
 * the language (the default is every language the site translates comments into).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { folderReport, exampleFolders, type FolderReport } from './comment-coverage.ts';
import { COMMENT_LANGS, readTranslationFile, translationFileName, type CommentLang } from '../../src/lib/examples/translations.ts';
import { EXAMPLES_DIR } from '../../src/lib/examples/files.ts';
import type { Translation } from '../../src/lib/examples/comment-translation.ts';

const args = process.argv.slice(2);
const command = args[0];
const langIndex = args.indexOf('--lang');
const langs: readonly CommentLang[] =
  langIndex >= 0 ? COMMENT_LANGS.filter((l) => l === args[langIndex + 1]) : COMMENT_LANGS;
const named = args.slice(1).filter((a, i, all) => a !== '--lang' && all[i - 1] !== '--lang');
const folders = named.length > 0 ? named.map((f) => f.replace(/^examples\//, '').replace(/\/$/, '')) : exampleFolders();

function write(file: string, entries: [string, Translation][]): void {
  writeFileSync(file, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`);
}

function ordered(report: FolderReport, existing: Map<string, Translation>, keepUnused: boolean): [string, Translation][] {
  const out: [string, Translation][] = [];
  const seen = new Set<string>();
  for (const { unit } of report.units) {
    if (seen.has(unit.key)) continue;
    seen.add(unit.key);
    out.push([unit.key, existing.get(unit.key) ?? '']);
  }
  if (keepUnused) for (const [key, value] of existing) if (!seen.has(key)) out.push([key, value]);
  return out;
}

let failed = false;
for (const lang of langs) {
  for (const folder of folders) {
    const file = path.join(EXAMPLES_DIR, folder, translationFileName(lang));
    const report = folderReport(folder, lang);
    const existing = readTranslationFile(file);
    const rel = `examples/${folder}/${translationFileName(lang)}`;
    if (command === 'add') {
      const before = existing.size;
      const entries = ordered(report, existing, true);
      const added = entries.length - before;
      if (added > 0 || JSON.stringify(entries) !== JSON.stringify([...existing])) write(file, entries);
      if (added > 0) console.log(`${rel}: ${added} entr${added === 1 ? 'y' : 'ies'} to fill in`);
    } else if (command === 'prune') {
      if (report.unused.length > 0) {
        write(file, ordered(report, existing, false));
        console.log(`${rel}: removed ${report.unused.length} unused entr${report.unused.length === 1 ? 'y' : 'ies'}`);
      }
    } else if (command === 'check') {
      for (const line of report.errors) console.log(line);
      if (report.errors.length > 0) failed = true;
    } else if (command === 'stats') {
      const { comments, docstrings } = report.counts;
      console.log(`${folder}\t${comments} comment(s)\t${docstrings} docstring(s)`);
    } else {
      console.error(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(2);
    }
  }
}
if (failed) process.exit(1);
