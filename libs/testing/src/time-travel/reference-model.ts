import type { RecordedEvent } from '@ledger/event-store';

/**
 * The oracle: what a plan looks like at a point, computed the obvious way from the raw log, with
 * none of the index's machinery. The rules (ADR 0007), stated once:
 * - only events known at the point count (position ≤ p, recordedAt ≤ knownAt), and of those only
 *   facts effective by the point's date;
 * - for each attribute the latest-effective fact wins, ties broken by log position;
 * - a correction takes the date of the figure it corrects (and its note); a retraction the date of
 *   the action it retracts — derived here from the log, not read from the event's metadata.
 */
export interface ReferencePoint {
  effectiveAt?: number;
  knownAt?: number;
  position?: bigint;
}

export interface ReferenceActivity {
  id: string;
  progress: number;
  status: string;
  note?: string;
  weight: number;
  lifecycle: string;
  lifecycleReason?: string;
  /** Visible, not retracted, in log order. */
  actions: string[];
}
export interface ReferenceCommitment {
  id: string;
  axisId: string;
  /** Null while nothing counts (no activity, or all cancelled). */
  rate: number | null;
  version: number;
  activities: ReferenceActivity[];
  communicationActions: string[];
  results?: string;
  nextSteps?: string;
}
export interface ReferencePlan {
  /** Mean of the commitment rates that exist; null when none does. */
  rate: number | null;
  axes: Array<{ id: string; rate: number | null }>;
  periods: string[];
  commitments: ReferenceCommitment[];
}

type Data = Record<string, unknown> & { commitmentId?: string; activityId?: string };
const dataOf = (e: RecordedEvent): Data => e.data as Data;
const recordedAt = (e: RecordedEvent): number => Date.parse(String(e.metadata.recordedAt));

/** The business date of every event: the metadata's, except corrections and retractions. */
function businessDates(log: readonly RecordedEvent[]): Map<RecordedEvent, number> {
  const dates = new Map<RecordedEvent, number>();
  const figureInForce = new Map<string, RecordedEvent>();
  const actions = new Map<string, RecordedEvent>();
  for (const e of log) {
    const d = dataOf(e);
    let date = Date.parse(String(e.metadata.effectiveAt));
    if (e.type === 'ActivityProgressCorrected') date = dates.get(figureInForce.get(d.activityId!)!)!;
    if (e.type === 'ActionRetracted') date = dates.get(actions.get(String(d.actionId))!)!;
    dates.set(e, date);
    if (e.type === 'ActionRecorded') actions.set(String(d.actionId), e);
    if (e.type === 'ActivityProgressReported' || e.type === 'ActivityProgressCorrected') {
      const current = figureInForce.get(d.activityId!);
      if (!current || dates.get(current)! <= date) figureInForce.set(d.activityId!, e);
    }
  }
  return dates;
}

/** The note each figure carries: a report its own, a correction the note of the figure it corrects. */
function notes(log: readonly RecordedEvent[], dates: Map<RecordedEvent, number>): Map<RecordedEvent, string | undefined> {
  const out = new Map<RecordedEvent, string | undefined>();
  const inForce = new Map<string, RecordedEvent>();
  for (const e of log) {
    if (e.type !== 'ActivityProgressReported' && e.type !== 'ActivityProgressCorrected') continue;
    const id = dataOf(e).activityId!;
    const current = inForce.get(id);
    out.set(e, e.type === 'ActivityProgressReported' ? (dataOf(e).note as string | undefined) : out.get(current!));
    if (!current || dates.get(current)! <= dates.get(e)!) inForce.set(id, e);
  }
  return out;
}

