/**
 * The status line under a run says which clock its time is on: on the virtual clock, the run's
 * own time (what the timeline's axis and the printed times count) and the real time it took;
 * on the real clock, the one time. In both languages.
 */
import { describe, expect, it } from 'vitest';
import en from '../../../src/content/i18n/en.json';
import pt from '../../../src/content/i18n/pt-BR.json';
import { statusText, type RunView } from '../../../src/components/playground/OutputPanel.tsx';
import { playgroundStrings } from '../../../src/lib/playground/string-keys.ts';

const done = (view: Partial<Extract<RunView, { phase: 'done' }>>): RunView => ({
  phase: 'done',
  status: 'ok',
  exitCode: 0,
  durationMs: 160,
  droppedChars: 0,
  clock: 'virtual',
  ...view,
});

describe('the status line names the clock of its time', () => {
  it('a run on the virtual clock: its own time, then the real time', () => {
    expect(statusText(done({ clockMs: 1100 }), playgroundStrings(en), 'en')).toBe(
      'Finished with exit status 0 in 1.10 s on the virtual clock (0.16 s of real time).',
    );
    expect(statusText(done({ clockMs: 1100 }), playgroundStrings(pt), 'pt-BR')).toBe(
      'Terminou com status de saída 0 em 1,10 s no relógio virtual (0,16 s de tempo real).',
    );
  });

  it('a run on the real clock, or one the page ended (no time of its own): the real time, named', () => {
    expect(statusText(done({ clock: 'real', clockMs: 161 }), playgroundStrings(en), 'en')).toBe('Finished with exit status 0 in 0.16 s on the real clock.');
    expect(statusText(done({ status: 'stopped', exitCode: 1 }), playgroundStrings(pt), 'pt-BR')).toBe(
      'Parado após 0,16 s no relógio real. O programa não terminou.',
    );
  });
});
