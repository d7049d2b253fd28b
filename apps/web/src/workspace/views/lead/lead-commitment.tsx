import { useWs } from '../../context';
import { text, useCommandForm } from '../../forms/use-command-form';
import { EffectiveAt, FormFeedback, FormFooter, Input, TextArea } from '../../forms/form-parts';
import { commitmentMutation, type CommitmentPayload, type WsCommitmentData } from '../../queries';
import type { Loaded } from '../../context';
import { Band, Bidi, Numbered, Rate, Show, useCommitment } from '../common';

/** A lead's commitment: its activities (each opens its reporting page), communication actions and outcome. */
export function LeadCommitment({ id }: { id: string }) {
  const { t, fmt, href, user, loc } = useWs();
  const state = useCommitment(id);
  return (
    <Show state={state}>
      {(c) => {
        const leads = c.leads ?? [];
        const mine = leads.some((l) => l.userId === user.sub);
        return (
          <>
            <p class="breadcrumb">
              <a href={href({ view: 'lead' })}>{t.myCommitmentsTitle}</a>
            </p>
            <h1>
              <Numbered n={c.number} title={c.title} />
            </h1>
            <p class="subtitle">
              <Bidi>{c.leadOrganisation}</Bidi> · {t.versionOf(fmt.number(c.version))} ·{' '}
              <a href={`/commitment/${encodeURIComponent(c.id)}${loc.lang === 'fr' ? '' : `?lang=${loc.lang}`}`}>{t.seePublicPage}</a>
            </p>
            <div class="ws-rate" id="commitment-rate">
              <span class="ws-rate-label">{t.commitmentRate}</span> <Rate rate={c.implementationRate} />
            </div>
            {!mine && <p class="banner">{t.notLeadOf}</p>}
            <h2>{t.activitiesTitle}</h2>
            <div class="table-wrap" role="region" aria-label={t.activitiesTitle} tabIndex={0}>
              <table class="ws-table">
                <caption class="visually-hidden">{t.activitiesTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.titleColumn}</th>
                    <th scope="col" class="num">
                      {t.weightColumn}
                    </th>
                    <th scope="col" class="num">
                      {t.progressColumn}
                    </th>
                    <th scope="col">{t.bandColumn}</th>
                    <th scope="col">{t.lifecycleColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.activities.map((a) => (
                    <tr key={a.id} id={`activity-${a.number}`}>
                      <th scope="row">
                        <a href={href({ view: 'lead-activity', id: a.id })}>
                          <Numbered n={a.number} title={a.title} />
                        </a>
                      </th>
                      <td class="num">{fmt.number(a.weight)}</td>
                      <td class="num">{fmt.percent(a.progress)}</td>
                      <td>
                        <Band band={a.status} />
                      </td>
                      <td>{t.lifecycleNames[a.lifecycle]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h2>{t.communicationTitle}</h2>
            {c.communicationActions.length === 0 ? (
              <p>{t.noActions}</p>
            ) : (
              <ul class="entries">
                {c.communicationActions.map((a) => (
                  <li key={a.id}>
                    <Bidi>{a.action}</Bidi>
                    {a.date && <span class="hint"> — {a.date}</span>}
                    {a.target && <span class="hint"> — {a.target}</span>}
                    {a.indicators && <span class="hint"> — {a.indicators}</span>}
                  </li>
                ))}
              </ul>
            )}
            {mine && <CommunicationForm state={state} c={c} />}
            <h2>{t.outcomeTitle}</h2>
            {mine ? <OutcomeForm state={state} c={c} /> : <Outcome c={c} />}
          </>
        );
      }}
    </Show>
  );
}

function CommunicationForm({ state, c }: { state: Loaded<WsCommitmentData>; c: WsCommitmentData }) {
  const { t } = useWs();
  const form = useCommandForm<CommitmentPayload>({
    id: 'communication',
    mutation: 'logCommunicationAction',
    document: commitmentMutation('logCommunicationAction', 'LogCommunicationActionInput'),
    version: c.version,
    commitmentId: c.id,
    required: { action: t.communicationAction },
    toInput: (d) => ({
      commitmentId: c.id,
      action: text(d, 'action'),
      date: text(d, 'date'),
      target: text(d, 'target'),
      indicators: text(d, 'indicators'),
      effectiveAt: text(d, 'effectiveAt'),
    }),
    onWritten: (p) => state.set(p.commitment),
    onConflict: state.reload,
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="communication-heading">
      <h3 id="communication-heading">{t.logCommunicationTitle}</h3>
      <FormFeedback form={form} />
      <TextArea form={form} name="action" label={t.communicationAction} rows={2} />
      <div class="row">
        <Input form={form} name="date" label={t.communicationDate} hint={t.actionDateHint} optional />
        <Input form={form} name="target" label={t.communicationTarget} optional />
      </div>
      <TextArea form={form} name="indicators" label={t.communicationIndicators} optional rows={2} />
      <EffectiveAt form={form} />
      <FormFooter form={form} label={t.submitCommunication} />
    </form>
  );
}

function OutcomeForm({ state, c }: { state: Loaded<WsCommitmentData>; c: WsCommitmentData }) {
  const { t, web } = useWs();
  const form = useCommandForm<CommitmentPayload>({
    id: 'outcome',
    mutation: 'recordOutcome',
    document: commitmentMutation('recordOutcome', 'RecordOutcomeInput'),
    version: c.version,
    commitmentId: c.id,
    toInput: (d) => ({
      commitmentId: c.id,
      results: text(d, 'results'),
      contribution: text(d, 'contribution'),
      nextSteps: text(d, 'nextSteps'),
      effectiveAt: text(d, 'effectiveAt'),
    }),
    onWritten: (p) => state.set(p.commitment),
    onConflict: state.reload,
  });
  return (
    <form {...form.formProps} class="command-form" aria-describedby="outcome-intro">
      <p id="outcome-intro" class="hint">
        {t.outcomeIntro}
      </p>
      <FormFeedback form={form} />
      <TextArea form={form} name="results" label={web.results} value={c.results} rows={4} optional />
      <TextArea form={form} name="contribution" label={web.contribution} value={c.contribution} rows={4} optional />
      <TextArea form={form} name="nextSteps" label={web.nextSteps} value={c.nextSteps} rows={4} optional />
      <EffectiveAt form={form} />
      <FormFooter form={form} label={t.submitOutcome} />
    </form>
  );
}

function Outcome({ c }: { c: WsCommitmentData }) {
  const { web } = useWs();
  return (
    <dl class="outcome">
      {(
        [
          [web.results, c.results],
          [web.contribution, c.contribution],
          [web.nextSteps, c.nextSteps],
        ] as const
      ).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value ? <Bidi>{value}</Bidi> : web.notProvided}</dd>
        </div>
      ))}
    </dl>
  );
}
