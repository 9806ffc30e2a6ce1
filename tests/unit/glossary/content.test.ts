/**
 * The glossary's integrity checks: both languages hold every term, entries point at chapters
 * that exist, and every glossary page a docs page links to exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readGlossary } from '../../../src/lib/glossary/data';
import { fold } from '../../../src/lib/glossary/order';

const root = join(import.meta.dirname, '../../..');
const glossaryRoot = join(root, 'src/content/glossary');
const docsRoot = join(root, 'src/content/docs');
const en = readGlossary(glossaryRoot, 'en');
const pt = readGlossary(glossaryRoot, 'pt-BR');
const ids = new Set(en.map((t) => t.id));

/** The seed's keyword list, by the ids of their entries. */
const SEED = [
  'simultaneity', 'parallelism', 'concurrency', 'preemptive-multitasking', 'cooperative-multitasking',
  'process', 'thread', 'multithreading', 'multiprocessing', 'gil',
];

const docsPageExists = (slug: string) =>
  ['.mdx', '.md', '/index.mdx', '/index.md'].some((ext) => existsSync(join(docsRoot, `${slug}${ext}`)));

function docsFiles(dir = docsRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? docsFiles(join(dir, d.name)) : /\.mdx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('glossary content', () => {
  test('has at least 30 terms, the seed’s ten keywords among them', () => {
    expect(en.length).toBeGreaterThanOrEqual(30);
    expect(SEED.filter((id) => !ids.has(id))).toEqual([]);
  });

  test('both languages have every term', () => {
    expect(pt.map((t) => t.id)).toEqual(en.map((t) => t.id));
  });

  test('related terms, chapters and case rule are the same in both languages', () => {
    const ptById = new Map(pt.map((t) => [t.id, t]));
    for (const t of en) {
      const twin = ptById.get(t.id)!;
      expect([t.id, twin.related, twin.chapters, twin.caseSensitive]).toEqual([t.id, t.related, t.chapters, t.caseSensitive]);
    }
  });

  test('related terms exist and are not the entry itself', () => {
    const broken = en.flatMap((t) => t.related.filter((r) => !ids.has(r) || r === t.id).map((r) => `${t.id} -> ${r}`));
    expect(broken).toEqual([]);
  });

  test('every chapter an entry lists exists in both languages', () => {
    const missing = en.flatMap((t) =>
      t.chapters
        .filter((slug) => !docsPageExists(slug) || !docsPageExists(`pt-br/${slug}`))
        .map((slug) => `${t.id} -> ${slug}`),
    );
    expect(missing).toEqual([]);
  });

  test('links between entries point at existing entries', () => {
    const broken = [...en, ...pt].flatMap((t) =>
      [...t.body.matchAll(/\]\(\.\.\/([^/)#]+)\/?\)/g)].filter((m) => !ids.has(m[1]!)).map((m) => `${t.lang}/${t.id} -> ${m[1]}`),
    );
    expect(broken).toEqual([]);
  });

  test('every glossary term a docs page links to exists', () => {
    const broken: string[] = [];
    for (const file of docsFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/glossary\/([a-z0-9-]+)\/?/g)) {
        if (!ids.has(m[1]!)) broken.push(`${relative(root, file)} -> ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('definitions are one sentence; no phrase names two entries in one language', () => {
    for (const terms of [en, pt]) {
      const owner = new Map<string, string>();
      for (const t of terms) {
        expect(t.definition, `${t.lang}/${t.id}`).toMatch(/[^.]\.$/);
        expect(t.definition.slice(0, -1), `${t.lang}/${t.id}`).not.toMatch(/[.!?]\s+\p{Lu}/u);
        for (const phrase of [t.name, ...t.aliases]) {
          const key = fold(phrase);
          expect(owner.get(key) ?? t.id, `"${phrase}" in ${t.lang}`).toBe(t.id);
          owner.set(key, t.id);
        }
      }
    }
  });
});
