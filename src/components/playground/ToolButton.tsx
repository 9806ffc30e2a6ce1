import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons.tsx';

/** A toolbar button: icon + short label (the label hides on narrow screens, the name stays). */
export function ToolButton(props: {
  icon: IconName;
  label: string;
  hint?: string;
  onClick: () => void;
  disabled?: boolean;
  primary?: boolean;
  children?: ReactNode;
  keyshortcuts?: string;
  /** Keep the word beside the icon (Run, Stop). */
  labelled?: boolean;
}) {
  return (
    <button
      type="button"
      className={`pg-btn${props.primary ? ' pg-btn-primary' : ''}${props.labelled ? ' pg-btn-labelled' : ''}`}
      // aria-disabled, not disabled: a button that turns off while focused (Run during a run)
      // keeps the focus, so a keyboard user is not thrown back to the top of the page.
      onClick={props.disabled ? undefined : props.onClick}
      aria-disabled={props.disabled ? true : undefined}
      title={props.hint ?? props.label}
      aria-label={props.label}
      aria-keyshortcuts={props.keyshortcuts}
    >
      <Icon name={props.icon} />
      <span className="pg-btn-text">{props.label}</span>
      {props.children}
    </button>
  );
}
