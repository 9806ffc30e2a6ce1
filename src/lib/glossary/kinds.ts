import type { GlossaryLang } from './data';

/**
 * Search result kinds, as Pagefind filters (`data-pagefind-filter="kind:chapter"`). Each
 * language has its own index, so the filter's name and values are in the reader's language:
 * Pagefind's UI shows them as they are.
 */
export type Kind = 'chapter' | 'glossary' | 'example';

export const kindLabels: Record<GlossaryLang, { filter: string } & Record<Kind, string>> = {
  en: { filter: 'kind', chapter: 'chapter', glossary: 'glossary', example: 'example' },
  'pt-BR': { filter: 'tipo', chapter: 'capítulo', glossary: 'glossário', example: 'exemplo' },
};

/** The value of `data-pagefind-filter` that marks a page as one kind. */
export function kindFilter(lang: GlossaryLang, kind: Kind): string {
  return `${kindLabels[lang].filter}:${kindLabels[lang][kind]}`;
}

/** An empty element carrying the filter; Pagefind reads the value from the attribute. */
export function kindMarker(lang: GlossaryLang, kind: Kind) {
  return {
    type: 'element' as const,
    tagName: 'span',
    properties: { dataPagefindFilter: kindFilter(lang, kind), hidden: true },
    children: [],
  };
}