export function referencePlanAt(log: readonly RecordedEvent[], planId: string, point: ReferencePoint): ReferencePlan | undefined {
  const dates = businessDates(log);
  const noteOf = notes(log, dates);
  const known = log.filter(
    (e) =>
      (point.position === undefined || e.position <= point.position) && (point.knownAt === undefined || recordedAt(e) <= point.knownAt),
  );
  const visible = known.filter((e) => point.effectiveAt === undefined || dates.get(e)! <= point.effectiveAt);
  const latest = (facts: RecordedEvent[]): RecordedEvent | undefined =>
    facts.reduce<RecordedEvent | undefined>((best, e) => (!best || dates.get(e)! >= dates.get(best)! ? e : best), undefined);
  const of = (type: string | string[], test: (d: Data) => boolean = () => true) =>
    visible.filter((e) => (Array.isArray(type) ? type.includes(e.type) : e.type === type) && test(dataOf(e)));

  if (of('PlanDefined', (d) => d.planId === planId).length === 0) return undefined;
  const commitments = of('CommitmentRegistered', (d) => d.planId === planId)
    .map((registered) => {
      const id = dataOf(registered).commitmentId!;
      const mine = (d: Data) => d.commitmentId === id;
      const activities = of('ActivityPlanned', mine).map((planned): ReferenceActivity => {
        const activityId = dataOf(planned).activityId!;
        const on = (d: Data) => d.activityId === activityId;
        const figure = latest(of(['ActivityProgressReported', 'ActivityProgressCorrected'], on));
        const weight = latest([planned, ...of('ActivityWeightSet', on)])!;
        const lifecycle = latest([planned, ...of(['ActivitySuspended', 'ActivityResumed', 'ActivityCancelled'], on)])!;
        const retracted = new Set(of('ActionRetracted', on).map((e) => String(dataOf(e).actionId)));
        const state = {
          ActivityPlanned: 'ACTIVE',
          ActivityResumed: 'ACTIVE',
          ActivitySuspended: 'SUSPENDED',
          ActivityCancelled: 'CANCELLED',
        }[lifecycle.type]!;
        return {
          id: activityId,
          progress: figure ? Number(dataOf(figure).progress) : 0,
          status: figure ? String(dataOf(figure).status) : 'NOT_STARTED',
          note: figure ? noteOf.get(figure) : undefined,
          weight: Number(dataOf(weight).weight),
          lifecycle: state,
          lifecycleReason: state === 'ACTIVE' ? undefined : String(dataOf(lifecycle).reason),
          actions: of('ActionRecorded', on)
            .map((e) => String(dataOf(e).actionId))
            .filter((x) => !retracted.has(x)),
        };
      });
      let weighted = 0;
      let weights = 0;
      for (const a of activities) {
        if (a.lifecycle === 'CANCELLED') continue;
        weighted += a.weight * a.progress;
        weights += a.weight;
      }
      const outcome = (field: string) => {
        const fact = latest(of('OutcomeRecorded', (d) => mine(d) && d[field] !== undefined));
        return fact && String(dataOf(fact)[field]);
      };
      const stream = `commitment-${id}`;
      return {
        id,
        number: Number(dataOf(registered).number),
        axisId: String(dataOf(registered).axisId),
        rate: weights === 0 ? null : weighted / weights,
        version: 1 + visible.filter((e) => e.stream === stream).reduce((max, e) => Math.max(max, Number(e.revision)), -1),
        activities,
        communicationActions: of('CommunicationActionLogged', mine).map((e) => String(dataOf(e).communicationActionId)),
        results: outcome('results'),
        nextSteps: outcome('nextSteps'),
      };
    })
    .sort((a, b) => a.number - b.number)
    .map(({ number: _number, ...c }) => c);
  const mean = (all: Array<number | null>) => {
    const rates = all.filter((r): r is number => r !== null);
    return rates.length === 0 ? null : rates.reduce((s, r) => s + r, 0) / rates.length;
  };
  return {
    rate: mean(commitments.map((c) => c.rate)),
    axes: of('AxisAdded', (d) => d.planId === planId).map((e) => {
      const id = String(dataOf(e).axisId);
      return { id, rate: mean(commitments.filter((c) => c.axisId === id).map((c) => c.rate)) };
    }),
    periods: of('ReportingPeriodClosed', (d) => d.planId === planId).map((e) => String(dataOf(e).name)),
    commitments,
  };
}
