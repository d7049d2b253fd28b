import {
  ACTIVITY_STATUSES,
  isCommitmentEvent,
  isPlanEvent,
  OUTCOME_FIELDS,
  parseStreamName,
  type ActivityStatus,
  type CommitmentEvent,
  type PlanEvent,
} from '@ledger/domain';
import { rawEffectiveAtOf, recordedAtOf, type ProjectedEvent } from '../projected-event';
import { appendRow, clearLogColumns, type LogColumns } from './log-columns';
import {
  createActivityNode,
  createCommitmentNode,
  createPlanNode,
  createTimeTravelData,
  type ActivityNode,
  type CommitmentNode,
  type PlanNode,
  type TimeTravelData,
} from './index-nodes';
import { insertAt, placeOf } from './sorted-facts';
import { appendStreamRow } from './stream-rows';

/**
 * The time-travel index (ADR 0007), fed in log order by the projections' subscription like every
 * read model. Each event costs one row in the log columns and one entry in the fact list of the
 * attribute it changes; nothing of the raw event is kept but what the attribute needs.
 */
export class TimeTravelIndex {
  readonly name = 'time-travel';
  readonly data: TimeTravelData = createTimeTravelData();

  apply(event: ProjectedEvent): void {
    const category = parseStreamName(event.stream).category;
    if (category !== 'plan' && category !== 'commitment') return;
    const domainEvent = { type: event.type, data: event.data } as PlanEvent | CommitmentEvent;
    if (isPlanEvent(domainEvent)) this.applyPlan(domainEvent, this.row(event));
    else if (isCommitmentEvent(domainEvent)) this.applyCommitment(domainEvent, this.row(event));
  }

  clear(): void {
    clearLogColumns(this.data.log);
    this.data.plans.clear();
    this.data.commitments.clear();
  }

  /** Takes the index from a snapshot (data as `data` holds it; the snapshot shares enum strings again). */
  restore(log: LogColumns, plans: readonly PlanNode[], commitments: readonly CommitmentNode[]): void {
    this.clear();
    Object.assign(this.data.log, log);
    for (const node of plans) this.data.plans.set(node.id, node);
    for (const node of commitments) this.data.commitments.set(node.id, node);
  }

  private row(event: ProjectedEvent): number {
    return appendRow(this.data.log, event.position, recordedAtOf(event), rawEffectiveAtOf(event));
  }

  private plan(id: string): PlanNode {
    let node = this.data.plans.get(id);
    if (!node) this.data.plans.set(id, (node = createPlanNode(id)));
    return node;
  }

  private touch(plan: PlanNode, stream: PlanNode['stream'], seq: number): void {
    appendStreamRow(stream, this.data.log, seq);
    const effective = this.data.log.effective[seq];
    if (effective < plan.firstEffective) plan.firstEffective = effective;
    if (effective > plan.lastEffective) plan.lastEffective = effective;
  }

  private applyPlan(event: PlanEvent, seq: number): void {
    const plan = this.plan(event.data.planId);
    this.touch(plan, plan.stream, seq);
    switch (event.type) {
      case 'PlanDefined':
        plan.seq = seq;
        plan.period = event.data.period;
        return;
      case 'AxisAdded':
        plan.axisSeqs.push(seq);
        return;
      case 'ReportingPeriodClosed':
        plan.periodSeqs.push(seq);
        return;
    }
  }

  private applyCommitment(event: CommitmentEvent, seq: number): void {
    if (event.type === 'CommitmentRegistered' && !this.data.commitments.has(event.data.commitmentId)) {
      const { commitmentId, planId, axisId, number } = event.data;
      const node = createCommitmentNode(commitmentId, planId, axisId, number, seq);
      this.data.commitments.set(commitmentId, node);
      const plan = this.plan(planId);
      const ids = plan.commitmentIds;
      let i = ids.length;
      while (i > 0 && this.data.commitments.get(ids[i - 1])!.number > number) i--;
      insertAt(ids, i, commitmentId);
      this.touch(plan, node.stream, seq);
      return;
    }
    const node = this.data.commitments.get(event.data.commitmentId);
    // The commitments read model refuses such an event and stops the projections; nothing to index.
    if (!node) return;
    this.touch(this.plan(node.planId), node.stream, seq);
    this.applyToCommitment(node, event, seq);
  }

  private applyToCommitment(node: CommitmentNode, event: CommitmentEvent, seq: number): void {
    const log = this.data.log;
    switch (event.type) {
      case 'CommitmentRegistered':
        return;
      case 'ActivityPlanned': {
        const activity = createActivityNode(event.data.activityId, seq, event.data.weight);
        appendStreamRow(activity.events, log, seq);
        node.activities.push(activity);
        return;
      }
      case 'CommunicationActionLogged':
        node.communicationSeqs.push(seq);
        return;
      case 'OutcomeRecorded':
        for (const field of OUTCOME_FIELDS) {
          const value = event.data[field];
          if (value === undefined) continue;
          const facts = node.outcome[field];
          const i = placeOf(facts.seqs, log, seq);
          facts.seqs.insert(i, seq);
          insertAt(facts.value, i, value);
        }
        return;
      default: {
        const activity = node.activities.find((a) => a.id === event.data.activityId);
        if (activity) this.applyToActivity(activity, event, seq);
      }
    }
  }

  private applyToActivity(activity: ActivityNode, event: CommitmentEvent, seq: number): void {
    const log = this.data.log;
    appendStreamRow(activity.events, log, seq);
    switch (event.type) {
      case 'ActivityProgressReported':
      case 'ActivityProgressCorrected': {
        const facts = activity.progress;
        // A correction keeps the note of the figure it corrects: the one in force when it arrives.
        const note = event.type === 'ActivityProgressReported' ? event.data.note : facts.note?.[facts.note.length - 1];
        if (note !== undefined && !facts.note) facts.note = new Array<string | undefined>(facts.seqs.length).fill(undefined);
        const i = placeOf(facts.seqs, log, seq);
        facts.seqs.insert(i, seq);
        facts.progress.insert(i, event.data.progress);
        insertAt(facts.status, i, interned(event.data.status));
        if (facts.note) insertAt(facts.note, i, note);
        return;
      }
      case 'ActivityWeightSet': {
        const i = placeOf(activity.weight.seqs, log, seq);
        activity.weight.seqs.insert(i, seq);
        insertAt(activity.weight.weight, i, event.data.weight);
        return;
      }
      case 'ActivitySuspended':
      case 'ActivityResumed':
      case 'ActivityCancelled': {
        const facts = activity.lifecycle;
        const state = event.type === 'ActivitySuspended' ? 'SUSPENDED' : event.type === 'ActivityResumed' ? 'ACTIVE' : 'CANCELLED';
        const i = placeOf(facts.seqs, log, seq);
        facts.seqs.insert(i, seq);
        insertAt(facts.state, i, state);
        insertAt(facts.reason, i, event.type === 'ActivityResumed' ? undefined : event.data.reason);
        return;
      }
      case 'ActionRecorded':
        activity.actionSeqs.push(seq);
        return;
      case 'ActionRetracted':
        activity.retractions ??= new Map();
        if (!activity.retractions.has(event.data.actionId)) activity.retractions.set(event.data.actionId, seq);
        return;
      default:
        return;
    }
  }
}

/** The module's constant for a status, so each fact holds a pointer, not its own parsed string. */
const interned = (status: ActivityStatus): ActivityStatus => ACTIVITY_STATUSES.find((s) => s === status) ?? status;
