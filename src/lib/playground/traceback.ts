/**
 * Finds, in a line of a traceback, the place in the reader's own file that it names, so the
 * output panel can turn `File "gather.py", line 11` into a way back to that line. Frames in
 * other files (asyncio's own, `<frozen ...>`, the runner's) are left as text: the editor cannot
 * show them.
 */
export interface TracebackPlace {
  /** Text before the place (the indent). */
  before: string;
  /** `File "gather.py", line 11`, as printed. */
  place: string;
  /** Text after it (`, in main`). */
  after: string;
  line: number;
}

// CPython's traceback format: `  File "<filename>", line <n>, in <name>` (traceback.py).
const FRAME = /^(\s*)(File "((?:[^"\\]|\\.)*)", line (\d+))(.*)$/;

export function findTracebackPlace(text: string, fileName: string): TracebackPlace | undefined {
  const match = FRAME.exec(text);
  if (!match) return undefined;
  const [, before = '', place = '', name = '', line = '', after = ''] = match;
  if (name !== fileName) return undefined;
  const number = Number(line);
  if (!Number.isSafeInteger(number) || number < 1) return undefined;
  return { before, place, after, line: number };
}
