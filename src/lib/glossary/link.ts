/**
 * Term linking, framework-free: the first mention of a glossary term on a page becomes a link
 * to its entry, carrying the one-sentence definition for the popover. Used by the build's
 * Markdown pipeline (`satteri-plugin.ts`) and unit-tested on small hast trees
 * (`rehypeGlossaryLinks`).
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';

export interface LinkableTerm {
  id: string;
  /** Name and aliases in the page's language. */
  phrases: string[];
  definition: string;
  /** Absolute path of the entry page, base included. */
  href: string;
  caseSensitive?: boolean;
}

export interface TermMatcher {
  regex: RegExp;
  byPhrase: Map<string, LinkableTerm>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One regular expression for all phrases, longest first so "event loop" wins over "event".
 * Whole words only (Unicode letters and digits on either side block a match); a trailing
 * plural "s"/"es" is accepted so "coroutines" finds "coroutine".
 */
export function createMatcher(terms: LinkableTerm[]): TermMatcher {
  const byPhrase = new Map<string, LinkableTerm>();
  for (const term of terms) {
    for (const phrase of term.phrases) {
      const key = phrase.toLowerCase();
      if (!byPhrase.has(key)) byPhrase.set(key, term);
    }
  }
  const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const body = phrases.length ? phrases.map(escape).join('|') : '(?!)';
  const regex = new RegExp(`(?<![\\p{L}\\p{N}_.-])(${body})(?:e?s)?(?![\\p{L}\\p{N}_]|-\\p{L})`, 'giu');
  return { regex, byPhrase };
}

/** Elements whose text is never linked: code, headings, links, controls, and anything marked. */
const SKIP_TAGS = new Set([
  'a', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math', 'button',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dfn', 'abbr', 'title', 'textarea', 'select', 'label',
]);
const SKIP_COMPONENTS = /code|playground|glossary|term|link|card|heading/i;

interface AncestorLike {
  type: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
}

/** True when text under this node must stay as it is. */
export function isExcluded(node: AncestorLike): boolean {
  if (node.type === 'element') {
    if (node.tagName && SKIP_TAGS.has(node.tagName)) return true;
    const props = node.properties ?? {};
    if ('dataGlossarySkip' in props || 'data-glossary-skip' in props) return true;
    // Hidden from assistive technology (Starlight's aside titles repeat the aside's label):
    // a link there would be focusable yet unannounced.
    const hidden = props.ariaHidden ?? props['aria-hidden'];
    if (hidden === true || hidden === 'true') return true;
    const cls = props.className ?? props.class;
    const classes = Array.isArray(cls) ? cls.join(' ') : typeof cls === 'string' ? cls : '';
    return /\b(expressive-code|not-content|gl-term|sl-anchor-link)\b/.test(classes);
  }
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    return SKIP_COMPONENTS.test(node.name ?? '');
  }
  return false;
}

/** The nodes that replace one mention: a link described by a tooltip holding the definition. */
export function termLink(term: LinkableTerm, text: string): Element {
  const tipId = `gl-def-${term.id}`;
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['gl-term'] },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { href: term.href, ariaDescribedBy: [tipId], dataGlossaryTerm: term.id },
        children: [{ type: 'text', value: text }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { id: tipId, role: 'tooltip', className: ['gl-tip'], dataPagefindIgnore: '' },
        children: [{ type: 'text', value: term.definition }],
      },
    ],
  };
}

/**
 * Splits one text value around the first mentions of terms not yet in `used` (which it
 * updates). Returns null when nothing in it is linked, so callers leave the node alone.
 */
export function linkText(value: string, matcher: TermMatcher, used: Set<string>): ElementContent[] | null {
  const out: ElementContent[] = [];
  let last = 0;
  matcher.regex.lastIndex = 0;
  for (const m of value.matchAll(matcher.regex)) {
    const phrase = m[1]!;
    const term = matcher.byPhrase.get(phrase.toLowerCase());
    if (!term || used.has(term.id)) continue;
    if (term.caseSensitive && !term.phrases.includes(phrase)) continue;
    used.add(term.id);
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    out.push(termLink(term, m[0]));
    last = m.index + m[0].length;
  }
  if (out.length === 0) return null;
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/**
 * The same transform as a unified-style plugin over a plain hast tree: walks in document
 * order, skipping excluded subtrees, and links each term's first mention.
 */
export function rehypeGlossaryLinks(options: { terms: LinkableTerm[] }) {
  const matcher = createMatcher(options.terms);
  return (tree: Root) => {
    const used = new Set<string>();
    const walk = (parent: Root | Element) => {
      const children = parent.children as RootContent[];
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'text') {
          const replaced = linkText((child as Text).value, matcher, used);
          if (replaced) {
            children.splice(i, 1, ...(replaced as RootContent[]));
            i += replaced.length - 1;
          }
        } else if ('children' in child && !isExcluded(child as AncestorLike)) {
          walk(child as Element);
        }
      }
    };
    walk(tree);
  };
}
