/**
 * The only playground code a page loads up front (a few hundred bytes): the editor island loads
 * as a playground nears the viewport, and Python starts at that moment beside it (lazy-islands.ts);
 * the playground a share link (`#code=...`) points to mounts at once, and Python starts with it.
 */
import { mountOnce, startPython, watchIslands } from '../lazy-islands.ts';

const playgrounds = [...document.querySelectorAll<HTMLElement>('[data-playground]')];
const load = (figure: HTMLElement) => void import('./mount.tsx').then((m) => m.mountPlayground(figure));

if (playgrounds.length > 0 && /(^#|&)code=/.test(location.hash)) {
  // A share link: its playground mounts now (the island picks which one takes the code).
  const target = new URLSearchParams(location.hash.slice(1)).get('in');
  startPython();
  mountOnce(playgrounds.find((p) => p.dataset.example === target) ?? playgrounds[0]!, load);
}
watchIslands({ elements: playgrounds, load, needsPython: true });
