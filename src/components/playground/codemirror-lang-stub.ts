/**
 * Stands in for @codemirror/lang-javascript, lang-html and lang-css (aliased in
 * astro.config.mjs). Sandpack imports them for its web templates; the playground edits Python
 * only, and leaving them out keeps ~45 KB gzipped out of the editor chunk.
 */
import type { Extension } from '@codemirror/state';

const none = (): Extension => [];

export { none as css, none as html, none as javascript };
