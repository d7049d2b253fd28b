import { recordedAtOf, type ProjectedEvent } from './projected-event';

/** When a read-model entry last changed: the log position and the recording time of that event. */
export interface LastUpdate {
  /** Log position, decimal string (JSON-safe, and what the API serves). */
  position: string;
  /** `recordedAt` of the event (ISO 8601). */
  at: string;
}

export function lastUpdateOf(event: ProjectedEvent): LastUpdate {
  const recordedAt = recordedAtOf(event);
  return { position: event.position.toString(), at: typeof recordedAt === 'string' ? recordedAt : '' };
}

/** The later of two updates (by log position). */
export function laterOf(a: LastUpdate | undefined, b: LastUpdate | undefined): LastUpdate | undefined {
  if (!a) return b;
  if (!b) return a;
  return BigInt(a.position) >= BigInt(b.position) ? a : b;
}
