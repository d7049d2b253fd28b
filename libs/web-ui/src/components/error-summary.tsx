import type { ComponentChildren } from 'preact';

/** One problem with one field of a form, as the server reported it (`extensions.problems`). */
export interface FormProblem {
  /** The input field's id on the page (the summary links to it). */
  fieldId: string;
  message: string;
}

/**
 * The GOV.UK "error summary": at the top of a form, a list of what is wrong, each linking to its
 * field; focused when it appears so screen reader users hear it. Forms of the workspaces use it.
 */
export function ErrorSummary({ title, problems }: { title: string; problems: readonly FormProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.fieldId}:${p.message}`}>
            <a href={`#${p.fieldId}`}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled field with its own error message next to it (aria-describedby, aria-invalid). */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  children: (aria: Record<string, string | undefined>) => ComponentChildren;
}) {
  const { id, label, hint, errors = [] } = props;
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${errors.length ? ' field-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
      {errors.length > 0 && (
        <span id={`${id}-error`} class="error-message">
          {errors.join(' ')}
        </span>
      )}
      {props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': errors.length ? 'true' : undefined })}
    </div>
  );
}
