import { COMMITMENT_EVENT_TYPES, type CommitmentEvent } from './commitment/commitment.events';
import { PLAN_EVENT_TYPES, type PlanEvent } from './plan/plan.events';
import { ACCESS_EVENT_TYPES, type AccessEvent } from './access/access.events';

/** Every event the ledger stores. */
export type LedgerEvent = PlanEvent | CommitmentEvent | AccessEvent;
export type LedgerEventType = LedgerEvent['type'];

/** Schema version of each stored event type; bump with an upcaster when a payload changes shape. */
export const EVENT_SCHEMA_VERSIONS: Record<LedgerEventType, number> = Object.fromEntries(
  [...PLAN_EVENT_TYPES, ...COMMITMENT_EVENT_TYPES, ...ACCESS_EVENT_TYPES].map((t) => [t, 1]),
) as Record<LedgerEventType, number>;

const planTypes = new Set<string>(PLAN_EVENT_TYPES);
const commitmentTypes = new Set<string>(COMMITMENT_EVENT_TYPES);
const accessTypes = new Set<string>(ACCESS_EVENT_TYPES);

export const isPlanEvent = (e: { type: string }): e is PlanEvent => planTypes.has(e.type);
export const isCommitmentEvent = (e: { type: string }): e is CommitmentEvent => commitmentTypes.has(e.type);
export const isAccessEvent = (e: { type: string }): e is AccessEvent => accessTypes.has(e.type);
export const isLedgerEventType = (t: string): t is LedgerEventType => planTypes.has(t) || commitmentTypes.has(t) || accessTypes.has(t);
