import { z } from 'astro/zod';
import english from '../content/i18n/en.json';

/**
 * Every key in the English strings file is required in every other language: a missing
 * translation fails the build with the key's name instead of leaving a blank on the page.
 */
export const uiStrings = z.object(
  Object.fromEntries(Object.keys(english).map((key) => [key, z.string().min(1)])),
);
