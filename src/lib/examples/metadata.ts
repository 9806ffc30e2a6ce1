/**
 * The metadata an example carries in its own source.
 *
 * Packages use the ecosystem's standard, a PEP 723 block:
 *
 *     # /// script
 *     # requires-python = ">=3.11"
 *     # dependencies = ["aiohttp>=3.9"]
 *     # ///
 *
 * Everything else is a small header of `#:` comment lines near the top of the file:
 *
 *     #: runs: browser        browser | local (threads, processes, sockets, services)
 *     #: clock: virtual       virtual | real: the clock the expected output was taken with
 *                             (default: virtual for browser examples; local examples run as a
 *                             reader runs them, so their clock is always real)
 *     #: services: postgres   comma-separated services the example needs when it runs for real
 *     #: standins: aiohttp    a browser example that uses aiohttp or asyncpg: in the page (and in
 *                             Pyodide in the tests) it imports the stand-ins, on the virtual
 *                             clock; on CPython it runs for real (real libraries, real services,
 *                             real clock). Both runs are held to the same recorded output.
 *     #: varies: \d+\.\d+ ms  a regex; matching text is masked in both outputs (repeatable)
 *     #: slack: 0.3 s         a time printed in seconds ("0.4 s") may come out up to this much
 *                             later than recorded, and one rounding step earlier (real clock only;
 *                             with stand-ins, the real run's: the page's virtual run is exact)
 *     #: order: any           lines may come in any order (threads, processes)
 *     #: exit: 1              the exit status the program ends with (default 0), for a program
 *                             that shows an uncaught exception on purpose
 *
 * Readers never see the `#:` lines: they are test metadata, stripped from what a page shows.
 */
export type RunsIn = 'browser' | 'local';
import { STANDIN_NAMES, type Clock, type StandinName } from '../../runtime/protocol.ts';

export type { Clock, StandinName };

export interface ExampleMeta {
  runs: RunsIn;
  clock: Clock;
  services: string[];
  /** Stand-ins the browser run imports instead of aiohttp or asyncpg (empty for most examples). */
  standins: StandinName[];
  varies: string[];
  /**
   * Seconds by which a time the program prints ("0.4 s") may exceed the recorded one (see
   * compare.ts); undefined: times must match exactly, like any other text.
   */
  slack: number | undefined;
  order: 'exact' | 'any';
  /** The exit status the expected output was recorded with. */
  exitCode: number;
  /** Packages from the PEP 723 block (empty when there is none). */
  dependencies: string[];
  requiresPython: string | undefined;
}

export class ExampleMetadataError extends Error {}

const HEADER_LINE = /^#:\s*([a-z-]+)\s*:\s*(.*?)\s*$/;
const PEP723_BLOCK = /^# \/\/\/ script\s*$([\s\S]*?)^# \/\/\/\s*$/m;

function oneOf<T extends string>(key: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ExampleMetadataError(`"#: ${key}:" must be one of ${allowed.join(', ')}; received "${value}"`);
}

/** Reads the `#:` header and the PEP 723 block. Unknown keys are an error, not a silent typo. */
export function parseExampleMeta(source: string): ExampleMeta {
  const meta: ExampleMeta = {
    runs: 'browser',
    clock: 'virtual',
    services: [],
    standins: [],
    varies: [],
    slack: undefined,
    order: 'exact',
    exitCode: 0,
    dependencies: [],
    requiresPython: undefined,
  };
  let clockGiven = false;
  for (const line of source.split('\n')) {
    const match = HEADER_LINE.exec(line);
    if (!match) continue;
    const [, key = '', value = ''] = match;
    switch (key) {
      case 'runs':
        meta.runs = oneOf(key, value, ['browser', 'local'] as const);
        break;
      case 'clock':
        meta.clock = oneOf(key, value, ['virtual', 'real'] as const);
        clockGiven = true;
        break;
      case 'order':
        meta.order = oneOf(key, value, ['exact', 'any'] as const);
        break;
      case 'exit':
        if (!/^\d+$/.test(value)) {
          throw new ExampleMetadataError(`"#: exit:" must be a whole number; received "${value}"`);
        }
        meta.exitCode = Number(value);
        break;
      case 'services':
        meta.services = value.split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case 'standins':
        meta.standins = value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((name) => oneOf(key, name, STANDIN_NAMES));
        break;
      case 'varies':
        try {
          new RegExp(value);
        } catch {
          throw new ExampleMetadataError(`"#: varies:" is not a valid regular expression: ${value}`);
        }
        meta.varies.push(value);
        break;
      case 'slack': {
        const seconds = /^(\d+(?:\.\d+)?) s$/.exec(value)?.[1];
        if (seconds === undefined || Number(seconds) <= 0) {
          throw new ExampleMetadataError(
            `"#: slack:" must be a positive number of seconds written with its unit, such as "0.3 s"; received "${value}"`,
          );
        }
        meta.slack = Number(seconds);
        break;
      }
      default:
        throw new ExampleMetadataError(
          `unknown header key "#: ${key}:"; expected runs, clock, services, standins, varies, slack, order or exit`,
        );
    }
  }
  if (meta.runs === 'local' && meta.standins.length > 0) {
    throw new ExampleMetadataError(
      '"#: standins:" is for a browser example (it runs in the page through the stand-ins); a local example runs with the real libraries only',
    );
  }
  if (meta.standins.length > 0 && clockGiven && meta.clock === 'real') {
    throw new ExampleMetadataError(
      '"#: clock: real" cannot apply to an example with stand-ins: its recorded output must hold on the virtual clock in the page and on the real clock with the real services',
    );
  }
  if (meta.runs === 'local') {
    if (clockGiven && meta.clock === 'virtual') {
      throw new ExampleMetadataError(
        '"#: clock: virtual" cannot apply to a local example: it runs as a reader runs it, on the real clock',
      );
    }
    meta.clock = 'real';
  }
  if (meta.slack !== undefined) {
    // An example with stand-ins runs on both: for real on CPython (the slack applies), and on
    // the virtual clock in the page (exact, see verifyOnPyodide).
    if (meta.clock !== 'real' && meta.standins.length === 0) {
      throw new ExampleMetadataError('"#: slack:" applies to the real clock only: on the virtual clock, times are exact');
    }
    if (meta.order === 'any') {
      throw new ExampleMetadataError('"#: slack:" compares lines pairwise, so it cannot be combined with "#: order: any"');
    }
  }
  const block = PEP723_BLOCK.exec(source)?.[1];
  if (block) {
    const toml = block
      .split('\n')
      .map((l) => l.replace(/^# ?/, ''))
      .join('\n');
    const deps = /dependencies\s*=\s*\[([\s\S]*?)\]/.exec(toml)?.[1];
    meta.dependencies = deps ? [...deps.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '') : [];
    meta.requiresPython = /requires-python\s*=\s*"([^"]+)"/.exec(toml)?.[1];
  }
  return meta;
}

/**
 * Whether CPython runs the example as a reader runs it at home (`python3 name.py`: the real
 * libraries and services, the real clock) rather than through the browser's runner: local
 * examples, and browser examples with stand-ins (their run for real is half of the drift test).
 */
export function runsForRealOnCPython(meta: ExampleMeta): boolean {
  return meta.runs === 'local' || meta.standins.length > 0;
}

/** The code a reader sees: the source without the `#:` header lines (PEP 723 stays). */
export function displayCode(source: string): string {
  const kept = source.split('\n').filter((line) => !HEADER_LINE.test(line));
  // Drop blank lines the header leaves at the very top.
  while (kept.length > 0 && kept[0]?.trim() === '') kept.shift();
  return kept.join('\n');
}
