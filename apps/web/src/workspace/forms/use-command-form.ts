import { useRef, useState } from 'preact/hooks';
import type { FormProblem, TimelineEntry } from '@ledger/web-ui';
import { ApiError, NetworkError } from '../api';
import { useWs } from '../context';
import { CHANGES_QUERY } from '../queries';

export interface Conflict {
  expected: number;
  current: number;
  /** What was written meanwhile (summaries of the commitment's new events). */
  changes: TimelineEntry[];
  input: Record<string, unknown>;
}

export interface CommandFormOptions<P> {
  /** Prefix of the form's field ids: `${id}-${field}`. */
  id: string;
  /** The mutation's name, e.g. reportActivityProgress; its document takes `$input`. */
  mutation: string;
  document: string;
  /** The version the page shows (undefined: no optimistic lock, e.g. lead assignments). */
  version?: number;
  /** The commitment whose events a conflict lists. */
  commitmentId?: string;
  toInput(data: FormData): Record<string, unknown>;
  /** The payload already reflects the write; answer a message to announce, or nothing for the default. */
  onWritten(payload: P): string | void;
  /** After a conflict: reload what the page shows. */
  onConflict?(): void;
  /** Empty the form after a success (lists of entries); forms showing the current value keep it. */
  resetOnSuccess?: boolean;
  /** Fields that must not be empty, with their labels: said next to the field before anything is sent. */
  required?: Record<string, string>;
  /** When one form issues several commands (suspend / resume / cancel): the mutation for an input. */
  route?(input: Record<string, unknown>): { mutation: string; document: string; input: Record<string, unknown> };
}

export type FormStatus = 'idle' | 'sending' | 'retrying' | 'done' | 'failed';

/**
 * One command form: a fresh commandId per entry (the same on every retry of it, so a lost answer
 * never writes twice), the expectedVersion the form was built on (frozen at the first keystroke:
 * a live update of the page does not move it), the server's field problems next to their fields
 * and in an error summary, and a conflict that shows what changed and lets the user re-apply.
 */
export function useCommandForm<P extends { version: number; position: string }>(options: CommandFormOptions<P>) {
  const { api, t, loc } = useWs();
  const [status, setStatus] = useState<FormStatus>('idle');
  const [message, setMessage] = useState<string>();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [conflict, setConflict] = useState<Conflict>();
  const base = useRef<number | undefined>(undefined);
  const pending = useRef<{ key: string; id: string } | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldId = (name: string) => `${options.id}-${name}`;

  const send = async (input: Record<string, unknown>, expectedVersion: number | undefined) => {
    const key = JSON.stringify([input, expectedVersion]);
    // A retry of the same entry (after a network failure) keeps its commandId; a new entry gets a new one.
    const commandId = pending.current?.key === key ? pending.current.id : crypto.randomUUID();
    pending.current = { key, id: commandId };
    setStatus('sending');
    setMessage(t.sending);
    setProblems([]);
    setConflict(undefined);
    try {
      const target = options.route?.(input) ?? { mutation: options.mutation, document: options.document, input };
      const data = await api.command<Record<string, P>>(target.document, target.input, {
        commandId,
        expectedVersion,
        onRetry: () => {
          setStatus('retrying');
          setMessage(t.retrying);
        },
      });
      const payload = data[target.mutation];
      pending.current = undefined;
      base.current = undefined;
      if (options.resetOnSuccess) formRef.current?.reset();
      setStatus('done');
      setMessage(options.onWritten(payload) || t.savedAt(payload.position));
    } catch (error) {
      if (error instanceof NetworkError) {
        setStatus('failed');
        setMessage(t.networkFailed);
        return;
      }
      pending.current = undefined;
      if (!(error instanceof ApiError)) throw error;
      setStatus('failed');
      if (error.code === 'CONCURRENCY_CONFLICT') {
        setMessage(undefined);
        const current = Number(error.extensions.currentVersion);
        setConflict({ expected: expectedVersion ?? 0, current, changes: await changesSince(expectedVersion ?? 0), input });
        options.onConflict?.();
        focusSoon(`${options.id}-conflict`);
        return;
      }
      const listed = error.problems.length ? error.problems : [{ field: '', rule: '', message: error.message }];
      setMessage(undefined);
      setProblems(
        listed.map((p) => ({
          fieldId: p.field && formRef.current?.querySelector(`#${cssId(fieldId(p.field))}`) ? fieldId(p.field) : `${options.id}-form`,
          message: p.message,
        })),
      );
      focusSoon(`${options.id}-errors`);
    }
  };

  /** The commitment's events written since the form's version (public summaries). */
  const changesSince = async (version: number): Promise<TimelineEntry[]> => {
    if (!options.commitmentId) return [];
    try {
      const res = await api.query<{ auditTrail: { edges: Array<{ node: TimelineEntry & { stream: string; revision: number } }> } }>(
        CHANGES_QUERY,
        { commitmentId: options.commitmentId, lang: loc.lang },
      );
      return res.auditTrail.edges
        .map((e) => e.node)
        .filter((n) => n.stream === `commitment-${options.commitmentId}` && n.revision >= version);
    } catch {
      return [];
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const missing = Object.entries(options.required ?? {}).filter(([name]) => text(data, name) === undefined);
    if (missing.length > 0) {
      setStatus('failed');
      setMessage(undefined);
      setProblems(missing.map(([name, label]) => ({ fieldId: fieldId(name), message: t.requiredField(label) })));
      focusSoon(`${options.id}-errors`);
      return;
    }
    void send(options.toInput(data), base.current ?? options.version);
  };

  return {
    fieldId,
    status,
    message,
    problems,
    conflict,
    busy: status === 'sending' || status === 'retrying',
    errorsOf: (name: string) => problems.filter((p) => p.fieldId === fieldId(name)).map((p) => p.message),
    formProps: {
      id: `${options.id}-form`,
      ref: formRef,
      method: 'post',
      noValidate: true,
      onSubmit,
      // The form is built on the version shown when the user starts typing.
      onInput: () => {
        base.current ??= options.version;
      },
    },
    reapply: () => conflict && void send(conflict.input, conflict.current),
    discard: () => {
      formRef.current?.reset();
      base.current = undefined;
      setConflict(undefined);
      setStatus('idle');
    },
  };
}

export type CommandForm = ReturnType<typeof useCommandForm>;

const cssId = (id: string) => id.replace(/[^\w-]/g, (c) => `\\${c}`);

/** Moves focus to a panel once it is rendered (the error summary, the conflict). */
function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** Values of a form as trimmed text, absent when empty (GraphQL: not given). */
export const text = (data: FormData, name: string): string | undefined => {
  const v = data.get(name);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};
/** A number field as a number; what is not a number goes to the server as typed, so it names the problem. */
export const num = (data: FormData, name: string): number | string | undefined => {
  const v = text(data, name);
  if (v === undefined) return undefined;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
};
/** A date field (YYYY-MM-DD) as the business date: the end of that day would be in the future today, so its start. */
export const day = (data: FormData, name: string): string | undefined => text(data, name);
