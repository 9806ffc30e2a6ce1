/** Sorting and grouping for the A–Z index; framework-free so it can be unit-tested. */

/** Lower-case, accents removed: "Semáforo" and "semaforo" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The index letter of a name: its first letter without accents, upper-case; '#' otherwise. */
export function initial(name: string): string {
  const ch = fold(name).match(/\p{L}/u)?.[0];
  return ch && /^[a-z]$/.test(ch) && /^\p{L}/u.test(fold(name)) ? ch.toUpperCase() : '#';
}

/** Groups items by initial, letters in order and items sorted by name in the language. */
export function groupByInitial<T>(items: T[], name: (item: T) => string, lang: string): [string, T[]][] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const sorted = [...items].sort((a, b) => collator.compare(name(a), name(b)));
  const groups = new Map<string, T[]>();
  for (const item of sorted) {
    const key = initial(name(item));
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)));
}
