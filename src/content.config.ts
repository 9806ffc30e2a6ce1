import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { uiStrings } from './lib/ui-strings-schema';
import { glossaryEntrySchema } from './lib/glossary/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Our own UI strings sit beside Starlight's in the same files; the schema makes a missing
  // key a build error instead of a blank on the page.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStrings }) }),
  // One Markdown file per term and language: `glossary/en/gil.md`, `glossary/pt-br/gil.md`.
  glossary: defineCollection({
    loader: glob({ pattern: '*/*.md', base: './src/content/glossary' }),
    schema: glossaryEntrySchema,
  }),
};
