import { describe, expect, it } from 'vitest';
import en from '../../../src/content/i18n/en.json';
import pt from '../../../src/content/i18n/pt-BR.json';
import { format, playgroundStrings } from '../../../src/lib/playground/string-keys.ts';

describe('playground UI strings', () => {
  const english = playgroundStrings(en);
  const portuguese = playgroundStrings(pt);

  it('are the playground.* keys of a strings file, unprefixed', () => {
    expect(english.run).toBe(en['playground.run']);
    expect(Object.keys(english)).not.toContain('site.tagline');
    expect(Object.keys(english).every((key) => !key.startsWith('playground.'))).toBe(true);
  });

  it('pt-BR has every key the island reads, none empty, and no stray ones', () => {
    expect(Object.keys(portuguese).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of Object.entries(portuguese)) expect(value.trim(), key).not.toBe('');
  });

  it('placeholders match between languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(english)) {
      expect(holes((portuguese as Record<string, string>)[key] ?? ''), key).toEqual(holes(value));
    }
  });

  it('format fills named placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
