import { isolate } from '@ledger/web-ui';
import { useState } from 'preact/hooks';
import type { Loaded } from '../../context';
import { useWs } from '../../context';
import { EffectiveAt, FormFeedback, FormFooter, Input, TextArea } from '../../forms/form-parts';
import { text, useCommandForm } from '../../forms/use-command-form';
import { commitmentMutation, type CommitmentPayload, type WsAction, type WsActivity, type WsCommitmentData } from '../../queries';
import { Bidi } from '../common';

const KINDS = ['DONE', 'NOT_DONE', 'ADDITIONAL'] as const;
type Kind = (typeof KINDS)[number];
const LISTS: Record<Kind, keyof Pick<WsActivity, 'actionsDone' | 'actionsNotDone' | 'additionalActions'>> = {
  DONE: 'actionsDone',
  NOT_DONE: 'actionsNotDone',
  ADDITIONAL: 'additionalActions',
};

/** The activity's actions, by kind; each can be retracted (with a reason) by its lead. */
export function ActionLists(props: { state: Loaded<WsCommitmentData>; c: WsCommitmentData; a: WsActivity; mine: boolean }) {
  const { t } = useWs();
  return (
    <div class="action-lists">
      {KINDS.map((kind) => {
        const list = props.a[LISTS[kind]];
        return (
          <section key={kind} aria-labelledby={`actions-${kind}`}>
            <h3 id={`actions-${kind}`}>{t.actionsOfKind[kind]}</h3>
            {list.length === 0 ? (
              <p class="hint">{t.noActions}</p>
            ) : (
              <ul class="entries">
                {list.map((action) => (
                  <li key={action.id} id={`action-${action.id}`}>
                    <Bidi>{action.text}</Bidi>
                    {action.date && <span class="hint"> ({action.date})</span>}
                    {action.reason && <p class="hint">{action.reason}</p>}
                    {props.mine && <RetractForm {...props} action={action} />}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function RetractForm({ state, c, a, action }: { state: Loaded<WsCommitmentData>; c: WsCommitmentData; a: WsActivity; action: WsAction }) {
  const { t } = useWs();
  const id = `retract-${action.id.replace(/[^\w-]/g, '_')}`;
  const form = useCommandForm<CommitmentPayload>({
    id,
    mutation: 'retractAction',
    document: commitmentMutation('retractAction', 'RetractActionInput'),
    version: c.version,
    commitmentId: c.id,
    required: { reason: t.reason },
    // A retraction takes the date of the action it retracts.
    toInput: (d) => ({
      commitmentId: c.id,
      activityId: a.id,
      actionId: action.id,
      reason: text(d, 'reason'),
      ...(action.effectiveAt ? { effectiveAt: action.effectiveAt } : {}),
    }),
    onWritten: (p) => state.set(p.commitment),
    onConflict: state.reload,
  });
  return (
    <details class="retract">
      <summary>{t.retract}</summary>
      <form {...form.formProps} class="command-form compact" aria-label={t.retractTitle(isolate(action.text))}>
        <p class="hint">{t.retractIntro}</p>
        <FormFeedback form={form} />
        <TextArea form={form} name="reason" label={t.reason} hint={t.reasonHint} rows={2} />
        <FormFooter form={form} label={t.submitRetract} />
      </form>
    </details>
  );
}

/** Record an action done, not done (with why) or additional. */
export function ActionForm({ state, c, a }: { state: Loaded<WsCommitmentData>; c: WsCommitmentData; a: WsActivity }) {
  const { t } = useWs();
  const [kind, setKind] = useState<Kind>('DONE');
  const form = useCommandForm<CommitmentPayload>({
    id: 'action',
    mutation: 'recordAction',
    document: commitmentMutation('recordAction', 'RecordActionInput'),
    version: c.version,
    commitmentId: c.id,
    required: { text: t.actionText },
    toInput: (d) => ({
      commitmentId: c.id,
      activityId: a.id,
      kind: text(d, 'kind'),
      text: text(d, 'text'),
      date: text(d, 'date'),
      reason: text(d, 'kind') === 'NOT_DONE' ? text(d, 'reason') : undefined,
      effectiveAt: text(d, 'effectiveAt'),
    }),
    onWritten: (p) => state.set(p.commitment),
    onConflict: state.reload,
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="action-heading" onReset={() => setKind('DONE')}>
      <h2 id="action-heading">{t.recordActionTitle}</h2>
      <FormFeedback form={form} />
      <fieldset class="radios" id={form.fieldId('kind')}>
        <legend>{t.actionKind}</legend>
        {KINDS.map((k) => (
          <label key={k} class="radio">
            <input type="radio" name="kind" value={k} defaultChecked={k === 'DONE'} onChange={() => setKind(k)} /> {t.actionKinds[k]}
          </label>
        ))}
      </fieldset>
      <TextArea form={form} name="text" label={t.actionText} rows={2} />
      {kind === 'NOT_DONE' && <TextArea form={form} name="reason" label={t.notDoneReason} rows={2} optional />}
      <Input form={form} name="date" label={t.actionDate} hint={t.actionDateHint} optional />
      <EffectiveAt form={form} />
      <FormFooter form={form} label={t.submitAction} />
    </form>
  );
}
