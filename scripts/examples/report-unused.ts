/**
 * `node scripts/examples/report-unused.ts`: lists examples no chapter shows, and chapter
 * references to examples that do not exist (exit status 1 for those).
 */
import { discoverExamples } from '../../src/lib/examples/discover.ts';
import { findExampleReferences, missingReferences, unusedExamples } from '../../src/lib/examples/references.ts';

const programIds = discoverExamples().programs.map((p) => p.id);
const references = findExampleReferences();
const unused = unusedExamples(programIds, references);
const missing = missingReferences(references, new Set(programIds));

console.log(`${programIds.length} examples, ${references.length} references from pages.`);
if (unused.length > 0) {
  console.log(`\nExamples no page shows (${unused.length}):`);
  for (const id of unused) console.log(`  examples/${id}`);
}
if (missing.length > 0) {
  console.error(`\nPages that show a missing example (${missing.length}):`);
  for (const ref of missing) console.error(`  src/content/${ref.page}:${ref.line} -> examples/${ref.example}`);
  process.exitCode = 1;
}
