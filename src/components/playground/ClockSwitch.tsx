import type { Clock } from '../../lib/examples/metadata.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';

/** Real or virtual time for the next run: a switch whose "on" is the virtual clock. */
export function ClockSwitch(props: { strings: PlaygroundStrings; clock: Clock; onChange: (clock: Clock) => void; disabled: boolean }) {
  const on = props.clock === 'virtual';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className="pg-switch"
      title={props.strings.clockHint}
      aria-disabled={props.disabled ? true : undefined}
      onClick={() => !props.disabled && props.onChange(on ? 'real' : 'virtual')}
    >
      <span className="pg-switch-track" aria-hidden="true">
        <span className="pg-switch-thumb" />
      </span>
      <span className="pg-switch-text">{props.strings.clock}</span>
    </button>
  );
}
