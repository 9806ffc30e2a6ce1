import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGlossaryFile } from './frontmatter';
import { glossaryEntrySchema, type GlossaryEntryData } from './schema';
import type { Lang } from '../site';

export type GlossaryLang = Lang;

/** Folder of each language under `src/content/glossary/` (the same as its URL prefix). */
export const glossaryFolders: Record<GlossaryLang, string> = { en: 'en', 'pt-BR': 'pt-br' };

export interface GlossaryTerm extends GlossaryEntryData {
  id: string;
  lang: GlossaryLang;
  body: string;
}

/** Every entry of one language, read straight from disk (config time and tests). */
export function readGlossary(root: string, lang: GlossaryLang): GlossaryTerm[] {
  const dir = join(root, glossaryFolders[lang]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const { data, body } = parseGlossaryFile(readFileSync(file, 'utf8'), file);
      const parsed = glossaryEntrySchema.safeParse(data);
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      return { ...parsed.data, id: f.replace(/\.md$/, ''), lang, body };
    });
}
