import type { Loaded } from '../../context';
import { useWs } from '../../context';
import { FormFeedback, FormFooter, Input } from '../../forms/form-parts';
import { text, useCommandForm } from '../../forms/use-command-form';
import { commitmentMutation, type CommitmentPayload, type WsCommitmentData } from '../../queries';
import { withCommitment, type CoordinatorData } from './coordinator-data';

const ASSIGN = commitmentMutation('assignLead', 'LeadAssignmentInput');
const REVOKE = commitmentMutation('revokeLead', 'LeadAssignmentInput');

/**
 * A commitment's leads: revoke one, assign another. No expectedVersion here: assignments live in
 * the plan's access stream, whose version the page does not show (the payload's version is the
 * commitment's); assigning twice or revoking a non-lead is refused by the rule itself.
 */
export function LeadsSection({ state, c }: { state: Loaded<CoordinatorData>; c: WsCommitmentData }) {
  const { t, fmt } = useWs();
  const leads = c.leads ?? [];
  return (
    <section aria-labelledby="leads-heading">
      <h2 id="leads-heading">{t.leadsTitle}</h2>
      {leads.length === 0 ? (
        <p>{t.noLeads}</p>
      ) : (
        <ul class="entries leads">
          {leads.map((l) => (
            <li key={l.userId}>
              <span>{l.assignedAt ? t.assignedOn(l.userId, fmt.day(l.assignedAt)) : l.userId}</span>{' '}
              <RevokeForm state={state} c={c} userId={l.userId} />
            </li>
          ))}
        </ul>
      )}
      <AssignForm state={state} c={c} />
    </section>
  );
}

function RevokeForm({ state, c, userId }: { state: Loaded<CoordinatorData>; c: WsCommitmentData; userId: string }) {
  const { t } = useWs();
  const form = useCommandForm<CommitmentPayload>({
    id: `revoke-${userId.replace(/[^\w-]/g, '_')}`,
    mutation: 'revokeLead',
    document: REVOKE,
    toInput: () => ({ commitmentId: c.id, userId }),
    onWritten: withCommitment(state),
  });
  return (
    <form {...form.formProps} class="inline-form" aria-label={t.revokeLead(userId)}>
      <FormFeedback form={form} />
      <button type="submit" class="secondary" disabled={form.busy} aria-label={t.revokeLead(userId)}>
        {t.revoke}
      </button>
      <span role="status" class="form-status">
        {form.status === 'failed' ? (form.message ?? '') : ''}
      </span>
    </form>
  );
}

function AssignForm({ state, c }: { state: Loaded<CoordinatorData>; c: WsCommitmentData }) {
  const { t } = useWs();
  const form = useCommandForm<CommitmentPayload>({
    id: 'assign',
    mutation: 'assignLead',
    document: ASSIGN,
    required: { userId: t.leadUserId },
    toInput: (d) => ({ commitmentId: c.id, userId: text(d, 'userId') }),
    onWritten: withCommitment(state),
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="assign-heading">
      <h3 id="assign-heading">{t.assignTitle}</h3>
      <FormFeedback form={form} />
      <Input form={form} name="userId" label={t.leadUserId} hint={t.leadUserIdHint} autoComplete="off" />
      <FormFooter form={form} label={t.submitAssign} />
    </form>
  );
}
