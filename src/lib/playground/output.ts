/**
 * The output panel's model: lines of stdout and stderr with the time (relative to the start of
 * the run) at which each began, capped so a runaway `print` loop cannot eat the page's memory.
 * Framework-free so it can be unit-tested; the component only renders it.
 */
import type { OutputChunk, Stream } from '../../runtime/protocol.ts';

export type { Stream };

export interface OutputLine {
  stream: Stream;
  text: string;
  t: number;
  /** False while the line still waits for its newline. */
  complete: boolean;
  /** The task that began the line (its number in the run's task events), if any. */
  task?: number;
}

export interface OutputState {
  lines: OutputLine[];
  chars: number;
  /** Characters the panel did not keep (its own cap). */
  droppedChars: number;
}

export const MAX_PANEL_LINES = 2000;
export const MAX_PANEL_CHARS = 200_000;

export function emptyOutput(): OutputState {
  return { lines: [], chars: 0, droppedChars: 0 };
}

/** Appends chunks; returns a new state (the old one is not modified). */
export function appendOutput(
  state: OutputState,
  chunks: readonly OutputChunk[],
  limits: { lines: number; chars: number } = { lines: MAX_PANEL_LINES, chars: MAX_PANEL_CHARS },
): OutputState {
  const lines = state.lines.slice();
  let chars = state.chars;
  let dropped = state.droppedChars;
  for (const chunk of chunks) {
    const pieces = chunk.text.split('\n');
    pieces.forEach((piece, index) => {
      const endsLine = index < pieces.length - 1;
      if (piece === '' && !endsLine) return;
      const last = lines[lines.length - 1];
      if (last && !last.complete && last.stream === chunk.stream) {
        if (chars + piece.length > limits.chars) {
          dropped += piece.length;
        } else {
          lines[lines.length - 1] = { ...last, text: last.text + piece, complete: endsLine };
          chars += piece.length;
        }
        if (endsLine && lines[lines.length - 1] === last) lines[lines.length - 1] = { ...last, complete: true };
        return;
      }
      if (last && !last.complete) lines[lines.length - 1] = { ...last, complete: true };
      if (lines.length >= limits.lines || chars + piece.length > limits.chars) {
        dropped += piece.length + (endsLine ? 1 : 0);
        return;
      }
      const line: OutputLine = { stream: chunk.stream, text: piece, t: chunk.t, complete: endsLine };
      if (chunk.task !== undefined) line.task = chunk.task;
      lines.push(line);
      chars += piece.length;
    });
  }
  return { lines, chars, droppedChars: dropped };
}

/** `+0.000s`, `+12.345s`, `+1:02.5` (minutes past a minute): short, fixed-width enough to scan. */
export function formatStamp(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 60_000) return `+${(safe / 1000).toFixed(3)}s`;
  const minutes = Math.floor(safe / 60_000);
  const seconds = ((safe % 60_000) / 1000).toFixed(1).padStart(4, '0');
  return `+${minutes}:${seconds}`;
}

/** Plain text of the output (for copying), one line per entry with its stream marked. */
export function outputText(state: OutputState): string {
  return state.lines.map((l) => (l.stream === 'stderr' ? `! ${l.text}` : l.text)).join('\n');
}
