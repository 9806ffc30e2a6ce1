/**
 * `node scripts/examples/list-services.ts`: the services examples declare with `#: services:`,
 * one per line, so CI's service step installs and starts exactly those (and nothing when the
 * list is empty).
 */
import { readFileSync } from 'node:fs';
import { discoverExamples } from '../../src/lib/examples/discover.ts';
import { parseExampleMeta } from '../../src/lib/examples/metadata.ts';

const services = new Set(
  discoverExamples().programs.flatMap((program) => parseExampleMeta(readFileSync(program.file, 'utf8')).services),
);
for (const name of [...services].sort()) console.log(name);
