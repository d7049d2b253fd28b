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
 * Writes realistic ledger events (plans, axes, commitments, activities, then progress reports,
 * actions, communication actions and outcomes) straight into an embedded store file, every event
 * decided by the real deciders. `writeUntil` can be called again to extend the same ledger (a
 * snapshot taken in between is then followed by a tail), `close` when done.
 */
export class LedgerGenerator {
  written = 0;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly random: () => number;
  private readonly revisions = new Map<string, number>();
  private readonly commitments: Array<{ id: string; state: CommitmentState }> = [];
  private day = Date.parse('2018-07-01T00:00:00Z');

  constructor(file: string, seed = 42) {
    new SqliteEventStore({ file }).close(); // creates the schema
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF'); // generation only: the benchmark measures reading
    // As the store writes rows (with the metadata's header columns), without sealing: generation only.
    this.insert = this.db.prepare(INSERT_EVENT_SQL);
    this.random = rng(seed);
    this.db.transaction(() => this.plans())();
  }

  get commitmentCount(): number {
    return this.commitments.length;
  }

  /** Adds events until the ledger holds `total` (at least the plans' set-up). */
  writeUntil(total: number): void {
    const batch = 20_000;
    while (this.written < total) this.db.transaction(() => this.reports(Math.min(batch, total - this.written)))();
  }

  close(): void {
    this.db.close();
  }

  private write(stream: string, events: LedgerEvent[]): void {
    for (const e of events) {
      const revision = (this.revisions.get(stream) ?? -1) + 1;
      this.revisions.set(stream, revision);
      this.day += 60_000;
      const at = new Date(this.day).toISOString();
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
      this.insert.run(
        stream,
        revision,
        randomUUID(),
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(metadata),
        this.day,
        ...headerValues(metadata),
      );
      this.written++;
    }
  }

  private plans(): void {
    for (let p = 0; p < 40; p++) {
      const planId = `plan-${p}`;
      let plan: PlanState = initialPlanState;
      const decidePlanAndWrite = (cmd: Parameters<typeof decidePlan>[0]) => {
        const events = decidePlan(cmd, plan);
        plan = events.reduce(evolvePlan, plan);
        this.write(streamName('plan', planId), events);
      };
      decidePlanAndWrite({ type: 'DefinePlan', data: { planId, country: 'Maroc', title: `Plan ${p}`, period: '2018-2020' } });
      for (let a = 1; a <= 5; a++) decidePlanAndWrite({ type: 'AddAxis', data: { planId, axisId: `axis-${a}`, title: `Axe ${a}` } });
      for (let n = 1; n <= 25; n++) {
        const id = commitmentIdOf(planId, n);
        let state = initialCommitmentState;
        const run = (cmd: CommitmentCommand) => {
          const events = decideCommitment(cmd, state, { plan });
          state = events.reduce((s, e) => evolveCommitment(s, e), state);
          this.write(streamName('commitment', id), events);
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
          run({ type: 'PlanActivity', data: { commitmentId: id, title: `Activité ${k}`, weight: 1 + Math.floor(this.random() * 3) } });
        this.commitments.push({ id, state });
      }
    }
  }

  private reports(count: number): void {
    const random = this.random;
    for (let i = 0; i < count; i++) {
      const c = this.commitments[Math.floor(random() * this.commitments.length)];
      const activity = c.state.activities[Math.floor(random() * c.state.activities.length)];
      const roll = random();
      // Texts differ per event, as real ones do (no sharing of one string can flatter memory figures).
      const text = `${TEXT} (${this.written})`;
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
      this.write(streamName('commitment', c.id), events);
    }
  }
}

/** A whole generated ledger of `total` events in `file` (the same one for the same seed). */
export function generateLedger(file: string, total: number, seed = 42): { events: number; commitments: number } {
  const generator = new LedgerGenerator(file, seed);
  generator.writeUntil(total);
  generator.close();
  return { events: generator.written, commitments: generator.commitmentCount };
}
