import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { exerciseIds, loadExercise, loadExercises, registeredIds } from '../../../src/lib/exercises/load';
import { findExerciseReferences } from '../../../src/lib/exercises/references';
import { isCodeExercise } from '../../../src/lib/exercises/types';
import { outline } from '../../../src/lib/outline';

const BAD = fileURLToPath(new URL('./fixtures/bad/', import.meta.url));

describe('the exercises on the site', () => {
  const exercises = loadExercises();

  test('every exercise loads, with texts in both languages', () => {
    expect(exercises.size).toBeGreaterThanOrEqual(16);
    for (const exercise of exercises.values()) {
      for (const text of [exercise.title, exercise.prompt, exercise.explanation, ...exercise.hints]) {
        expect(text.en.trim()).not.toBe('');
        expect(text['pt-BR'].trim()).not.toBe('');
      }
    }
  });

  test('a message keeps its {values} in both languages', () => {
    const places = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const exercise of [...exercises.values()].filter(isCodeExercise)) {
      for (const [id, text] of Object.entries(exercise.messages)) {
        expect(places(text['pt-BR']), `${exercise.id}: message ${id}`).toEqual(places(text.en));
      }
    }
  });

  test('every exercise is on exactly one page, the same in both languages', () => {
    const references = findExerciseReferences();
    for (const id of exercises.keys()) {
      const pages = references.filter((ref) => ref.exercise === id).map((ref) => ref.slug);
      expect(pages, id).toHaveLength(2);
      expect(pages.find((slug) => slug.startsWith('pt-br/')), id).toBe(`pt-br/${pages.find((slug) => !slug.startsWith('pt-br/'))}`);
    }
    for (const ref of references) expect(exercises.has(ref.exercise), `${ref.slug} names ${ref.exercise}`).toBe(true);
  });

  test('a page with exercises has at least three, of at least two kinds, listed in the outline', () => {
    const slugs = new Set(outline.flatMap((group) => group.entries.map((entry) => entry.slug)));
    const byPage = new Map<string, string[]>();
    for (const ref of findExerciseReferences().filter((r) => !r.slug.startsWith('pt-br/'))) {
      byPage.set(ref.slug, [...(byPage.get(ref.slug) ?? []), exercises.get(ref.exercise)?.kind ?? '?']);
    }
    expect(byPage.size).toBeGreaterThanOrEqual(4);
    for (const [slug, kinds] of byPage) {
      expect(slugs.has(slug), slug).toBe(true);
      expect(kinds.length, slug).toBeGreaterThanOrEqual(3);
      expect(new Set(kinds).size, slug).toBeGreaterThanOrEqual(2);
    }
  });

  test('check.py registers its checks with @check and its known mistakes with @mistake', () => {
    const source = '@check("fast")\ndef f(ctx): ...\n\n@mistake(\'slow\')\ndef g(ctx): ...\n@check("clean")\n';
    expect(registeredIds(source)).toEqual({ checks: ['fast', 'clean'], mistakes: ['slow'] });
  });
});

describe('a malformed exercise fails with a message that names its file', () => {
  const ids = exerciseIds(BAD);
  const failure = (name: string): string => {
    try {
      loadExercise(`pages/${name}`, BAD);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${name} loaded, but it is malformed`);
  };

  test('the fixtures are all found', () => {
    expect(ids).toHaveLength(8);
  });
  test.each([
    ['missing-translation', /^exercises\/pages\/missing-translation\/exercise\.yaml: title\.pt-BR: /],
    ['not-yaml', /^exercises\/pages\/not-yaml\/exercise\.yaml: not valid YAML/],
    ['ids-differ', /^exercises\/pages\/ids-differ\/check\.py: registers the checks \[finishes\] but .* \[runs\]/],
    ['unknown-wrong', /^exercises\/pages\/unknown-wrong\/wrong\/too-slow\.py: .*"too-slow" is not one/],
    ['no-wrong', /^exercises\/pages\/no-wrong\/wrong\/: add at least one known wrong answer/],
    ['unused-message', /^exercises\/pages\/unused-message\/exercise\.yaml: message "late" is never used by check\.py/],
    ['unknown-starter-message', /^exercises\/pages\/unknown-starter-message\/exercise\.yaml: starter-fails-with: "fast"/],
    ['bad-answer', /^exercises\/pages\/bad-answer\/exercise\.yaml: answer: must be the id of one of the choices \(output, hang\)/],
  ])('%s', (name, pattern) => {
    expect(failure(name)).toMatch(pattern);
  });

  test('the paths in the messages are relative to the repository', () => {
    expect(path.isAbsolute(failure('not-yaml').split(':')[0] ?? '')).toBe(false);
  });
});
