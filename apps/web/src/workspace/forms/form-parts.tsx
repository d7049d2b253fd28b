import type { ComponentChildren } from 'preact';
import { ErrorSummary, Field } from '@ledger/web-ui';
import { useWs } from '../context';
import type { CommandForm } from './use-command-form';

/** Above a form's fields: the error summary (focused), or the conflict with what changed and the way out. */
export function FormFeedback({ form }: { form: CommandForm }) {
  const { t, fmt } = useWs();
  const { conflict } = form;
  return (
    <>
      <div id={`${form.fieldId('errors')}`} tabIndex={-1}>
        <ErrorSummary title={t.errorSummaryTitle} problems={form.problems} />
      </div>
      {conflict && (
        <div class="conflict" id={form.fieldId('conflict')} tabIndex={-1} role="alert" aria-labelledby={form.fieldId('conflict-title')}>
          <h3 id={form.fieldId('conflict-title')}>{t.conflictTitle}</h3>
          <p>{t.conflictBody(fmt.number(conflict.expected), fmt.number(conflict.current))}</p>
          {conflict.changes.length > 0 ? (
            <ul class="conflict-changes">
              {conflict.changes.map((c) => (
                <li key={c.position}>
                  <span class="hint">{fmt.day(c.effectiveAt)}</span> — {c.summary}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.conflictNothingListed}</p>
          )}
          <div class="actions">
            <button type="button" onClick={form.reapply}>
              {t.reapply}
            </button>
            <button type="button" class="secondary" onClick={form.discard}>
              {t.discard}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** Below a form: its submit button and what happened (sending, retrying, saved, unreachable). */
export function FormFooter({ form, label }: { form: CommandForm; label: string }) {
  const { t } = useWs();
  return (
    <div class="form-footer">
      <button type="submit" disabled={form.busy}>
        {form.busy ? t.sending : label}
      </button>
      <p class={`form-status status-${form.status}`} role="status" aria-live="polite">
        {form.message ?? ''}
      </p>
    </div>
  );
}

type InputProps = { name: string; label: string; hint?: string; form: CommandForm; optional?: boolean };

/** A labelled input with the server's message for it next to it. */
export function Input(
  props: InputProps & {
    type?: string;
    value?: string | number;
    step?: string;
    min?: string;
    max?: string;
    inputMode?: 'decimal' | 'numeric';
    size?: number;
    autoComplete?: string;
    onInput?: (event: Event) => void;
  },
) {
  const { t } = useWs();
  const { name, label, hint, form, optional, type = 'text', value, ...rest } = props;
  return (
    <Field id={form.fieldId(name)} label={optional ? `${label} ${t.optional}` : label} hint={hint} errors={form.errorsOf(name)}>
      {(aria) => <input {...aria} name={name} type={type} defaultValue={value === undefined ? undefined : String(value)} {...rest} />}
    </Field>
  );
}

export function TextArea(props: InputProps & { value?: string | null; rows?: number }) {
  const { t } = useWs();
  const { name, label, hint, form, optional, value, rows = 3 } = props;
  return (
    <Field id={form.fieldId(name)} label={optional ? `${label} ${t.optional}` : label} hint={hint} errors={form.errorsOf(name)}>
      {(aria) => <textarea {...aria} name={name} rows={rows} defaultValue={value ?? undefined} />}
    </Field>
  );
}

export function Select(
  props: InputProps & { options: Array<{ value: string; label: string }>; value?: string; children?: ComponentChildren },
) {
  const { name, label, hint, form, options, value } = props;
  return (
    <Field id={form.fieldId(name)} label={label} hint={hint} errors={form.errorsOf(name)}>
      {(aria) => (
        <select {...aria} name={name}>
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Today, as a date field's value: the UTC day, which is never in the server's future. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** The effective date of a command: today unless changed. */
export function EffectiveAt({ form, value }: { form: CommandForm; value?: string }) {
  const { t } = useWs();
  return (
    <Input
      form={form}
      name="effectiveAt"
      type="date"
      label={t.effectiveAt}
      hint={t.effectiveAtHint}
      value={value ?? today()}
      max={today()}
    />
  );
}
