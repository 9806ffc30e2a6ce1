/**
 * The UI strings of exercises: every `exercise.*` key of the English strings file, without its
 * prefix (the same scheme as the playground's, see lib/playground/string-keys.ts). The build
 * fails if pt-BR lacks one (ui-strings-schema).
 */
import type english from '../../content/i18n/en.json';

export { format } from '../playground/string-keys.ts';

const PREFIX = 'exercise.';

type PrefixedKey = keyof typeof english;
export type ExerciseStringKey = PrefixedKey extends infer K ? (K extends `exercise.${infer Rest}` ? Rest : never) : never;
export type ExerciseStrings = Record<ExerciseStringKey, string>;

export function exerciseStrings(all: Readonly<Record<string, string>>): ExerciseStrings {
  return Object.fromEntries(
    Object.entries(all)
      .filter(([key]) => key.startsWith(PREFIX))
      .map(([key, value]) => [key.slice(PREFIX.length), value]),
  ) as ExerciseStrings;
}
