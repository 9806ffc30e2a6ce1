import { describe, expect, test } from 'vitest';
import { fold, groupByInitial, initial } from '../../../src/lib/glossary/order';
import { parseGlossaryFile } from '../../../src/lib/glossary/frontmatter';

describe('A–Z index helpers', () => {
  test('fold drops accents and case', () => {
    expect(fold('Semáforo Concorrência')).toBe('semaforo concorrencia');
  });

  test('initials ignore accents; anything else goes under #', () => {
    expect(initial('Épico')).toBe('E');
    expect(initial('gather')).toBe('G');
    expect(initial('__await__')).toBe('#');
  });

  test('groups are sorted by letter, items by name in the language', () => {
    const groups = groupByInitial(['Tarefa', 'Thread', 'contrapressão', 'Concorrência'], (s) => s, 'pt-BR');
    expect(groups).toEqual([
      ['C', ['Concorrência', 'contrapressão']],
      ['T', ['Tarefa', 'Thread']],
    ]);
  });
});

describe('glossary frontmatter', () => {
  test('reads "key: JSON" lines and the body', () => {
    const { data, body } = parseGlossaryFile('---\nname: "GIL"\naliases: ["a", "b"]\n---\n\nBody.\n');
    expect(data).toEqual({ name: 'GIL', aliases: ['a', 'b'] });
    expect(body.trim()).toBe('Body.');
  });

  test('rejects values that are not JSON, naming the key', () => {
    expect(() => parseGlossaryFile('---\nname: GIL\n---\n', 'gil.md')).toThrow(/gil\.md: the value of "name"/);
  });
});
