/**
 * The only exercise code a page loads up front. It:
 * - marks every exercise with the reader's saved progress at once (a solved one gets
 *   `data-verdict="pass"` and a "Solved" badge), without waiting for the island;
 * - imports the island (editor, checker) when an exercise comes within ~400px of the viewport;
 * - starts Python's warm-up, in idle time, once an exercise is actually visible.
 */
import { markProgress } from './progress-marks.ts';

const NEAR_MARGIN = '400px 0px';
const exercises = [...document.querySelectorAll<HTMLElement>('section[data-exercise]')];

markProgress(exercises);

function mount(section: HTMLElement): void {
  if (section.dataset.mounting) return;
  section.dataset.mounting = 'true';
  void import('./mount.tsx').then((m) => m.mountExercise(section));
}

function whenIdle(callback: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(callback, { timeout: 3000 });
  else setTimeout(callback, 200);
}

let warming = false;
function warmUp(): void {
  if (warming) return;
  warming = true;
  whenIdle(() => void import('../playground/warm-up.ts').then((m) => m.warmUp()));
}

if (exercises.length > 0) {
  if ('IntersectionObserver' in window) {
    const near = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          near.unobserve(entry.target);
          mount(entry.target as HTMLElement);
        }
      },
      { rootMargin: NEAR_MARGIN },
    );
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        // Only exercises that run in the page need Python.
        if (exercises.some((e) => e.dataset.runs === 'browser')) warmUp();
      }
    });
    for (const section of exercises) {
      near.observe(section);
      seen.observe(section);
    }
  } else {
    exercises.forEach(mount);
  }
}
