import type { Clock } from '../../lib/examples/metadata.ts';
import type { DownloadMeta } from '../../lib/playground/download.ts';
import { ForkStore } from '../../lib/playground/forks.ts';
import type { KeyValueStore } from '../../lib/playground/storage.ts';
import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { ClockSwitch } from './ClockSwitch.tsx';
import { CopyButton } from './CopyButton.tsx';
import { DownloadButton } from './DownloadButton.tsx';
import { ForkButton } from './ForkButton.tsx';
import { ResetButton } from './ResetButton.tsx';
import { RunButton } from './RunButton.tsx';
import { ShareButton } from './ShareButton.tsx';
import { StopButton } from './StopButton.tsx';

export interface ToolbarProps {
  strings: PlaygroundStrings;
  clock: Clock;
  running: boolean;
  edited: boolean;
  fileName: string;
  example: string | undefined;
  downloadMeta: DownloadMeta;
  forks: ForkStore;
  forkName: string;
  getCode: () => string;
  onRun: () => void;
  onStop: () => void;
  onClock: (clock: Clock) => void;
  onReset: () => void;
  notify: (text: string) => void;
  onShareLink: (url: string, copied: boolean) => void;
  onForked: (name: string, forkId: string, saved: boolean) => void;
  /** The build-time placeholder's copy (see ToolbarPlaceholder). */
  placeholder?: boolean;
}

/** The playground's actions, in reading order: run, stop, the clock, then the file's actions. */
export function Toolbar(props: ToolbarProps) {
  const { strings } = props;
  return (
    <div
      className={props.placeholder ? 'pg-toolbar pg-toolbar-placeholder' : 'pg-toolbar'}
      role="group"
      aria-label={strings.toolbar}
      inert={props.placeholder}
    >
      <RunButton strings={strings} onRun={props.onRun} disabled={props.running} />
      <StopButton strings={strings} onStop={props.onStop} disabled={!props.running} />
      <ClockSwitch strings={strings} clock={props.clock} onChange={props.onClock} disabled={props.running} />
      <ResetButton strings={strings} edited={props.edited} onReset={props.onReset} />
      <CopyButton strings={strings} getCode={props.getCode} notify={props.notify} />
      <DownloadButton strings={strings} fileName={props.fileName} meta={props.downloadMeta} getCode={props.getCode} />
      <ShareButton strings={strings} example={props.example} getCode={props.getCode} notify={props.notify} onLink={props.onShareLink} />
      <ForkButton
        strings={strings}
        forks={props.forks}
        baseName={props.forkName}
        source={props.example}
        getCode={props.getCode}
        onForked={props.onForked}
      />
    </div>
  );
}

const nothing = () => undefined;
const noStore: KeyValueStore = { get: () => null, set: () => ({ ok: true }), remove: nothing, keys: () => [] };
/** Never used: the placeholder's buttons cannot be pressed. */
const noForks = new ForkStore(noStore, undefined);

/**
 * The toolbar as the page shows it before the editor mounts: the same buttons, rendered at build
 * time by the same components, so the title keeps the width it will have and nothing moves at
 * the swap. Inert (not focusable, not clickable, hidden from assistive technology) until then;
 * Playground.astro hides it where JavaScript is off, as it would never work there.
 */
export function ToolbarPlaceholder(props: { strings: PlaygroundStrings; clock: Clock; fileName: string; example: string | undefined }) {
  return (
    <Toolbar
        placeholder
        strings={props.strings}
        clock={props.clock}
        running={false}
        edited={false}
        fileName={props.fileName}
        example={props.example}
        downloadMeta={{ dependencies: [], requiresPython: undefined }}
        forks={noForks}
        forkName={props.fileName}
        getCode={() => ''}
        onRun={nothing}
        onStop={nothing}
        onClock={nothing}
        onReset={nothing}
        notify={nothing}
        onShareLink={nothing}
        onForked={nothing}
    />
  );
}
