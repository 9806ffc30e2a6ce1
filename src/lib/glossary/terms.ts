import { readGlossary, glossaryFolders, type GlossaryLang, type GlossaryTerm } from './data';
import type { LinkableTerm } from './link';

/** URL path of an entry (or of the index when `id` is omitted), base included. */
export function glossaryHref(base: string, lang: GlossaryLang, id?: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const prefix = lang === 'en' ? '' : `${glossaryFolders[lang]}/`;
  return `${b}${prefix}glossary/${id ? `${id}/` : ''}`;
}

export function toLinkable(terms: GlossaryTerm[], base: string): LinkableTerm[] {
  return terms.map((t) => ({
    id: t.id,
    phrases: [t.name, ...t.aliases],
    definition: t.definition,
    href: glossaryHref(base, t.lang, t.id),
    caseSensitive: t.caseSensitive,
  }));
}

/** Both languages' linkable terms, read once from `src/content/glossary/`. */
export function loadLinkableTerms(root: string, base: string): Record<GlossaryLang, LinkableTerm[]> {
  return {
    en: toLinkable(readGlossary(root, 'en'), base),
    'pt-BR': toLinkable(readGlossary(root, 'pt-BR'), base),
  };
}
