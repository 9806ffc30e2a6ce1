import { addFork, loadForks, saveForks } from '../../lib/playground/forks.ts';
import type { KeyValueStore } from '../../lib/playground/storage.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ToolButton } from './ToolButton.tsx';

export const FORKS_CHANGED = 'playground:forks-changed';

/** Saves a named copy of the current code to My playgrounds. */
export function ForkButton(props: {
  strings: PlaygroundStrings;
  store: KeyValueStore;
  baseName: string;
  source: string | undefined;
  getCode: () => string;
  onForked: (name: string, id: string, saved: boolean) => void;
}) {
  const fork = () => {
    const { forks, fork } = addFork(loadForks(props.store), {
      name: props.baseName.replace(/\.py$/, ''),
      code: props.getCode(),
      source: props.source,
    });
    const result = saveForks(props.store, forks);
    window.dispatchEvent(new CustomEvent(FORKS_CHANGED));
    props.onForked(fork.name, fork.id, result.ok);
  };
  return <ToolButton icon="fork" label={props.strings.fork} hint={props.strings.forkHint} onClick={fork} />;
}
