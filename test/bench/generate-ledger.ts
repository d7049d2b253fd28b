import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  activityIdOf,
  commitmentIdOf,
  decideCommitment,
  decidePlan,
  evolveCommitment,
  evolvePlan,
  initialCommitmentState,
  initialPlanState,
  streamName,
  EVENT_SCHEMA_VERSIONS,
  type CommitmentCommand,
  type CommitmentState,
  type LedgerEvent,
  type PlanState,
} from '@ledger/domain';
import { headerValues, INSERT_EVENT_SQL, SqliteEventStore } from '@ledger/event-store';

/** A deterministic pseudo-random source, so every run generates the same ledger. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const TEXT = 'Organisation d’un atelier régional de sensibilisation au profit des associations et des administrations';

/**
 * Writes `total` realistic ledger events (plans, axes, commitments, activities, then progress
 * reports, actions, communication actions and outcomes) straight into an embedded store file,
 * every event decided by the real deciders.
 */
export function generateLedger(file: string, total: number, seed = 42): { events: number; commitments: number } {
  new SqliteEventStore({ file }).close(); // creates the schema
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // generation only: the benchmark measures reading
  // As the store writes rows (with the metadata's header columns), without sealing: generation only.
  const insert = db.prepare(INSERT_EVENT_SQL);
  const random = rng(seed);
  const revisions = new Map<string, number>();
  let written = 0;
  let day = Date.parse('2018-07-01T00:00:00Z');
  const write = (stream: string, events: LedgerEvent[]) => {
    for (const e of events) {
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      day += 60_000;
      const at = new Date(day).toISOString();
      const metadata = {
        schemaVersion: EVENT_SCHEMA_VERSIONS[e.type],
        actor: 'lead-42',
        role: 'lead',
        commandId: `auto-${randomUUID()}`, // like the ids the server generates (not indexed)
        commandHash: 'x'.repeat(64),
        correlationId: randomUUID(),
        causationId: randomUUID(),
        recordedAt: at,
        effectiveAt: at,
      };
      insert.run(stream, revision, randomUUID(), e.type, JSON.stringify(e.data), JSON.stringify(metadata), day, ...headerValues(metadata));
      written++;
    }
  };
  const commitments: Array<{ id: string; state: CommitmentState }> = [];
  const tx = db.transaction((fn: () => void) => fn());
  tx(() => {
    for (let p = 0; p < 40; p++) {
      const planId = `plan-${p}`;
      let plan: PlanState = initialPlanState;
      const decidePlanAndWrite = (cmd: Parameters<typeof decidePlan>[0]) => {
        const events = decidePlan(cmd, plan);
        plan = events.reduce(evolvePlan, plan);
        write(streamName('plan', planId), events);
      };
      decidePlanAndWrite({ type: 'DefinePlan', data: { planId, country: 'Maroc', title: `Plan ${p}`, period: '2018-2020' } });
      for (let a = 1; a <= 5; a++) decidePlanAndWrite({ type: 'AddAxis', data: { planId, axisId: `axis-${a}`, title: `Axe ${a}` } });
      for (let n = 1; n <= 25; n++) {
        const id = commitmentIdOf(planId, n);
        let state = initialCommitmentState;
        const run = (cmd: CommitmentCommand) => {
          const events = decideCommitment(cmd, state, { plan });
          state = events.reduce((s, e) => evolveCommitment(s, e), state);
          write(streamName('commitment', id), events);
        };
        run({
          type: 'RegisterCommitment',
          data: {
            planId,
            axisId: `axis-${1 + (n % 5)}`,
            number: n,
            title: `Engagement ${n}`,
            leadOrganisation: 'Département de la Réforme de l’Administration',
            problem: TEXT,
            description: TEXT,
          },
        });
        for (let k = 1; k <= 5; k++)
          run({ type: 'PlanActivity', data: { commitmentId: id, title: `Activité ${k}`, weight: 1 + Math.floor(random() * 3) } });
        commitments.push({ id, state });
      }
    }
  });
  const batch = 20_000;
  while (written < total) {
    tx(() => {
      for (let i = 0; i < batch && written < total; i++) {
        const c = commitments[Math.floor(random() * commitments.length)];
        const activity = c.state.activities[Math.floor(random() * c.state.activities.length)];
        const roll = random();
        // Texts differ per event, as real ones do (no sharing of one string can flatter memory figures).
        const text = `${TEXT} (${written})`;
        const on = { commitmentId: c.id, activityId: activityIdOf(c.id, activity.number) };
        const cmd: CommitmentCommand =
          roll < 0.6
            ? { type: 'ReportActivityProgress', data: { ...on, progress: Math.round(random() * 100) } }
            : roll < 0.9
              ? { type: 'RecordAction', data: { ...on, kind: roll < 0.8 ? 'DONE' : 'ADDITIONAL', text, date: 'Mars 2019' } }
              : roll < 0.97
                ? {
                    type: 'LogCommunicationAction',
                    data: {
                      commitmentId: c.id,
                      action: text,
                      date: '12 mars 2020',
                      target: 'Société civile',
                      indicators: 'Nombre de participants (120)',
                    },
                  }
                : { type: 'RecordOutcome', data: { commitmentId: c.id, results: text } };
        const events = decideCommitment(cmd, c.state);
        // The whole state, so action and communication-action ids are the ones the decider derives (x1, x2, …).
        c.state = events.reduce((s, e) => evolveCommitment(s, e), c.state);
        write(streamName('commitment', c.id), events);
      }
    });
  }
  db.close();
  return { events: written, commitments: commitments.length };
}
