import axeCore from 'axe-core';
import type { Page } from '@playwright/test';

/** WCAG 2.x, levels A and AA: the rules the site promises to meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Expressive Code's blocks and the static code of the playgrounds and of the exercises' starters
 * (highlighted like the editor): one element per highlighted token, which makes axe's contrast
 * rule take seconds per block (chapter 2: 17.8 s with them, 2.0 s without). Their colours are
 * checked by sampling instead (`Axe.violations({ codeSamples })`), and what scrolls in them by
 * `Axe.keyboardReach`. The starters once slipped through (`.pg-static` is the playgrounds'
 * wrapper only): axe walked 500 of their tokens on chapter 6, a quarter of what it walked.
 */
export const CODE_BLOCKS = '.expressive-code, .pg-editor-static .cm-content';

/**
 * The figures drawn for one page (diagrams and recorded-run timelines): the part of a page's
 * colours that is its own. Everything else in a page (text, navigation, asides, tables, the
 * playgrounds' chrome) comes from its template's components.
 */
export const PAGE_FIGURES = 'figure.diagram, figure[data-timeline-figure]';

/** Marks the elements `codeSamples` picked; axe is pointed at them. */
const SAMPLE = 'data-contrast-sample';

/** Marks what can scroll, for `keyboardReach`. */
const SCROLLS = 'data-scrolls';

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

export interface AxeOptions {
  /** Only these axe rules; default: every WCAG 2.x A/AA rule. */
  rules?: string[];
  /** CSS selectors to check; default: the whole page. */
  include?: string[];
  /** CSS selectors to leave out; default: the code blocks. */
  exclude?: string[];
  /**
   * Also check the contrast of highlighted code under these selectors (default: the code
   * blocks) in the page's current theme, on one sample of each distinct combination of colour,
   * background, weight and size: the same verdict as checking every token, in milliseconds.
   * Default: the code blocks inside `include`; `false`: no samples.
   */
  codeSamples?: string | false;
  /** Check only `include` and the code samples, never the whole page (default false). */
  onlyIncluded?: boolean;
}

/** The colour scheme of an open page, switched in place (Starlight keys its themes on `data-theme`). */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((t) => {
    document.documentElement.dataset.theme = t;
  }, theme);
}

/** axe-core over a page, the checks every browser spec shares. */
export class Axe {
  constructor(private readonly page: Page) {}

  /** axe's violations on the page, each with the selectors of the elements at fault. */
  async violations({ rules, include = [], exclude = [CODE_BLOCKS], codeSamples, onlyIncluded = false }: AxeOptions = {}): Promise<
    Violation[]
  > {
    const scope =
      codeSamples ?? (include.length > 0 ? include.flatMap((s) => CODE_BLOCKS.split(', ').map((block) => `${s} ${block}`)).join(', ') : CODE_BLOCKS);
    const sampled = scope === false ? 0 : await this.markCodeSamples(scope);
    // A sample inside an excluded block is included again: axe goes by the nearest ancestor.
    const included = [...include, ...(sampled > 0 ? [`[${SAMPLE}]`] : [])];
    if (onlyIncluded && included.length === 0) return [];
    if (included.length > 0 && include.length === 0 && !onlyIncluded) included.unshift('html');
    const runOnly = rules ? { type: 'rule' as const, values: rules } : { type: 'tag' as const, values: WCAG_TAGS };
    return this.run({ include: included, exclude }, { runOnly, resultTypes: ['violations'] });
  }

