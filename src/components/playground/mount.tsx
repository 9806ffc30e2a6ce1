/**
 * The editor chunk's entry: everything heavy (React, Sandpack, CodeMirror) is reached from here,
 * and only the loader imports it, dynamically, when a playground nears the viewport.
 */
import { createRoot } from 'react-dom/client';
import { STRINGS_ELEMENT_ID, type PlaygroundConfig } from '../../lib/playground/config.ts';
import { loadEdit } from '../../lib/playground/edits.ts';
import { forkIdFromHash, ForkStore } from '../../lib/playground/forks.ts';
import { decodeShare, parseShareFragment, ShareLinkError } from '../../lib/playground/share.ts';
import { createStore } from '../../lib/playground/storage.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ForkList } from './ForkList.tsx';
import { Playground, type InitialDoc } from './Playground.tsx';

const store = createStore();
const forks = new ForkStore(store);

function readStrings(): PlaygroundStrings {
  const text = document.getElementById(STRINGS_ELEMENT_ID)?.textContent ?? '{}';
  return JSON.parse(text) as PlaygroundStrings;
}

/** The playground a share link is for: the one named by `in=`, else the page's first. */
function isShareTarget(figure: HTMLElement, target: string | undefined): boolean {
  const all = [...document.querySelectorAll<HTMLElement>('[data-playground]')];
  const named = target ? all.find((f) => f.dataset.example === target) : undefined;
  return (named ?? all[0]) === figure;
}

async function initialDoc(figure: HTMLElement, config: PlaygroundConfig): Promise<InitialDoc> {
  const doc: InitialDoc = {
    code: loadEdit(store, config.lang, config.id) ?? config.main.code,
    shared: false,
    shareError: undefined,
    forkId: undefined,
    forkMissing: false,
  };
  const share = parseShareFragment(location.hash);
  if (share && isShareTarget(figure, share.target)) {
    try {
      doc.code = await decodeShare(share.payload);
      doc.shared = true;
    } catch (error) {
      doc.shareError = error instanceof ShareLinkError ? error.kind : 'malformed';
      doc.code = config.main.code;
    }
    return doc;
  }
  const forkId = forkIdFromHash(location.hash);
  if (config.mode === 'scratch' && forkId) {
    const fork = forks.find(forkId);
    if (fork) {
      doc.code = fork.code;
      doc.forkId = fork.id;
    } else {
      doc.forkMissing = true;
    }
  }
  return doc;
}

export async function mountPlayground(figure: HTMLElement): Promise<void> {
  const config = JSON.parse(figure.querySelector('.pg-config')?.textContent ?? '{}') as PlaygroundConfig;
  const staticView = figure.querySelector<HTMLElement>('.pg-static');
  const island = figure.querySelector<HTMLElement>('.pg-island');
  if (!island || !staticView) return;
  const initial = await initialDoc(figure, config);
  // The island renders hidden, then takes the placeholder's place in one swap. The placeholder
  // is removed, not hidden: it carries the editor's class names, which must name one editor.
  const onReady = () => {
    staticView.remove();
    island.hidden = false;
    figure.dataset.ready = 'true';
    if (initial.shared || initial.shareError) figure.scrollIntoView({ block: 'start' });
  };
  createRoot(island).render(
    <Playground config={config} strings={readStrings()} store={store} forks={forks} initial={initial} onReady={onReady} />,
  );
}

export function mountForkList(element: HTMLElement): void {
  element.replaceChildren();
  createRoot(element).render(<ForkList strings={readStrings()} forks={forks} />);
}
