import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES_DIR, expectedPathFor } from './files.ts';

/**
 * Which files under `examples/` are programs.
 *
 * The rule: a `.py` with a `.out` beside it is a program (it has an output to prove). A `.py`
 * without one is a helper module, allowed only when a program in the same folder imports it;
 * anything else is a program someone forgot to record, and that is reported as a problem.
 */
export interface ExampleProgram {
  /** Path under the examples root, with forward slashes: `02-asyncio-basics/gather.py`. */
  id: string;
  /** Absolute path of the program. */
  file: string;
  /** Absolute path of its expected output. */
  expectedFile: string;
}

export interface ExampleDiscovery {
  programs: ExampleProgram[];
  /** Ids of helper modules that programs import. */
  helpers: string[];
  /** One readable sentence per file that breaks the rule. */
  problems: string[];
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__pycache__' ? [] : walk(full);
    return [full];
  });
}

function toId(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** `import name`, `import a, name`, `from name import x`, `from .name import x`. */
export function importsModule(source: string, moduleName: string): boolean {
  const name = moduleName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const fromImport = new RegExp(`^\\s*from\\s+\\.?${name}\\s+import\\b`, 'm');
  const plainImport = new RegExp(`^\\s*import\\s+(?:[\\w.]+\\s*,\\s*)*${name}\\b`, 'm');
  return fromImport.test(source) || plainImport.test(source);
}

export function discoverExamples(root: string = EXAMPLES_DIR): ExampleDiscovery {
  const files = walk(root).sort();
  const pythonFiles = files.filter((f) => f.endsWith('.py'));
  const programs: ExampleProgram[] = [];
  const helpers: string[] = [];
  const problems: string[] = [];

  for (const file of pythonFiles) {
    const expectedFile = expectedPathFor(file);
    if (existsSync(expectedFile)) {
      programs.push({ id: toId(root, file), file, expectedFile });
    }
  }
  for (const file of pythonFiles) {
    if (existsSync(expectedPathFor(file))) continue;
    const moduleName = path.basename(file, '.py');
    const importedBy = programs.filter(
      (p) => path.dirname(p.file) === path.dirname(file) && importsModule(readFileSync(p.file, 'utf8'), moduleName),
    );
    if (importedBy.length > 0) {
      helpers.push(toId(root, file));
    } else {
      problems.push(
        `examples/${toId(root, file)} has no expected output (${moduleName}.out) and no program beside it imports it: ` +
          'record its output, or delete it if it is not used',
      );
    }
  }
  for (const file of files.filter((f) => f.endsWith('.out'))) {
    if (!existsSync(file.replace(/\.out$/, '.py'))) {
      problems.push(`examples/${toId(root, file)} is an expected output without its program (${path.basename(file, '.out')}.py)`);
    }
  }
  return { programs, helpers, problems };
}

/**
 * The helper modules a program imports from its own folder (`.py` files without a `.out`), as
 * ids: `04-concurrent-web-requests/api_server.py`. A reader who runs the program at home needs
 * them beside it.
 */
export function helpersImportedBy(id: string, root: string = EXAMPLES_DIR): string[] {
  const file = path.join(root, id);
  const folder = path.dirname(file);
  const source = readFileSync(file, 'utf8');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.py') && path.join(folder, name) !== file)
    .filter((name) => !existsSync(expectedPathFor(path.join(folder, name))))
    .filter((name) => importsModule(source, path.basename(name, '.py')))
    .sort()
    .map((name) => toId(root, path.join(folder, name)));
}
