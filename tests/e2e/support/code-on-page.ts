import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlaygroundConfig } from '../../../src/lib/playground/config';

/**
 * The Python a built page shows a reader, as text: every highlighted code block and every
 * playground's placeholder (one line of text per line of code), every playground's program and
 * read-only files (its config, what the editor, a fork and a share link start from), and every
 * `.py` download link. Prose is left out: it may quote code on purpose.
 */
export interface CodeOnPage {
  /** Texts of code: each a program, a file or a block. */
  texts: string[];
  /** The playgrounds' configs, for what the editor, a fork and a share link start from. */
  configs: PlaygroundConfig[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function codeOnPage(html: string): CodeOnPage {
  const texts: string[] = [];
  for (const [, block = ''] of html.matchAll(/<pre\b[^>]*>([\s\S]*?)<\/pre>/g)) {
    // Each line of code is an element of its own: `.ec-line` in Expressive Code's blocks,
    // `.cm-line` in a playground's placeholder (the editor's own markup).
    const lines = block.replace(/<div class="(?:ec-line|cm-line)"/g, '\n$&');
    texts.push(decodeEntities(lines.replace(/<[^>]+>/g, '')));
  }
  const configs: PlaygroundConfig[] = [];
  for (const [, json = ''] of html.matchAll(/<script type="application\/json" class="pg-config">([\s\S]*?)<\/script>/g)) {
    const config = JSON.parse(json) as PlaygroundConfig;
    configs.push(config);
    texts.push(config.main.code, ...config.extraFiles.map((f) => f.code));
  }
  for (const [, data = ''] of html.matchAll(/href="data:text\/x-python;charset=utf-8,([^"]*)"/g)) {
    texts.push(decodeURIComponent(decodeEntities(data)));
  }
  return { texts, configs };
}

/**
 * The lines of `texts` that show one of `english` (texts of comment and docstring lines): a
 * comment whose text is one of them, or a line that is one of them (a docstring's line, its
 * quotes aside).
 */
export function englishShown(texts: readonly string[], english: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\u00a0/g, ' ').trim();
      const hash = line.indexOf('#');
      const comment = hash >= 0 ? line.slice(hash).replace(/^#+\s*/, '').trim() : undefined;
      const bare = line.replace(/^[rRuU]?("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '').trim();
      for (const candidate of [comment, bare]) {
        if (candidate && english.has(candidate)) found.add(candidate);
      }
      // A comment after code that itself holds a `#` (in a string): try every `#`.
      for (let at = line.indexOf('#', hash + 1); at >= 0; at = line.indexOf('#', at + 1)) {
        const later = line.slice(at).replace(/^#+\s*/, '').trim();
        if (english.has(later)) found.add(later);
      }
    }
  }
  return [...found];
}

export function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file))
    .sort();
}

export const readText = (file: string): string => readFileSync(file, 'utf8');
