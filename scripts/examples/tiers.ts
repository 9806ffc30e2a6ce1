/**
 * Whether a missing interpreter, runner or service is a failure or a skip.
 *
 * On a developer's machine the tier skips what it cannot run and says why, loudly. In CI
 * (`CI=true`) or with `REQUIRE_ALL_TIERS=1`, nothing may be missing: the same situation fails.
 */
export function allTiersRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['CI'] === 'true' || env['REQUIRE_ALL_TIERS'] === '1';
}

/** Something the tier needs and cannot find; `reason` says what and how to get it. */
export class Unavailable extends Error {
  override name = 'Unavailable';
}

export interface SkipContext {
  skip: (note?: string) => void;
}

/** Fails in strict mode, otherwise prints a warning and skips the current test. */
export function skipOrFail(ctx: SkipContext, reason: string, env: NodeJS.ProcessEnv = process.env): never {
  if (allTiersRequired(env)) {
    throw new Unavailable(`${reason} (CI=true or REQUIRE_ALL_TIERS=1: nothing may be missing)`);
  }
  console.warn(`\n⚠ SKIPPED: ${reason}\n`);
  ctx.skip(reason);
  // ctx.skip throws; this line only satisfies the type checker.
  throw new Unavailable(reason);
}
