/**
 * How the page's islands (playgrounds, exercises) load: nothing up front but this. The island's
 * code is imported when an element comes within ~400px of the viewport, so it is ready by the
 * time the reader gets there and nothing is downloaded for a page read only at the top; Python's
 * warm-up starts in idle time once one that runs in the page is actually visible.
 */
const NEAR_MARGIN = '400px 0px';

export interface LazyIslands {
  /** The elements to mount, in page order. */
  elements: HTMLElement[];
  /** Imports the island and mounts it on `element` (called once per element). */
  load: (element: HTMLElement) => void;
  /** Whether seeing these elements means Python will be needed. */
  needsPython: boolean;
}

function whenIdle(callback: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(callback, { timeout: 3000 });
  else setTimeout(callback, 200);
}

let warming = false;
function warmUp(): void {
  if (warming) return;
  warming = true;
  whenIdle(() => void import('./playground/warm-up.ts').then((m) => m.warmUp()));
}

/** Mounts `element` unless it is already mounting. */
export function mountOnce(element: HTMLElement, load: (element: HTMLElement) => void): void {
  if (element.dataset.mounting) return;
  element.dataset.mounting = 'true';
  load(element);
}

export function watchIslands({ elements, load, needsPython }: LazyIslands): void {
  if (elements.length === 0) return;
  if (!('IntersectionObserver' in window)) {
    for (const element of elements) mountOnce(element, load);
    return;
  }
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        mountOnce(entry.target as HTMLElement, load);
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  const seen = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      seen.disconnect();
      if (needsPython) warmUp();
    }
  });
  for (const element of elements) {
    near.observe(element);
    seen.observe(element);
  }
}
