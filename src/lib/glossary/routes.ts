import { glossaryEntries } from './collection';
import type { GlossaryLang } from './data';

/** `getStaticPaths` for one language's term pages: one page per entry, linked to its twin. */
export async function termPaths(lang: GlossaryLang) {
  const all = await glossaryEntries(lang);
  const others = await glossaryEntries(lang === 'en' ? 'pt-BR' : 'en');
  const twins = new Map(others.map((e) => [e.term, e]));
  return all.map((entry) => ({ params: { term: entry.term }, props: { entry, all, twin: twins.get(entry.term) } }));
}
