import { z } from 'astro/zod';

/**
 * One glossary entry in one language: `src/content/glossary/<lang>/<id>.md`, where `<id>` is
 * the English slug shared by both languages (`gil`, `event-loop`). The Markdown body is the
 * longer explanation. Frontmatter values are written as JSON (which is also YAML) so the
 * build-time term linker can read them without a YAML parser (see `frontmatter.ts`).
 */
export const glossaryEntrySchema = z.object({
  /** The term as the entry's title in this language. */
  name: z.string().min(1),
  /** Other names a reader might search for or a chapter might use, in this language. */
  aliases: z.array(z.string().min(1)).default([]),
  /** One sentence: shown under the title, in the index and in the popover on chapter pages. */
  definition: z.string().min(1),
  /** Ids of related entries (checked at build time: each must exist). */
  related: z.array(z.string().min(1)).default([]),
  /** Docs slugs of the chapters that use the term, e.g. `chapters/02-asyncio-basics`. */
  chapters: z.array(z.string().min(1)).default([]),
  /** Link only mentions written with the same capitals (`Future`, `Event`: common words). */
  caseSensitive: z.boolean().default(false),
});

export type GlossaryEntryData = z.infer<typeof glossaryEntrySchema>;
