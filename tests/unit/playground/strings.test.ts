import { describe, expect, it } from 'vitest';
import en from '../../../src/content/i18n/en.json';
import pt from '../../../src/content/i18n/pt-BR.json';
import { format, PLAYGROUND_STRING_KEYS } from '../../../src/lib/playground/string-keys.ts';

describe('playground UI strings', () => {
  for (const [lang, strings] of [['en', en], ['pt-BR', pt]] as const) {
    it(`${lang} has every key the island reads, and no stray ones`, () => {
      const keys = Object.keys(strings).filter((k) => k.startsWith('playground.'));
      expect(keys.sort()).toEqual(PLAYGROUND_STRING_KEYS.map((k) => `playground.${k}`).sort());
      for (const key of keys) expect((strings as Record<string, string>)[key]?.trim()).not.toBe('');
    });
  }
  it('placeholders match between languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of PLAYGROUND_STRING_KEYS) {
      const k = `playground.${key}` as keyof typeof en;
      expect(holes(pt[k as keyof typeof pt]), key).toEqual(holes(en[k]));
    }
  });
  it('format fills named placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
