import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ToolButton } from './ToolButton.tsx';

export function StopButton({ strings, onStop, disabled }: { strings: PlaygroundStrings; onStop: () => void; disabled: boolean }) {
  return <ToolButton icon="stop" label={strings.stop} onClick={onStop} disabled={disabled} labelled />;
}
