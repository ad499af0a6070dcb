import type { ComponentChildren } from 'preact';
import { ERROR } from './styles.ts';

interface Props {
  /** The control's id; the error paragraph is `${id}-error`. */
  id: string;
  /** The accessible name the spec fixes (tests find the field by it). */
  label: string;
  error?: string;
  hint?: string;
  /** Checkboxes put the label after the box. */
  inline?: boolean;
  children: ComponentChildren;
}

/** A labelled control with its hint and its error message right beside it. */
export function Field({ id, label, error, hint, inline, children }: Props) {
  const text = <span class={inline ? '' : 'font-medium'}>{label}</span>;
  return (
    <div>
      {inline ? (
        <label class="flex items-center gap-2">
          {children}
          {text}
        </label>
      ) : (
        <>
          <label for={id}>{text}</label>
          {children}
        </>
      )}
      {hint && (
        <p id={`${id}-hint`} class="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class={ERROR}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria wiring for a control inside <Field>. */
export function describedBy(id: string, error?: string, hint?: string) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
}
