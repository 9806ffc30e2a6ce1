import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const DOCS = path.resolve('src/content/docs');
const PT = 'pt-br';

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => file.split(path.sep).join('/'));
}

describe('every page exists in both languages at the same path', () => {
  const all = pagesUnder(DOCS);
  const english = all.filter((p) => !p.startsWith(`${PT}/`)).sort();
  const portuguese = all.filter((p) => p.startsWith(`${PT}/`)).map((p) => p.slice(PT.length + 1)).sort();

  test('the site has pages', () => {
    expect(english).toContain('index.mdx');
    expect(english).toContain('about.mdx');
  });

  test('no English page lacks its pt-BR twin', () => {
    expect(english.filter((p) => !portuguese.includes(p))).toEqual([]);
  });

  test('no pt-BR page lacks its English original', () => {
    expect(portuguese.filter((p) => !english.includes(p))).toEqual([]);
  });
});

describe('UI strings', () => {
  const read = (file: string) =>
    JSON.parse(readFileSync(path.resolve('src/content/i18n', file), 'utf8')) as Record<string, string>;

  test('pt-BR translates exactly the keys English has, none empty', () => {
    const en = read('en.json');
    const pt = read('pt-BR.json');
    expect(Object.keys(pt).sort()).toEqual(Object.keys(en).sort());
    expect(Object.entries(pt).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
