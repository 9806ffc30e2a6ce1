import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ToolButton } from './ToolButton.tsx';

/** Brings back the original code; asks first only when there is something to lose. */
export function ResetButton(props: { strings: PlaygroundStrings; edited: boolean; onReset: () => void }) {
  const reset = () => {
    if (props.edited && !window.confirm(props.strings.resetConfirm)) return;
    props.onReset();
  };
  return <ToolButton icon="reset" label={props.strings.reset} hint={props.strings.resetHint} onClick={reset} />;
}
