import type { Clock, StandinName } from '../examples/metadata.ts';
import type { PlaygroundStrings } from './string-keys.ts';

/**
 * What the page hands the playground island, as JSON beside the static code. The island reads
 * nothing else from the page, so the same component serves chapters and the My playgrounds page.
 */
export interface PlaygroundFile {
  /** File name shown on its tab, e.g. `gather.py`. */
  name: string;
  code: string;
}

export interface PlaygroundConfig {
  /** Storage id: the example path (`02-asyncio-basics/gather.py`) or `scratch`. */
  id: string;
  /** Path under `examples/`, when the playground shows an example. */
  example: string | undefined;
  mode: 'example' | 'scratch';
  title: string;
  /** The program (first tab); `extraFiles` are shown read-only beside it. */
  main: PlaygroundFile;
  extraFiles: PlaygroundFile[];
  clock: Clock;
  lang: string;
  dependencies: string[];
  requiresPython: string | undefined;
  /** URL of the My playgrounds page in this language. */
  minePath: string;
  /**
   * What every run of this playground gets besides the code: the helper modules beside the
   * program, and the stand-ins its example declares (the reader's edits may use them too).
   */
  run: { files: Record<string, string>; standins: StandinName[] };
  /** The output the tests recorded, shown where the example cannot run (a database on a phone). */
  recorded?: string;
}

/** Strings live once per page, in their own JSON element. */
export const STRINGS_ELEMENT_ID = 'playground-strings';

export type { PlaygroundStrings };