  /**
   * axe-core run in the page itself, loaded once per document: the 580 kB script used to be
   * sent and compiled twice for every run, three runs a crawled page. Only the violations come
   * back (the passes of a chapter list thousands of nodes).
   */
  private async run(context: { include: string[]; exclude: string[] }, options: axeCore.RunOptions): Promise<Violation[]> {
    const loaded = await this.page.evaluate(() => 'axe' in window);
    if (!loaded) await this.page.evaluate(axeCore.source);
    return this.page.evaluate(
      async ([context, options]) => {
        const axe = (window as unknown as { axe: typeof axeCore }).axe;
        // No selector to include: the whole document (this site has no frames).
        const include = context.include.length > 0 ? context.include : [document];
        const results = await axe.run({ include, exclude: context.exclude }, options);
        return results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
        }));
      },
      [context, options] as const,
    );
  }

  /**
   * Colour contrast of what a page draws for itself, in its current theme: its figures and one
   * sample of each kind of highlighted code (see `PAGE_FIGURES`). The dark theme is checked
   * this way on every page and in full once per template: the full run walks every element of
   * the page (seconds on a chapter) to judge colours that are the template's.
   */
  async pageContrast(): Promise<Violation[]> {
    const code = await this.page.locator(CODE_BLOCKS).count();
    const figures = await this.page.locator(PAGE_FIGURES).count();
    return this.violations({
      rules: ['color-contrast'],
      include: figures > 0 ? [PAGE_FIGURES] : [],
      codeSamples: code > 0 ? CODE_BLOCKS : false,
      onlyIncluded: true,
    });
  }

  /**
   * Everything that scrolls sideways can be reached and scrolled with the keyboard (axe's
   * scrollable-region-focusable), code blocks included: a wide snippet at phone width once
   * scrolled out of a keyboard's reach.
   */
  async keyboardReach(): Promise<Violation[]> {
    // axe judges only what scrolls: walking a whole chapter for this one rule took seconds.
    const scrolling = await this.page.evaluate((mark) => {
      document.querySelectorAll(`[${mark}]`).forEach((el) => el.removeAttribute(mark));
      let found = 0;
      for (const el of document.body.querySelectorAll('*')) {
        if (el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight) continue;
        const style = getComputedStyle(el);
        if (!/auto|scroll/.test(`${style.overflowX} ${style.overflowY}`)) continue;
        el.setAttribute(mark, '');
        found++;
      }
      return found;
    }, SCROLLS);
    if (scrolling === 0) return [];
    return this.violations({
      rules: ['scrollable-region-focusable'],
      include: [`[${SCROLLS}]`],
      exclude: [],
      codeSamples: false,
    });
  }

  /**
   * Leaves in each code block only one highlighted element per kind of token (its classes and
   * inline colours, which carry both themes' colours), and drops the rest: what the contrast
   * samples are drawn from stays, and axe no longer walks thousands of token elements it was
   * told to leave out (4,800 of chapter 6's 6,700 elements). Layout changes, so check keyboard
   * reach and sideways scroll first. Returns how many elements were removed.
   */
  pruneCodeBlocks(): Promise<number> {
    return this.page.evaluate((blocks) => {
      let removed = 0;
      for (const block of document.querySelectorAll(blocks)) {
        // Per block: a block's place can change its tokens' colours (an exercise's starter, a
        // block in an aside), and a token kept in another block would not show it.
        const seen = new Set<string>();
        for (const el of [...block.querySelectorAll('*')]) {
          if (!el.isConnected || el.children.length > 0) continue;
          const key = `${el.getAttribute('class') ?? ''}|${el.getAttribute('style') ?? ''}|${el.parentElement?.getAttribute('class') ?? ''}`;
          if (seen.has(key)) {
            el.remove();
            removed++;
          } else {
            seen.add(key);
          }
        }
      }
      // Lines left without text are empty boxes now: drop them too.
      for (const line of document.querySelectorAll(`:is(${blocks}) :is(.ec-line, .cm-line)`)) {
        if (line.textContent?.trim() === '') {
          line.remove();
          removed++;
        }
      }
      return removed;
    }, CODE_BLOCKS);
  }

  /** Marks one element per distinct text colour, background, weight and size under `scope`. */
  private markCodeSamples(scope: string): Promise<number> {
    return this.page.evaluate(
      ([selector, mark]) => {
        document.querySelectorAll(`[${mark}]`).forEach((el) => el.removeAttribute(mark));
        const transparent = new Set(['rgba(0, 0, 0, 0)', 'transparent']);
        const background = (el: Element): string => {
          for (let node: Element | null = el; node; node = node.parentElement) {
            const color = getComputedStyle(node).backgroundColor;
            if (!transparent.has(color)) return color;
          }
          return 'none';
        };
        const seen = new Set<string>();
        for (const root of document.querySelectorAll(selector)) {
          for (const el of root.querySelectorAll('*')) {
            const hasText = [...el.childNodes].some(
              (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
            );
            if (!hasText || !el.checkVisibility()) continue;
            const style = getComputedStyle(el);
            const key = [style.color, background(el), style.fontWeight, style.fontSize, style.opacity].join('|');
            if (seen.has(key)) continue;
            seen.add(key);
            el.setAttribute(mark, '');
          }
        }
        return seen.size;
      },
      [scope, SAMPLE] as const,
    );
  }
}
