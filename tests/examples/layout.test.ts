/**
 * The shape of examples/ and its links to the chapters: every program has its expected output
 * and a valid header, every `<Playground example>` names an existing program, and examples no
 * page uses are listed (not failed: a chapter may be written after its examples).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { discoverExamples, helpersImportedBy } from '../../src/lib/examples/discover.ts';
import { ExampleMetadataError, parseExampleMeta } from '../../src/lib/examples/metadata.ts';
import { findExampleReferences, missingReferences, unusedExamples } from '../../src/lib/examples/references.ts';

const discovery = discoverExamples();
const programIds = discovery.programs.map((p) => p.id);

describe('examples/ layout', () => {
  test('holds programs to prove', () => {
    expect(programIds.length, 'no example with an expected output was found under examples/').toBeGreaterThan(0);
  });

  test('every .py is a program with its .out, or a helper a program imports', () => {
    if (discovery.problems.length > 0) throw new Error(discovery.problems.join('\n'));
  });

  test('a program\'s page can name the helpers it imports from its folder, and only those', () => {
    expect(helpersImportedBy('04-concurrent-web-requests/semaphore_limit.py')).toEqual([
      '04-concurrent-web-requests/api_server.py',
    ]);
    expect(helpersImportedBy('04-concurrent-web-requests/as_completed_async_for.py')).toEqual([]);
    // Every helper the layout allows is one some program's page will offer.
    const offered = new Set(discovery.programs.flatMap((p) => helpersImportedBy(p.id)));
    expect([...offered].sort()).toEqual([...discovery.helpers].sort());
  });

  test('every program has a valid metadata header', () => {
    const errors = discovery.programs.flatMap((program) => {
      try {
        parseExampleMeta(readFileSync(program.file, 'utf8'));
        return [];
      } catch (error) {
        if (error instanceof ExampleMetadataError) return [`examples/${program.id}: ${error.message}`];
        throw error;
      }
    });
    if (errors.length > 0) throw new Error(errors.join('\n'));
  });

  // Programs are imported by multiprocessing's spawn and by the runner: the guard keeps an
  // import from running them. (Chapter 1's thread and process programs have no asyncio.run.)
  test('every program runs only under an `if __name__ == "__main__":` guard', () => {
    const missing = discovery.programs
      .filter((program) => !/^if __name__ == ["']__main__["']:\s*$/m.test(readFileSync(program.file, 'utf8')))
      .map((program) => `examples/${program.id}: expected its entry point under \`if __name__ == "__main__":\``);
    if (missing.length > 0) throw new Error(missing.join('\n'));
  });
});

describe('chapters and examples (reported by `node scripts/examples/report-unused.ts` too)', () => {
  const references = findExampleReferences();

  test('every <Playground example="..."> names an existing example', () => {
    const missing = missingReferences(references, new Set(programIds));
    const lines = missing.map(
      (ref) => `src/content/${ref.page}:${ref.line} shows "${ref.example}", but examples/${ref.example} is not a program (missing .py or .out)`,
    );
    if (lines.length > 0) throw new Error(lines.join('\n'));

    // The other direction is a report, not a failure: a chapter may come after its examples.
    const unused = unusedExamples(programIds, references);
    if (unused.length > 0) {
      console.warn(`\n${unused.length} example(s) no page shows yet:\n${unused.map((id) => `  examples/${id}`).join('\n')}\n`);
    }
  });

});
