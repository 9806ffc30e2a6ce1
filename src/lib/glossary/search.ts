/**
 * An entry's name as a search word for its `name` metadata, which Pagefind weighs most
 * (astro.config.mjs): lower case, without accents (`Tarefa` -> `tarefa`). Only a one-word name
 * gets one: Pagefind matches the last word of a query as a prefix, so a token built from a
 * longer name (`tarefaeager`) would be boosted for a query of its first word (`tarefa`) as much
 * as that word's own entry. Longer names are still found through their title and `term` metadata.
 */
export function nameToken(name: string): string | undefined {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}._]+/u)
    .filter(Boolean);
  return words.length === 1 ? words[0] : undefined;
}
