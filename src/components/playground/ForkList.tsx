import { useEffect, useState, type FormEvent } from 'react';
import { downloadName, downloadText, saveFile } from '../../lib/playground/download.ts';
import { deleteFork, FORKS_KEY, loadForks, renameFork, saveForks, type Fork } from '../../lib/playground/forks.ts';
import type { KeyValueStore } from '../../lib/playground/storage.ts';
import { format, type PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { FORKS_CHANGED } from './ForkButton.tsx';
import { FORK_PARAM } from './Playground.tsx';

/** The reader's copies on My playgrounds: open (in the page's playground), rename, download, delete. */
export function ForkList({ strings, store }: { strings: PlaygroundStrings; store: KeyValueStore }) {
  const [forks, setForks] = useState<Fork[]>(() => loadForks(store));
  const [renaming, setRenaming] = useState<string | undefined>();
  const [name, setName] = useState('');

  useEffect(() => {
    const reload = () => setForks(loadForks(store));
    const onStorage = (e: StorageEvent) => {
      if (e.key === FORKS_KEY) reload();
    };
    window.addEventListener(FORKS_CHANGED, reload);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(FORKS_CHANGED, reload);
      window.removeEventListener('storage', onStorage);
    };
  }, [store]);

  const commit = (next: Fork[]) => {
    saveForks(store, next);
    setForks(next);
    window.dispatchEvent(new CustomEvent(FORKS_CHANGED));
  };

  const submitRename = (event: FormEvent, fork: Fork) => {
    event.preventDefault();
    commit(renameFork(forks, fork.id, name));
    setRenaming(undefined);
  };

  const remove = (fork: Fork) => {
    if (!window.confirm(format(strings.mineDeleteConfirm, { name: fork.name }))) return;
    commit(deleteFork(forks, fork.id));
    if (new URLSearchParams(location.hash.slice(1)).get(FORK_PARAM) === fork.id) location.hash = '';
  };

  if (forks.length === 0) return <p className="pg-forks-empty">{strings.mineEmpty}</p>;

  return (
    <ul className="pg-forks" aria-label={strings.mineList}>
      {forks.map((fork) => (
        <li key={fork.id} className="pg-fork">
          {renaming === fork.id ? (
            <form className="pg-fork-rename" onSubmit={(e) => submitRename(e, fork)}>
              <label>
                <span className="sr-only">{format(strings.mineName, { name: fork.name })}</span>
                <input value={name} onChange={(e) => setName(e.currentTarget.value)} autoFocus required maxLength={80} />
              </label>
              <button type="submit" className="pg-btn">
                {strings.mineSave}
              </button>
              <button type="button" className="pg-btn" onClick={() => setRenaming(undefined)}>
                {strings.mineCancel}
              </button>
            </form>
          ) : (
            <>
              <span className="pg-fork-name">{fork.name}</span>
              {fork.source && <span className="pg-fork-from">{format(strings.mineFrom, { source: fork.source })}</span>}
              <span className="pg-fork-actions">
                <a className="pg-btn" href={`#${FORK_PARAM}=${encodeURIComponent(fork.id)}`} aria-label={`${strings.mineOpen}: ${fork.name}`}>
                  {strings.mineOpen}
                </a>
                <button
                  type="button"
                  className="pg-btn"
                  aria-label={`${strings.mineRename}: ${fork.name}`}
                  onClick={() => {
                    setName(fork.name);
                    setRenaming(fork.id);
                  }}
                >
                  {strings.mineRename}
                </button>
                <button
                  type="button"
                  className="pg-btn"
                  aria-label={`${strings.download}: ${fork.name}`}
                  onClick={() => saveFile(downloadName(fork.name), downloadText(fork.code, { dependencies: [], requiresPython: undefined }))}
                >
                  {strings.download}
                </button>
                <button type="button" className="pg-btn" aria-label={`${strings.mineDelete}: ${fork.name}`} onClick={() => remove(fork)}>
                  {strings.mineDelete}
                </button>
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
