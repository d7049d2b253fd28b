/**
 * Arguments that would reveal what anonymous callers may not see (event metadata: who wrote,
 * under which role, when it was recorded, which command): filtering or time-travelling on them
 * answers the question even when the metadata itself is hidden ("480 events by user X").
 * Checked by name, at any depth of a query's arguments, so new fields are covered too.
 */
export const HIDDEN_ARGUMENTS: ReadonlySet<string> = new Set([
  'actor',
  'role',
  'recordedFrom',
  'recordedTo',
  'knownAt',
  'commandId',
  'correlationId',
  'causationId',
]);

/** Paths of the hidden arguments given a value (null means "not given"), e.g. ["filter.actor"]. */
export function hiddenArgumentPaths(args: Record<string, unknown>, prefix = ''): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    if (value === null || value === undefined) continue;
    const path = `${prefix}${name}`;
    if (HIDDEN_ARGUMENTS.has(name)) found.push(path);
    else if (typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value))
      found.push(...hiddenArgumentPaths(value as Record<string, unknown>, `${path}.`));
  }
  return found;
}
