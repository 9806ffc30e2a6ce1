/**
 * Small pieces every kind of exercise uses: a button, inline code in plain text, the verdict,
 * the hints, the solution, the storage warning.
 */
import { Fragment, type ReactNode } from 'react';
import type { SaveResult } from '../../lib/playground/storage.ts';
import { format, type ExerciseStrings } from '../../lib/exercises/strings.ts';
import type { CheckStatus, Verdict } from '../../lib/exercises/verdict.ts';

const ICONS = {
  check: 'M5 12.5 10 17.5 19 7',
  run: 'M7 4.5v15l12-7.5z',
  reset: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v4.5h4.5',
  download: 'M12 4v11m-5-5 5 5 5-5M5 20h14',
  hint: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  solution: 'M4 12s3-6 8-6 8 6 8 6-3 6-8 6-8-6-8-6zm8 2.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
} as const;

export type ExIcon = keyof typeof ICONS;

/** A toolbar button in the playground's style; `aria-disabled` keeps the focus where it is. */
export function ExButton(props: {
  icon: ExIcon;
  label: string;
  hint?: string;
  onClick: () => void;
  disabled?: boolean;
  primary?: boolean;
  keyshortcuts?: string;
  /** Keep the word beside the icon (Check, Run); others show the icon and carry the word as
   *  their name. */
  labelled?: boolean;
  /** A labelled button that still gives up its word on a phone (Run). */
  phoneIcon?: boolean;
}) {
  return (
    <button
      type="button"
      className={`pg-btn${props.labelled ? ' pg-btn-labelled' : ''}${props.labelled && !props.phoneIcon ? ' ex-keep-label' : ''}${props.primary ? ' pg-btn-primary' : ''}`}
      onClick={props.disabled ? undefined : props.onClick}
      aria-disabled={props.disabled ? true : undefined}
      title={props.hint ?? props.label}
      aria-keyshortcuts={props.keyshortcuts}
    >
      <svg className="pg-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path
          d={ICONS[props.icon]}
          fill={props.icon === 'run' ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="pg-btn-text">{props.label}</span>
    </button>
  );
}

/** Plain text from the checker with `code` in backticks shown as code (no other markup). */
export function Inline({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}

const MARKS: Record<CheckStatus, string> = { pass: '✓', fail: '✗', skip: '–' };

/**
 * The verdict as a status region: a summary line, then one line per check. A prediction has a
 * single answer: its `summary` replaces the count, and the list is left out.
 */
export function VerdictView(props: {
  verdict: Verdict | undefined;
  pending: string | undefined;
  strings: ExerciseStrings;
  summary?: string | undefined;
}) {
  const { verdict, pending, strings, summary } = props;
  const statusWord: Record<CheckStatus, string> = { pass: strings.statusPass, fail: strings.statusFail, skip: strings.statusSkip };
  const failed = verdict?.checks.filter((c) => c.status !== 'pass').length ?? 0;
  return (
    <div className="ex-verdict" role="status" aria-label={strings.verdict} data-state={pending ? 'pending' : verdict ? (verdict.passed ? 'pass' : 'fail') : 'none'}>
      {pending && <p className="ex-pending">{pending}</p>}
      {!pending && verdict && (
        <>
          <p className="ex-summary">
            {summary !== undefined ? <Inline text={summary} /> : verdict.passed ? strings.passed : format(strings.failed, { failed, total: verdict.checks.length })}
          </p>
          {verdict.mistake && (
            <p className="ex-mistake">
              <strong>{strings.mistake}:</strong> <Inline text={verdict.mistake.message} />
            </p>
          )}
          {summary === undefined && (<ul className="ex-checks">
            {verdict.checks.map((c) => (
              <li key={c.id} data-status={c.status} data-check={c.id}>
                <span className="ex-mark" aria-hidden="true">
                  {MARKS[c.status]}
                </span>
                <span className="ex-check-text">
                  <span className="sr-only">{statusWord[c.status]}: </span>
                  <Inline text={c.title} />
                  {c.message && c.status !== 'pass' && (
                    <span className="ex-message">
                      <Inline text={c.message} />
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>)}
          {verdict.details && (
            <details className="ex-more">
              <summary>{strings.details}</summary>
              <pre>{verdict.details}</pre>
            </details>
          )}
          {verdict.output && (
            <details className="ex-more">
              <summary>{strings.printed}</summary>
              <pre>{verdict.output}</pre>
            </details>
          )}
        </>
      )}
    </div>
  );
}

/** Hints revealed so far (HTML rendered at build time from the exercise's Markdown). */
export function HintList({ hints, shown, strings }: { hints: string[]; shown: number; strings: ExerciseStrings }) {
  if (shown === 0) return null;
  return (
    <section className="ex-hints" aria-label={strings.hints}>
      <ol>
        {hints.slice(0, shown).map((html, i) => (
          <li key={i}>
            <span className="ex-hint-label">{format(strings.hintLabel, { n: i + 1 })}</span>
            <div dangerouslySetInnerHTML={{ __html: html }} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The solution and its explanation, as the build highlighted them (a template in the page). */
export function SolutionView(props: { html: string; heading: string; children?: ReactNode }) {
  const { html, heading, children } = props;
  return (
    <section className="ex-solution" data-solution aria-label={heading}>
      <h4>{heading}</h4>
      <div className="sl-markdown-content" dangerouslySetInnerHTML={{ __html: html }} />
      {children}
    </section>
  );
}

export function StorageNote(props: { problem: SaveResult | undefined; strings: ExerciseStrings; onDownload?: () => void }) {
  const { problem, strings } = props;
  if (!problem || problem.ok) return null;
  return (
    <p className="pg-note pg-note-warn" role="alert">
      {problem.reason === 'quota' ? strings.storageQuota : strings.storageUnavailable}{' '}
      {props.onDownload && (
        <button type="button" className="pg-link-btn" onClick={props.onDownload}>
          {strings.storageDownload}
        </button>
      )}
    </p>
  );
}
