import type { ReactNode } from 'react';
import type { PlaygroundStrings } from '../../../lib/playground/string-keys.ts';

/** The key: the same fills as the lanes, each with its words. */
export function Legend({ strings, idPrefix }: { strings: PlaygroundStrings; idPrefix: string }) {
  const swatch = (body: ReactNode) => (
    <svg className="tl-swatch" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
      {body}
    </svg>
  );
  return (
    <ul className="tl-legend" aria-label={strings.timelineLegend}>
      <li>
        {swatch(<rect className="tl-steps" x="0" y="0" width="24" height="12" />)}
        {strings.timelineLegendRunning}
      </li>
      <li>
        {swatch(
          <>
            <rect x="0" y="3" width="24" height="6" fill={`url(#${idPrefix}-hatch)`} />
            <rect className="tl-life-edge" x="0" y="3" width="24" height="6" />
          </>,
        )}
        {strings.timelineLegendWaiting}
      </li>
      <li>
        {swatch(<rect className="tl-blocking" x="0.5" y="0.5" width="23" height="11" fill={`url(#${idPrefix}-blocking)`} />)}⚠{' '}
        {strings.timelineLegendBlocking}
      </li>
      <li>
        {swatch(<rect x="0" y="3" width="24" height="6" fill={`url(#${idPrefix}-held)`} />)}
        {strings.timelineLegendHeldUp}
      </li>
      <li>{strings.timelineLegendEnd}</li>
    </ul>
  );
}
