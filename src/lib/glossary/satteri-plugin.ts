/**
 * Adapter for Astro 7's default Markdown processor (Sätteri), which runs its own hast plugin
 * format instead of rehype plugins. Links glossary terms in docs pages only; the language
 * comes from the file's path (`src/content/docs/pt-br/...` is pt-BR).
 */
import { fileURLToPath } from 'node:url';
import type { Text } from 'hast';
import type { GlossaryLang } from './data';
import { kindMarker } from './kinds';
import { langOfId } from '../site';
import { createMatcher, isExcluded, linkText, type LinkableTerm } from './link';

interface NodeLike {
  type: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
}
interface VisitorContext {
  readonly fileURL: URL | undefined;
  parent(node: unknown): NodeLike | undefined;
  replaceNode(node: unknown, nodes: unknown[]): void;
  insertBefore(node: unknown, nodes: unknown): void;
  appendChild(node: unknown, nodes: unknown): void;
}

/** Language of a docs file from its path, or undefined when the file is not a docs page. */
export function docsLang(path: string): GlossaryLang | undefined {
  const p = path.replaceAll('\\', '/');
  const i = p.indexOf('/src/content/docs/');
  if (i < 0) return undefined;
  return langOfId(p.slice(i + '/src/content/docs/'.length));
}

export function glossaryHastPlugin(terms: Record<GlossaryLang, LinkableTerm[]>) {
  const matchers = { en: createMatcher(terms.en), 'pt-BR': createMatcher(terms['pt-BR']) };
  // A factory: called once per document, so "first mention" state is per page.
  return ({ fileURL }: { fileURL: URL | undefined }) => {
    const path = fileURL ? fileURLToPath(fileURL) : '';
    const lang = docsLang(path);
    if (!lang) return null;
    const matcher = matchers[lang];
    const used = new Set<string>();
    const isChapter = /[\\/]src[\\/]content[\\/]docs[\\/](pt-br[\\/])?chapters[\\/]/.test(path);
    let hasExample = false;
    return {
      name: 'glossary-links',
      // Search kinds: a chapter page is a chapter; a page with a playground also holds examples.
      after(root: unknown, ctx: VisitorContext) {
        if (isChapter) ctx.appendChild(root, kindMarker(lang, 'chapter'));
      },
      mdxJsxFlowElement: {
        filter: ['Playground'],
        visit(node: unknown, ctx: VisitorContext) {
          if (hasExample) return;
          hasExample = true;
          ctx.insertBefore(node, kindMarker(lang, 'example'));
        },
      },
      text(node: Readonly<Text>, ctx: VisitorContext) {
        if (!node.value || !/\p{L}/u.test(node.value)) return;
        for (let p = ctx.parent(node); p; p = p.type === 'root' ? undefined : ctx.parent(p)) {
          if (isExcluded(p)) return;
        }
        const replaced = linkText(node.value, matcher, used);
        if (replaced) ctx.replaceNode(node, replaced);
      },
    };
  };
}
