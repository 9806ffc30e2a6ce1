import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ToolButton } from './ToolButton.tsx';

export function RunButton({ strings, onRun, disabled }: { strings: PlaygroundStrings; onRun: () => void; disabled: boolean }) {
  return (
    <ToolButton
      icon="run"
      label={strings.run}
      hint={strings.runHint}
      onClick={onRun}
      disabled={disabled}
      primary
      labelled
      keyshortcuts="Control+Enter Meta+Enter"
    />
  );
}
