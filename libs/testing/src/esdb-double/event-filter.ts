import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './esdb-log';

export interface CompiledFilter {
  matches(event: StoredEvent): boolean;
  /** Send a checkpoint after this many events were considered (EventStoreDB: window × multiplier). */
  checkpointEvery: number;
}

/** EventStoreDB's default max search window when the client sends `count` instead of `max`. */
const DEFAULT_SEARCH_WINDOW = 32;

/** The server-side $all filter: on stream name or event type, by regex or by any of a list of prefixes. */
export function compileFilter(options: ReadReq.Options): CompiledFilter | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  if (!expression) return undefined;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  const test = (value: string): boolean =>
    (regex === undefined || regex.test(value)) && (prefixes.length === 0 || prefixes.some((p) => value.startsWith(p)));
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return {
    matches: (event) => test(onType ? (event.metadata.get('type') ?? '') : event.stream),
    checkpointEvery: Math.max(1, window * Math.max(1, filter.getCheckpointintervalmultiplier())),
  };
}
