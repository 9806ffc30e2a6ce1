/**
 * Exercise texts are Markdown (inline code, emphasis, links, short lists). They are rendered at
 * build time with micromark, which escapes raw HTML: the texts cannot inject markup.
 */
import { micromark } from 'micromark';

export function markdownToHtml(markdown: string): string {
  return micromark(markdown.trim());
}

/** One paragraph's worth of Markdown, without the paragraph around it (a choice, a title). */
export function inlineMarkdownToHtml(markdown: string): string {
  return markdownToHtml(markdown)
    .replace(/^<p>/, '')
    .replace(/<\/p>\s*$/, '');
}
