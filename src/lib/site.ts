/** Locales of the site. English is the root locale; pt-BR lives under `/pt-br/`. */
export const locales = {
  root: { label: 'English', lang: 'en' },
  'pt-br': { label: 'Português do Brasil', lang: 'pt-BR' },
} as const;

export type Lang = 'en' | 'pt-BR';

/** The path prefix of a language's pages ('' for the root locale). */
export function localePrefix(lang: Lang): string {
  return lang === 'en' ? '' : 'pt-br/';
}

/** Language of a page from its content id (`pt-br/about` -> pt-BR). */
export function langOfId(id: string): Lang {
  return id === 'pt-br' || id.startsWith('pt-br/') ? 'pt-BR' : 'en';
}
