import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { glossaryHastPlugin } from './satteri-plugin';
import { loadLinkableTerms } from './terms';

/**
 * Links glossary terms in docs pages and ships the popover's script and styles to every page.
 * Astro 7 renders Markdown with Sätteri, which ignores `markdown.rehypePlugins` unless
 * `@astrojs/markdown-remark` is installed; this registers a Sätteri hast plugin instead,
 * the way Starlight and starlight-links-validator register theirs. Listed after Starlight,
 * it runs after the links validator, so generated glossary links are not validated as
 * hand-written ones.
 */
export function glossary(): AstroIntegration {
  return {
    name: 'site-glossary',
    hooks: {
      'astro:config:setup': ({ config, injectScript, logger, addWatchFile }) => {
        const root = new URL('./src/content/glossary/', config.root);
        const terms = loadLinkableTerms(fileURLToPath(root), config.base);
        const processor = config.markdown.processor as { name?: string; options?: { hastPlugins?: unknown[] } };
        if (processor?.name === 'satteri' && Array.isArray(processor.options?.hastPlugins)) {
          processor.options.hastPlugins.push(glossaryHastPlugin(terms));
        } else {
          logger.warn(`Markdown processor "${processor?.name}" is not Sätteri: glossary terms will not be linked.`);
        }
        addWatchFile(root);
        injectScript('page', `import '/src/lib/glossary/popover.ts';`);
        injectScript('page-ssr', `import '/src/styles/glossary.css';`);
      },
    },
  };
}
