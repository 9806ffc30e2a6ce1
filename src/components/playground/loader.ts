/**
 * The only playground code a page loads up front (a few hundred bytes). It watches every
 * playground and:
 * - imports the editor island when one comes within ~400px of the viewport (so it is ready by
 *   the time the reader gets there, and nothing is downloaded for a page read only at the top);
 * - starts the Python runtime's warm-up, in idle time, once a playground is actually visible;
 * - mounts at once the playground a share link (`#code=...`) points to.
 */
const NEAR_MARGIN = '400px 0px';

const playgrounds = [...document.querySelectorAll<HTMLElement>('[data-playground]')];

function mount(figure: HTMLElement): void {
  if (figure.dataset.mounting) return;
  figure.dataset.mounting = 'true';
  void import('./mount.tsx').then((m) => m.mountPlayground(figure));
}

function whenIdle(callback: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(callback, { timeout: 3000 });
  else setTimeout(callback, 200);
}

let warming = false;
function warmUp(): void {
  if (warming) return;
  warming = true;
  whenIdle(() => void import('./warm-up.ts').then((m) => m.warmUp()));
}

if (playgrounds.length > 0) {
  if (/(^#|&)code=/.test(location.hash)) {
    // A share link: its playground mounts now (the island picks which one takes the code).
    const target = new URLSearchParams(location.hash.slice(1)).get('in');
    mount(playgrounds.find((p) => p.dataset.example === target) ?? playgrounds[0]!);
  }
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
        warmUp();
      }
    });
    for (const figure of playgrounds) {
      near.observe(figure);
      seen.observe(figure);
    }
  } else {
    playgrounds.forEach(mount);
  }
}
