import { z } from 'astro/zod';

/**
 * The shape of `exercises/<page>/<name>/exercise.yaml` (see exercises/README.md). Every text is
 * given in both languages; a missing one is an error that names the field and the file.
 */
export const EXERCISE_KINDS = ['predict', 'fix', 'make-concurrent', 'write'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];
export const CODE_KINDS = ['fix', 'make-concurrent', 'write'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

/** A check id or message id: `too-slow`, `left-running`. */
export const messageId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens, e.g. too-slow');

export const text = z.strictObject({
  en: z.string().trim().min(1),
  'pt-BR': z.string().trim().min(1),
});
export type Text = z.infer<typeof text>;

const common = {
  title: text,
  /** What to do, in Markdown. */
  prompt: text,
  /** Revealed one at a time, in this order. */
  hints: z.array(text).min(1),
  /** Shown with the solution: why it works, in Markdown. */
  explanation: text,
  /** The file name the reader's code has in the editor, in tracebacks and in the download. */
  file: z.string().regex(/^[a-z_][a-z0-9_]*\.py$/, 'a Python file name such as breakfast.py'),
  /** `local`: needs threads, processes or services, so it is checked on the reader's machine. */
  runs: z.enum(['browser', 'local']).default('browser'),
  /**
   * Services the checks of a local exercise need on this machine (`postgres`): the tests skip it,
   * saying what to start, when one is not reachable (scripts/examples/services.ts).
   */
  services: z.array(z.enum(['postgres'])).default([]),
  /**
   * Packages a `runs: local` exercise needs besides Python (`aiohttp>=3.8`): the downloaded file
   * declares them in its PEP 723 block, so `uv run` installs them, and the tests check the file
   * with an interpreter that has them.
   */
  dependencies: z
    .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(?:[<>=!~]=?[0-9][0-9A-Za-z.*]*(?:,[<>=!~]=?[0-9][0-9A-Za-z.*]*)*)?$/, 'a requirement such as aiohttp>=3.8'))
    .default([]),
};

export const codeExerciseSchema = z.strictObject({
  kind: z.enum(CODE_KINDS),
  ...common,
  /** What each check checks, in the order the verdict lists them (check.py registers the same ids). */
  checks: z.record(messageId, text).refine((r) => Object.keys(r).length > 0, 'at least one check'),
  /** What a failed check or a known mistake says; `{name}` takes a value from check.py. */
  messages: z.record(messageId, text).refine((r) => Object.keys(r).length > 0, 'at least one message'),
  /** The message the starter code fails with (a test proves it). */
  'starter-fails-with': messageId,
});

const choice = z.strictObject({
  id: messageId,
  /** What the run does if this choice is right: prints and ends, raises, or never ends. */
  outcome: z.enum(['output', 'exception', 'hang']),
  en: z.string().trim().min(1),
  'pt-BR': z.string().trim().min(1),
});

export const predictExerciseSchema = z
  .strictObject({
    kind: z.literal('predict'),
    ...common,
    /** `order`: put the output lines in order; `choice`: pick what happens. */
    question: z.enum(['order', 'choice']),
    choices: z.array(choice).min(2).optional(),
    /** The id of the right choice (`choice` questions). */
    answer: messageId.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.question === 'choice') {
      if (!value.choices) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a choice question needs choices' });
      else if (!value.choices.some((c) => c.id === value.answer)) {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: `must be the id of one of the choices (${value.choices.map((c) => c.id).join(', ')})` });
      }
      if (value.choices && new Set(value.choices.map((c) => c.id)).size !== value.choices.length) {
        ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choice ids must differ' });
      }
    } else if (value.choices || value.answer) {
      ctx.addIssue({ code: 'custom', path: ['question'], message: 'an order question takes its answer from program.out: no choices, no answer' });
    }
  });

export const exerciseSchema = z.discriminatedUnion('kind', [codeExerciseSchema, predictExerciseSchema]);
export type ExerciseData = z.infer<typeof exerciseSchema>;
export type CodeExerciseData = z.infer<typeof codeExerciseSchema>;
export type PredictExerciseData = z.infer<typeof predictExerciseSchema>;
