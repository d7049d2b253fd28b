/** A real EventStoreDB to run the EventStoreDB suites against as well, when set. */
export const REAL_ESDB = process.env.ESDB_TEST_CONNECTION_STRING || undefined;

/** Why the real-server suites are skipped: shown in jest's output next to each of them. */
export const REAL_ESDB_SKIPPED =
  "ESDB_TEST_CONNECTION_STRING is not set (e.g. 'esdb://localhost:2113?tls=false' with `docker run -p 2113:2113 eventstore/eventstore:24.10 --insecure --run-projections=All`)";

/**
 * `describe` for a suite that needs a real server: registered as skipped, with the reason in its
 * name, when none is configured — never silently absent.
 */
export function describeRealServer(title: string, body: (connectionString: string) => void): void {
  if (REAL_ESDB) describe(title, () => body(REAL_ESDB));
  else describe.skip(`${title} — SKIPPED: ${REAL_ESDB_SKIPPED}`, () => body('esdb://unset'));
}
