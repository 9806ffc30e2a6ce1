/**
 * The UI strings the playground island reads: every `playground.*` key of the English strings
 * file (src/content/i18n/en.json), without its prefix. The type comes from the file itself, so
 * adding a string there is the only step; the build fails if pt-BR lacks it (ui-strings-schema).
 */
import type english from '../../content/i18n/en.json';

const PREFIX = 'playground.';

type PrefixedKey = keyof typeof english;
export type PlaygroundStringKey = PrefixedKey extends infer K ? (K extends `playground.${infer Rest}` ? Rest : never) : never;
export type PlaygroundStrings = Record<PlaygroundStringKey, string>;

/** The island's strings out of a whole strings file (or a lookup of one), keys unprefixed. */
export function playgroundStrings(all: Readonly<Record<string, string>>): PlaygroundStrings {
  return Object.fromEntries(
    Object.entries(all)
      .filter(([key]) => key.startsWith(PREFIX))
      .map(([key, value]) => [key.slice(PREFIX.length), value]),
  ) as PlaygroundStrings;
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
