/**
 * How the page's islands (playgrounds, exercises) load: nothing up front but this. The island's
 * code is imported when an element comes within ~400px of the viewport, so it is ready by the
 * time the reader gets there and nothing is downloaded for a page read only at the top. When the
 * element runs Python in the page, Python starts at that same moment, before and beside the
 * island: starting it is most of the wait after Run, and nothing about it needs the editor.
 */
import { preloadPyodide } from './pyodide-preload.ts';

const NEAR_MARGIN = '400px 0px';

export interface LazyIslands {
  /** The elements to mount, in page order. */
  elements: HTMLElement[];
  /** Imports the island and mounts it on `element` (called once per element). */
  load: (element: HTMLElement) => void;
  /** Whether reaching these elements means Python will be needed. */
  needsPython: boolean;
}

let starting = false;
/** Starts Python once per page: Pyodide's files are hinted to the browser, then the worker starts. */
export function startPython(): void {
  if (starting) return;
  starting = true;
  preloadPyodide();
  void import('./playground/warm-up.ts').then((m) => m.warmUp());
}

/** Mounts `element` unless it is already mounting. */
export function mountOnce(element: HTMLElement, load: (element: HTMLElement) => void): void {
  if (element.dataset.mounting) return;
  element.dataset.mounting = 'true';
  load(element);
}

export function watchIslands({ elements, load, needsPython }: LazyIslands): void {
  if (elements.length === 0) return;
  const reach = (element: HTMLElement) => {
    if (needsPython) startPython();
    mountOnce(element, load);
  };
  if (!('IntersectionObserver' in window)) {
    for (const element of elements) reach(element);
    return;
  }
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        reach(entry.target as HTMLElement);
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  for (const element of elements) near.observe(element);
}
