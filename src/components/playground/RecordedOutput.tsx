import type { PlaygroundStrings } from '../../lib/playground/string-keys.ts';

/**
 * Shown instead of a run where the example cannot run without risking the tab (PostgreSQL in the
 * page on a phone): why, the output the tests recorded, and a way to run it anyway.
 */
export function RecordedOutput(props: { id: string; strings: PlaygroundStrings; recorded: string; onRunAnyway: () => void }) {
  const { strings } = props;
  return (
    <section className="pg-output pg-recorded" aria-labelledby={`${props.id}-recorded-title`}>
      <p className="pg-note pg-note-warn" role="status">
        {strings.databaseTooBig}
      </p>
      <h3 className="pg-output-title" id={`${props.id}-recorded-title`}>
        {strings.localOutput}
      </h3>
      <pre className="pg-log pg-recorded-log" tabIndex={0}>
        {props.recorded}
      </pre>
      <p>
        <button type="button" className="pg-link-btn" onClick={props.onRunAnyway}>
          {strings.databaseRunAnyway}
        </button>
      </p>
    </section>
  );
}
