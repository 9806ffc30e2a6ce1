import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { downloadName, downloadText, saveFile } from '../../lib/playground/download.ts';
import { forkHash, forkIdFromHash, type Fork, type ForkStore } from '../../lib/playground/forks.ts';
import { format, type PlaygroundStrings } from '../../lib/playground/string-keys.ts';

/** The reader's copies on My playgrounds: open (in the page's playground), rename, download, delete. */
export function ForkList({ strings, forks: store }: { strings: PlaygroundStrings; forks: ForkStore }) {
  const { forks, setAside } = useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot);
  const [renaming, setRenaming] = useState<string | undefined>();
  const [name, setName] = useState('');

  const submitRename = (event: FormEvent, fork: Fork) => {
    event.preventDefault();
    store.rename(fork.id, name);
    setRenaming(undefined);
  };

  const remove = (fork: Fork) => {
    if (!window.confirm(format(strings.mineDeleteConfirm, { name: fork.name }))) return;
    store.remove(fork.id);
    if (forkIdFromHash(location.hash) === fork.id) location.hash = '';
  };

  // Entries storage held but this page could not read: never dropped, offered as a file.
  const unreadable = setAside.length > 0 && (
    <p className="pg-note pg-note-warn" role="alert">
      {format(strings.mineUnreadable, { count: setAside.length })}{' '}
      <button
        type="button"
        className="pg-link-btn"
        onClick={() => saveFile('unreadable-playgrounds.txt', setAside.join('\n\n'))}
      >
        {strings.mineUnreadableDownload}
      </button>{' '}
      <button type="button" className="pg-link-btn" onClick={() => store.forgetSetAside()}>
        {strings.dismiss}
      </button>
    </p>
  );

  if (forks.length === 0) {
    return (
      <>
        {unreadable}
        <p className="pg-forks-empty">{strings.mineEmpty}</p>
      </>
    );
  }

  return (
    <>
    {unreadable}
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
                <a className="pg-btn" href={forkHash(fork.id)} aria-label={`${strings.mineOpen}: ${fork.name}`}>
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
    </>
  );
}
