/**
 * Reads every exercise under `exercises/` (build time and tests; Node only).
 *
 * One exercise is one folder, `exercises/<page>/<name>/`, holding `exercise.yaml` (kind, texts in
 * both languages, check titles, messages) and its Python files: `starter.py`, `solution.py`,
 * `check.py` and `wrong/<message-id>.py` for the code kinds, `program.py` and `program.out` for
 * predict. Anything malformed throws an error that starts with the file it is about, so the build
 * (which loads them all for the exercises page) fails with a message a writer can act on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { exerciseSchema, type CodeExerciseData, type PredictExerciseData } from './schema.ts';
import type { CodeExercise, Exercise, PredictExercise, WrongAnswer } from './types.ts';

/**
 * The project's `exercises/` folder. Resolved from the working directory (the project root, for
 * `astro build` and the tests alike): at build time this module runs from a bundled chunk, where
 * a path relative to `import.meta.url` points wherever the chunk happens to be.
 */
export const EXERCISES_DIR = path.resolve(process.cwd(), 'exercises');

export class ExerciseError extends Error {
  override name = 'ExerciseError';
}

/** `exercises/02-asyncio-basics/breakfast/exercise.yaml`, relative to the repository. */
function shown(file: string, root: string): string {
  return path.join('exercises', path.relative(root, file)).split(path.sep).join('/');
}

function read(file: string, root: string): string {
  if (!existsSync(file)) throw new ExerciseError(`${shown(file, root)}: missing (every exercise of this kind needs it)`);
  return readFileSync(file, 'utf8');
}

/** Folders that hold an exercise.yaml, as ids (`02-asyncio-basics/breakfast`), sorted. */
export function exerciseIds(root: string = EXERCISES_DIR): string[] {
  if (!existsSync(root)) return [];
  const ids: string[] = [];
  for (const page of readdirSync(root).sort()) {
    const pageDir = path.join(root, page);
    if (!statSync(pageDir).isDirectory()) continue;
    for (const name of readdirSync(pageDir).sort()) {
      if (existsSync(path.join(pageDir, name, 'exercise.yaml'))) ids.push(`${page}/${name}`);
    }
  }
  return ids;
}

/** The ids `check.py` registers with `@check("...")` and `@mistake("...")`, in order. */
export function registeredIds(checkSource: string): { checks: string[]; mistakes: string[] } {
  const found = (decorator: string) =>
    [...checkSource.matchAll(new RegExp(String.raw`^@${decorator}\(\s*["']([^"']+)["']\s*\)`, 'gm'))].map((m) => m[1] ?? '');
  return { checks: found('check'), mistakes: found('mistake') };
}

function formatIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`).join('; ');
}

export function loadExercise(id: string, root: string = EXERCISES_DIR): Exercise {
  const folder = path.join(root, id);
  const yamlFile = path.join(folder, 'exercise.yaml');
  let raw: unknown;
  try {
    raw = parseYaml(read(yamlFile, root));
  } catch (error) {
    if (error instanceof ExerciseError) throw error;
    throw new ExerciseError(`${shown(yamlFile, root)}: not valid YAML: ${(error as Error).message}`);
  }
  const parsed = exerciseSchema.safeParse(raw);
  if (!parsed.success) throw new ExerciseError(`${shown(yamlFile, root)}: ${formatIssues(parsed.error)}`);
  const data = parsed.data;
  const common = {
    id,
    title: data.title,
    prompt: data.prompt,
    hints: data.hints,
    explanation: data.explanation,
    file: data.file,
    runs: data.runs,
    dependencies: data.dependencies,
    services: data.services,
  };
  return data.kind === 'predict' ? loadPredict(folder, root, data, common) : loadCode(folder, root, data, common);
}

type Common = Omit<Exercise, 'kind'>;

function loadCode(folder: string, root: string, data: CodeExerciseData, common: Pick<CodeExercise, keyof Common>): CodeExercise {
  const check = read(path.join(folder, 'check.py'), root);
  const checkFile = shown(path.join(folder, 'check.py'), root);
  const yamlFile = shown(path.join(folder, 'exercise.yaml'), root);
  const registered = registeredIds(check);
  const declared = Object.keys(data.checks);
  if (registered.checks.join(',') !== declared.join(',')) {
    throw new ExerciseError(
      `${checkFile}: registers the checks [${registered.checks.join(', ')}] but ${yamlFile} gives titles, in order, to [${declared.join(', ')}]`,
    );
  }
  for (const id of registered.mistakes) {
    if (!(id in data.messages)) throw new ExerciseError(`${checkFile}: @mistake("${id}") has no message in ${yamlFile}`);
  }
  for (const id of Object.keys(data.messages)) {
    if (!new RegExp(String.raw`["']${id}["']`).test(check)) {
      throw new ExerciseError(`${yamlFile}: message "${id}" is never used by check.py`);
    }
  }
  if (!(data['starter-fails-with'] in data.messages)) {
    throw new ExerciseError(`${yamlFile}: starter-fails-with: "${data['starter-fails-with']}" is not one of its messages`);
  }
  const wrongDir = path.join(folder, 'wrong');
  const wrong: WrongAnswer[] = (existsSync(wrongDir) ? readdirSync(wrongDir).sort() : [])
    .filter((name) => name.endsWith('.py'))
    .map((name) => {
      const messageId = name.replace(/\.py$/, '');
      if (!(messageId in data.messages)) {
        throw new ExerciseError(`${shown(path.join(wrongDir, name), root)}: a known wrong answer is named after the message it gets, and "${messageId}" is not one in ${yamlFile}`);
      }
      return { messageId, code: readFileSync(path.join(wrongDir, name), 'utf8') };
    });
  if (wrong.length === 0) {
    throw new ExerciseError(`${shown(wrongDir, root)}/: add at least one known wrong answer, wrong/<message-id>.py`);
  }
  return {
    ...common,
    kind: data.kind,
    starter: read(path.join(folder, 'starter.py'), root),
    solution: read(path.join(folder, 'solution.py'), root),
    check,
    checks: data.checks,
    messages: data.messages,
    starterFailsWith: data['starter-fails-with'],
    wrong,
  };
}

function loadPredict(folder: string, root: string, data: PredictExerciseData, common: Pick<PredictExercise, keyof Common>): PredictExercise {
  const output = read(path.join(folder, 'program.out'), root);
  if (data.question === 'order' && output.split('\n').filter((line) => line.trim()).length < 3) {
    throw new ExerciseError(`${shown(path.join(folder, 'program.out'), root)}: an order question needs at least three lines to order`);
  }
  return {
    ...common,
    kind: 'predict',
    question: data.question,
    program: read(path.join(folder, 'program.py'), root),
    output,
    choices: (data.choices ?? []).map((c) => ({ id: c.id, outcome: c.outcome, text: { en: c.en, 'pt-BR': c['pt-BR'] } })),
    answer: data.answer,
  };
}

let cache: Map<string, Exercise> | undefined;

/** Every exercise, by id (loaded once per process: the build asks for them on many pages). */
export function loadExercises(root: string = EXERCISES_DIR): Map<string, Exercise> {
  if (root === EXERCISES_DIR && cache) return cache;
  const all = new Map(exerciseIds(root).map((id) => [id, loadExercise(id, root)]));
  if (root === EXERCISES_DIR) cache = all;
  return all;
}

/** One exercise for a page; an unknown id names what exists nearby. */
export function getExercise(id: string): Exercise {
  const found = loadExercises().get(id);
  if (!found) {
    const sameFolder = [...loadExercises().keys()].filter((other) => other.split('/')[0] === id.split('/')[0]);
    throw new ExerciseError(
      `<Exercise id="${id}"/>: no exercise at exercises/${id}/exercise.yaml${sameFolder.length ? ` (that folder has: ${sameFolder.join(', ')})` : ''}`,
    );
  }
  return found;
}
