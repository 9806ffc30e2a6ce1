/** Glossary entries from the content collection, for the glossary pages. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { glossaryFolders, type GlossaryLang } from './data';

export type GlossaryEntry = CollectionEntry<'glossary'> & { term: string; lang: GlossaryLang };

const langOfFolder = (folder: string): GlossaryLang =>
  (Object.keys(glossaryFolders) as GlossaryLang[]).find((lang) => glossaryFolders[lang] === folder) ?? 'en';

/** Every entry of a language, each with its term id (the file name) and language. */
export async function glossaryEntries(lang: GlossaryLang): Promise<GlossaryEntry[]> {
  const all = await getCollection('glossary');
  const entries = all
    .map((e) => {
      const [folder, term] = e.id.split('/');
      return { ...e, term: term!, lang: langOfFolder(folder!) };
    })
    .filter((e) => e.lang === lang);
  // Broken cross-references fail the build: related ids must name entries of this language.
  const ids = new Set(entries.map((e) => e.term));
  for (const e of entries) {
    const missing = e.data.related.filter((r) => !ids.has(r));
    if (missing.length) {
      throw new Error(`Glossary entry ${e.id}: related term(s) ${missing.join(', ')} do not exist in ${lang}.`);
    }
  }
  return entries;
}

/** The title of a docs page in a language, for "Used in" lists (undefined if it does not exist). */
export async function docsTitle(slug: string, lang: GlossaryLang): Promise<string | undefined> {
  const id = lang === 'en' ? slug : `${glossaryFolders[lang]}/${slug}`;
  const entry = await getEntry('docs', id);
  return entry?.data.title;
}
