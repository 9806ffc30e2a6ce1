import type { ForkStore } from '../../lib/playground/forks.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ToolButton } from './ToolButton.tsx';

/** Saves a named copy of the current code to My playgrounds. */
export function ForkButton(props: {
  strings: PlaygroundStrings;
  forks: ForkStore;
  baseName: string;
  source: string | undefined;
  getCode: () => string;
  onForked: (name: string, id: string, saved: boolean) => void;
}) {
  const fork = () => {
    const { fork, result } = props.forks.add({
      name: props.baseName.replace(/\.py$/, ''),
      code: props.getCode(),
      source: props.source,
    });
    props.onForked(fork.name, fork.id, result.ok);
  };
  return <ToolButton icon="fork" label={props.strings.fork} hint={props.strings.forkHint} onClick={fork} />;
}
