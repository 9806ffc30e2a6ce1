import { describe, expect, test } from 'vitest';
import english from '../../../src/content/i18n/en.json';
import portuguese from '../../../src/content/i18n/pt-BR.json';
import { databaseFits, databaseLoadingText, simulationLabels } from '../../../src/lib/playground/standins';
import { playgroundStrings } from '../../../src/lib/playground/string-keys';

const en = playgroundStrings(english);
const pt = playgroundStrings(portuguese);

describe('what a run with stand-ins says about itself', () => {
  test('one plain sentence per stand-in, network first, in the page language', () => {
    expect(simulationLabels([], en)).toEqual([]);
    expect(simulationLabels(['asyncpg', 'aiohttp'], en)).toEqual([
      'Simulated network: the example’s own aiohttp.web handlers, answered in the page.',
      'PostgreSQL 18 in your browser (PGlite) through an asyncpg stand-in.',
    ]);
    expect(simulationLabels(['asyncpg'], pt)).toEqual(['PostgreSQL 18 no seu navegador (PGlite), por meio de um substituto do asyncpg.']);
  });

  test("the database's loading: megabytes as they arrive, then starting", () => {
    const downloading = { phase: 'download', loadedBytes: 2_150_000, totalBytes: 6_400_000 } as const;
    expect(databaseLoadingText(downloading, en, 'en')).toBe('Loading PostgreSQL (PGlite) into this page: 2.2 of 6.4 MB…');
    expect(databaseLoadingText(downloading, pt, 'pt-BR')).toBe('Carregando o PostgreSQL (PGlite) nesta página: 2,2 de 6,4 MB…');
    expect(databaseLoadingText({ ...downloading, phase: 'start' }, en, 'en')).toBe('Starting PostgreSQL in your browser…');
  });

  test('a phone, or a device with little memory, is shown the recorded output first', () => {
    expect(databaseFits({ phone: false })).toBe(true);
    expect(databaseFits({ phone: false, deviceMemoryGB: 8 })).toBe(true);
    expect(databaseFits({ phone: true })).toBe(false);
    expect(databaseFits({ phone: true, deviceMemoryGB: 8 })).toBe(false);
    expect(databaseFits({ phone: false, deviceMemoryGB: 2 })).toBe(false);
  });
});
