import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ToolButton } from './ToolButton.tsx';

export function CopyButton(props: { strings: PlaygroundStrings; getCode: () => string; notify: (text: string) => void }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.getCode());
      props.notify(props.strings.copied);
    } catch {
      props.notify(props.strings.copyFailed);
    }
  };
  return <ToolButton icon="copy" label={props.strings.copy} hint={props.strings.copyHint} onClick={() => void copy()} />;
}
