import type { Element, Root } from 'hast';
import { describe, expect, test } from 'vitest';
import { createMatcher, linkText, rehypeGlossaryLinks, type LinkableTerm } from '../../../src/lib/glossary/link';
import { docsLang } from '../../../src/lib/glossary/satteri-plugin';

const terms: LinkableTerm[] = [
  { id: 'event-loop', phrases: ['event loop', 'loop de eventos'], definition: 'The scheduler.', href: '/glossary/event-loop/' },
  { id: 'event', phrases: ['Event', 'asyncio.Event'], definition: 'A flag.', href: '/glossary/event/', caseSensitive: true },
  { id: 'gil', phrases: ['GIL', 'global interpreter lock'], definition: 'One thread at a time.', href: '/glossary/gil/' },
  { id: 'coroutine', phrases: ['coroutine'], definition: 'A pausable function.', href: '/glossary/coroutine/' },
  { id: 'semaphore', phrases: ['Semáforo'], definition: 'Permits.', href: '/pt-br/glossary/semaphore/' },
];

const text = (value: string) => ({ type: 'text' as const, value });
const el = (tagName: string, children: Root['children'], properties = {}): Element =>
  ({ type: 'element', tagName, properties, children }) as Element;
const root = (...children: Root['children']): Root => ({ type: 'root', children });

/** The terms linked in a tree, in document order, with the text that was linked. */
function links(tree: Root): [string, string][] {
  const out: [string, string][] = [];
  const walk = (n: Root | Element) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'a' && c.properties?.dataGlossaryTerm) {
        out.push([String(c.properties.dataGlossaryTerm), (c.children[0] as { value: string }).value]);
      }
      walk(c);
    }
  };
  walk(tree);
  return out;
}

const run = (tree: Root) => {
  rehypeGlossaryLinks({ terms })(tree);
  return tree;
};

describe('glossary term linking', () => {
  test('links the first mention of each term only, case-insensitively and in whole words', () => {
    const tree = run(
      root(
        el('p', [text('The Event Loop runs one coroutine; another event loop? No, one.')]),
        el('p', [text('Coroutines and the gil.')]),
      ),
    );
    expect(links(tree)).toEqual([
      ['event-loop', 'Event Loop'],
      ['coroutine', 'coroutine'],
      ['gil', 'gil'],
    ]);
  });

  test('prefers the longest phrase and accepts a plural', () => {
    const tree = run(root(el('p', [text('The global interpreter lock stops coroutines.')])));
    expect(links(tree)).toEqual([
      ['gil', 'global interpreter lock'],
      ['coroutine', 'coroutines'],
    ]);
  });

  test('never links inside code, pre, headings or existing links', () => {
    const tree = run(
      root(
        el('h2', [text('The event loop')]),
        el('p', [el('code', [text('event loop')]), text(' and '), el('a', [text('the GIL')], { href: '/x/' })]),
        el('pre', [el('code', [text('coroutine')])]),
        el('div', [text('coroutine')], { className: ['expressive-code'] }),
        el('p', [text('Now the event loop.')]),
      ),
    );
    expect(links(tree)).toEqual([['event-loop', 'event loop']]);
  });

  test('never links inside text hidden from assistive technology, such as an aside title', () => {
    const tree = run(
      root(
        el('p', [text('Caution: the event loop')], { className: ['starlight-aside__title'], ariaHidden: 'true' }),
        el('p', [text('Blocking the event loop stalls every task.')]),
      ),
    );
    expect(links(tree)).toEqual([['event-loop', 'event loop']]);
    const firstParagraph = tree.children[0] as Element;
    expect(firstParagraph.children).toEqual([text('Caution: the event loop')]);
  });

  test('does not match inside longer words or dotted names', () => {
    const tree = run(root(el('p', [text('Eventually a GILded coroutine_x or obj.coroutine appears.')])));
    expect(links(tree)).toEqual([]);
  });

  test('case-sensitive terms need their capitals', () => {
    expect(links(run(root(el('p', [text('an event happened')]))))).toEqual([]);
    expect(links(run(root(el('p', [text('set the Event')]))))).toEqual([['event', 'Event']]);
  });

  test('matches accented words in Portuguese', () => {
    const tree = run(root(el('p', [text('Use um semáforo e o loop de eventos.')])));
    expect(links(tree)).toEqual([
      ['semaphore', 'semáforo'],
      ['event-loop', 'loop de eventos'],
    ]);
  });

  test('the link points at the entry and is described by a tooltip holding the definition', () => {
    const tree = run(root(el('p', [text('About the GIL today.')])));
    const p = tree.children[0] as Element;
    expect(p.children.map((c) => c.type)).toEqual(['text', 'element', 'text']);
    const wrapper = p.children[1] as Element;
    const [a, tip] = wrapper.children as Element[];
    expect(a!.properties).toMatchObject({ href: '/glossary/gil/', ariaDescribedBy: ['gl-def-gil'] });
    expect(tip!.properties).toMatchObject({ id: 'gl-def-gil', role: 'tooltip' });
    expect(tip!.children).toEqual([text('One thread at a time.')]);
    expect((p.children[2] as { value: string }).value).toBe(' today.');
  });

  test('linkText leaves text without terms alone', () => {
    expect(linkText('nothing to see', createMatcher(terms), new Set())).toBeNull();
  });

  test('the language of a docs page comes from its path; other files are not docs pages', () => {
    expect(docsLang('/repo/src/content/docs/chapters/01-x.mdx')).toBe('en');
    expect(docsLang('/repo/src/content/docs/pt-br/chapters/01-x.mdx')).toBe('pt-BR');
    expect(docsLang('/repo/src/content/glossary/en/gil.md')).toBeUndefined();
  });
});
