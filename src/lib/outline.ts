/**
 * The site's reading order: the book's chapters, then the study topics the book does not
 * cover. The sidebar is built from this list and shows only the pages that exist, so a
 * chapter appears in navigation the moment its MDX file lands.
 */
export interface OutlineEntry {
  /** Page slug under `src/content/docs/` (the same path in every locale). */
  slug: string;
  /** Short sidebar label per language; the page title stays the page's own. */
  label: { en: string; 'pt-BR': string };
  /** A generated route (`src/pages/<slug>/`), not a docs page: linked by path, not by slug. */
  route?: true;
}

export interface OutlineGroup {
  label: { en: string; 'pt-BR': string };
  entries: OutlineEntry[];
}

const chapter = (n: number, slug: string, en: string, pt: string): OutlineEntry => ({
  slug: `chapters/${String(n).padStart(2, '0')}-${slug}`,
  label: { en: `${n}. ${en}`, 'pt-BR': `${n}. ${pt}` },
});

export const outline: OutlineGroup[] = [
  {
    label: { en: 'Start here', 'pt-BR': 'Comece aqui' },
    entries: [{ slug: 'about', label: { en: 'About this study', 'pt-BR': 'Sobre este estudo' } }],
  },
  {
    label: { en: 'Chapters', 'pt-BR': 'Capítulos' },
    entries: [
      chapter(1, 'getting-to-know-asyncio', 'Getting to know asyncio', 'Conhecendo o asyncio'),
      chapter(2, 'asyncio-basics', 'asyncio basics', 'Fundamentos do asyncio'),
      chapter(3, 'first-asyncio-application', 'A first asyncio application', 'Uma primeira aplicação asyncio'),
      chapter(4, 'concurrent-web-requests', 'Concurrent web requests', 'Requisições web concorrentes'),
      chapter(5, 'non-blocking-database-drivers', 'Non-blocking database drivers', 'Drivers de banco de dados não bloqueantes'),
      chapter(6, 'cpu-bound-work', 'Handling CPU-bound work', 'Trabalho limitado por CPU'),
      chapter(7, 'blocking-work-with-threads', 'Blocking work with threads', 'Trabalho bloqueante com threads'),
      chapter(8, 'streams', 'Streams', 'Streams'),
      chapter(9, 'web-applications', 'Web applications', 'Aplicações web'),
      chapter(10, 'microservices', 'Microservices', 'Microsserviços'),
      chapter(11, 'synchronization', 'Synchronization', 'Sincronização'),
      chapter(12, 'asynchronous-queues', 'Asynchronous queues', 'Filas assíncronas'),
      chapter(13, 'managing-subprocesses', 'Managing subprocesses', 'Gerenciando subprocessos'),
      chapter(14, 'advanced-asyncio', 'Advanced asyncio', 'asyncio avançado'),
    ],
  },
  {
    label: { en: 'Study topics', 'pt-BR': 'Tópicos do estudo' },
    entries: [
      { slug: 'topics/periodic-tasks', label: { en: 'Periodic tasks', 'pt-BR': 'Tarefas periódicas' } },
      {
        slug: 'topics/testing-and-debugging',
        label: { en: 'Testing and debugging', 'pt-BR': 'Testes e depuração' },
      },
      {
        slug: 'topics/cancellation',
        label: { en: 'Cancellation in depth', 'pt-BR': 'Cancelamento a fundo' },
      },
      {
        slug: 'topics/modern-asyncio',
        label: { en: 'Python 3.12–3.14', 'pt-BR': 'Python 3.12–3.14' },
      },
    ],
  },
  {
    label: { en: 'Reference', 'pt-BR': 'Referência' },
    entries: [
      { slug: 'glossary', label: { en: 'Glossary', 'pt-BR': 'Glossário' }, route: true },
      { slug: 'my-playgrounds', label: { en: 'My playgrounds', 'pt-BR': 'Meus playgrounds' } },
    ],
  },
];

/** A docs page by slug, or a generated route by link. */
type SidebarEntry = { label: string; translations: { 'pt-BR': string } } & (
  | { slug: string; link?: never }
  | { link: string; slug?: never }
);

/** Starlight sidebar config for the groups whose pages exist (`exists(slug)` decides). */
export function sidebarFromOutline(exists: (slug: string) => boolean) {
  return outline
    .map((group) => ({
      label: group.label.en,
      translations: { 'pt-BR': group.label['pt-BR'] },
      items: group.entries
        .filter((entry) => exists(entry.slug))
        .map((entry): SidebarEntry => {
          const label = { label: entry.label.en, translations: { 'pt-BR': entry.label['pt-BR'] } };
          // Starlight prefixes a link with the page's locale (and the base).
          return entry.route ? { ...label, link: `/${entry.slug}/` } : { ...label, slug: entry.slug };
        }),
    }))
    .filter((group) => group.items.length > 0);
}
