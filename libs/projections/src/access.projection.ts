import { evolveAccess, initialAccessState, isAccessEvent, leadsOf, parseStreamName, type AccessState } from '@ledger/domain';
import { recordedAtOf, toLedgerEvent, type ProjectedEvent } from './projected-event';

/** A current lead of a commitment, and when the ledger recorded the assignment. */
export interface LeadAssignment {
  userId: string;
  assignedAt: string;
}

export interface AccessSnapshot {
  plans: Array<[string, AccessState]>;
  assignedAt: Array<[string, string]>;
  byUser: Array<[string, string[]]>;
}

/**
 * Read model of lead assignments (the `access-<planId>` streams), folded with the domain's own
 * `evolveAccess` — the rule the command handler authorises with — plus when each lead was assigned.
 * Answers "who leads this commitment" and "which commitments does this user lead".
 */
export class AccessProjection {
  readonly name = 'access';
  private readonly plans = new Map<string, AccessState>();
  private readonly assignedAt = new Map<string, string>();
  private readonly byUser = new Map<string, Set<string>>();

  apply(event: ProjectedEvent): void {
    if (parseStreamName(event.stream).category !== 'access') return;
    const domainEvent = toLedgerEvent(event);
    if (!isAccessEvent(domainEvent)) throw new Error(`${event.type} does not belong in access stream ${event.stream}`);
    const { planId, commitmentId, userId } = domainEvent.data;
    this.plans.set(planId, evolveAccess(this.plans.get(planId) ?? initialAccessState, domainEvent));
    const key = `${commitmentId}\u0000${userId}`;
    if (domainEvent.type === 'LeadAssigned') {
      this.assignedAt.set(key, String(recordedAtOf(event) ?? ''));
      this.commitmentsOfUser(userId).add(commitmentId);
    } else {
      this.assignedAt.delete(key);
      this.byUser.get(userId)?.delete(commitmentId);
    }
  }

  /** The commitment's current leads, in assignment order. */
  leadsOf(planId: string, commitmentId: string): LeadAssignment[] {
    const state = this.plans.get(planId);
    if (!state) return [];
    return leadsOf(state, commitmentId).map((userId) => ({
      userId,
      assignedAt: this.assignedAt.get(`${commitmentId}\u0000${userId}`) ?? '',
    }));
  }

  /** Ids of the commitments this user currently leads (any plan). */
  commitmentsLedBy(userId: string): string[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  /** Everything, in a stable order (for digests). */
  all(): Array<{ planId: string; commitmentId: string; leads: LeadAssignment[] }> {
    return [...this.plans.keys()].sort().flatMap((planId) =>
      Object.keys(this.plans.get(planId)!.leads)
        .sort()
        .map((commitmentId) => ({ planId, commitmentId, leads: this.leadsOf(planId, commitmentId) })),
    );
  }

  /** Its whole state as plain data (small: one entry per lead assignment). */
  toSnapshot(): AccessSnapshot {
    return { plans: [...this.plans], assignedAt: [...this.assignedAt], byUser: [...this.byUser].map(([user, ids]) => [user, [...ids]]) };
  }

  restore(snapshot: AccessSnapshot): void {
    this.clear();
    for (const [planId, state] of snapshot.plans) this.plans.set(planId, state);
    for (const [key, at] of snapshot.assignedAt) this.assignedAt.set(key, at);
    for (const [user, ids] of snapshot.byUser) this.byUser.set(user, new Set(ids));
  }

  clear(): void {
    this.plans.clear();
    this.assignedAt.clear();
    this.byUser.clear();
  }

  private commitmentsOfUser(userId: string): Set<string> {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    return set;
  }
}
