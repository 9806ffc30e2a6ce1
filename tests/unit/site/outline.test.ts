import { describe, expect, test } from 'vitest';
import { outline, sidebarFromOutline } from '../../../src/lib/outline';

describe('sidebar from the outline', () => {
  test('it lists only the pages that exist, in outline order, with both languages', () => {
    const existing = new Set(['about', 'chapters/02-asyncio-basics', 'chapters/01-getting-to-know-asyncio']);
    const sidebar = sidebarFromOutline((slug) => existing.has(slug));
    expect(sidebar.map((g) => g.label)).toEqual(['Start here', 'Chapters']);
    expect(sidebar[1]?.items.map((i) => i.slug)).toEqual([
      'chapters/01-getting-to-know-asyncio',
      'chapters/02-asyncio-basics',
    ]);
    expect(sidebar[1]?.items[0]?.translations['pt-BR']).toBe('1. Conhecendo o asyncio');
  });

  test('the outline has the book’s fourteen chapters and the seed’s two extra topics', () => {
    const slugs = outline.flatMap((g) => g.entries.map((e) => e.slug));
    expect(slugs.filter((s) => s.startsWith('chapters/'))).toHaveLength(14);
    expect(slugs).toContain('topics/periodic-tasks');
    expect(slugs).toContain('topics/testing-and-debugging');
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
