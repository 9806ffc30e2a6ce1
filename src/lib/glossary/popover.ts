/**
 * Glossary popovers on term links (`.gl-term`): CSS shows the definition on hover and on
 * keyboard focus; this adds what CSS cannot do. Escape hides it (WCAG 1.4.13: dismissible);
 * on a touch screen the first tap shows the definition and a second tap follows the link;
 * a tip that would run off the screen is shifted back in.
 */
let lastPointer = 'mouse';

function fit(term: Element) {
  const tip = term.querySelector<HTMLElement>('.gl-tip');
  if (!tip) return;
  tip.style.removeProperty('--gl-shift');
  const rect = tip.getBoundingClientRect();
  const overflow = rect.right - (document.documentElement.clientWidth - 8);
  if (overflow > 0) tip.style.setProperty('--gl-shift', `${-Math.min(overflow, rect.left - 8)}px`);
}

function closeAll(except?: Element) {
  for (const open of document.querySelectorAll('.gl-term[data-open]')) {
    if (open !== except) open.removeAttribute('data-open');
  }
}

document.addEventListener('pointerdown', (e) => {
  lastPointer = e.pointerType;
  if (!(e.target as Element).closest?.('.gl-term')) closeAll();
});

document.addEventListener('click', (e) => {
  const link = (e.target as Element).closest?.('.gl-term > a');
  if (!link || lastPointer !== 'touch') return;
  const term = link.parentElement!;
  if (!term.hasAttribute('data-open')) {
    e.preventDefault();
    closeAll(term);
    term.removeAttribute('data-dismissed');
    term.setAttribute('data-open', '');
    fit(term);
  }
});

for (const type of ['mouseover', 'focusin'] as const) {
  document.addEventListener(type, (e) => {
    const term = (e.target as Element).closest?.('.gl-term');
    if (term) fit(term);
  });
}
for (const type of ['mouseout', 'focusout'] as const) {
  document.addEventListener(type, (e) => {
    const term = (e.target as Element).closest?.('.gl-term');
    const to = (e as MouseEvent | FocusEvent).relatedTarget as Element | null;
    if (term && !term.contains(to)) term.removeAttribute('data-dismissed');
  });
}

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  const shown = [...document.querySelectorAll('.gl-term')].filter(
    (t) => t.matches(':hover, :focus-within') || t.hasAttribute('data-open'),
  );
  for (const t of shown) {
    t.setAttribute('data-dismissed', '');
    t.removeAttribute('data-open');
  }
});
