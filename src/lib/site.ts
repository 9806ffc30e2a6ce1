/**
 * The site's languages, written once. English is the root locale (no path segment); pt-BR lives
 * under `/pt-br/`, in `src/content/docs/pt-br/` and `src/content/glossary/pt-br/`. Every mapping
 * between a language, its locale, its path segment and its folder goes through this file.
 */
export const locales = {
  root: { label: 'English', lang: 'en' },
  'pt-br': { label: 'Português do Brasil', lang: 'pt-BR' },
} as const;

export type Lang = 'en' | 'pt-BR';

export const LANGS: readonly Lang[] = ['en', 'pt-BR'];

/** The path segment of a language's pages and content folders ('' for the root locale). */
const SEGMENT: Record<Lang, string> = { en: '', 'pt-BR': 'pt-br' };

/** The path prefix of a language's pages: '' or 'pt-br/'. */
export function localePrefix(lang: Lang): string {
  return SEGMENT[lang] ? `${SEGMENT[lang]}/` : '';
}

/** The language whose segment `segment` is ('pt-br' -> pt-BR); anything else is English. */
export function langOfSegment(segment: string | undefined): Lang {
  return LANGS.find((lang) => SEGMENT[lang] !== '' && SEGMENT[lang] === segment) ?? 'en';
}

/** Language of a page from its content id (`pt-br/about` -> pt-BR). */
export function langOfId(id: string): Lang {
  return langOfSegment(id.split('/')[0]);
}

/** Language of a page from Astro's `currentLocale` (`pt-br`, or `pt-BR` where Astro gives the tag). */
export function langOfLocale(locale: string | undefined): Lang {
  return langOfSegment(locale?.toLowerCase());
}

/** The other language (the site has two). */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'pt-BR' : 'en';
}
