import { LedgerError } from '@ledger/domain';

/**
 * Lets the event loop run other callbacks (health probes, other requests) before continuing:
 * a macrotask turn, not a microtask, so I/O is served in between.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A read stopped because its request used up its time budget (LEDGER_QUERY_TIME_BUDGET_MS). */
export function timeBudgetExceeded(what: string, budgetMs: number): LedgerError {
  return new LedgerError(
    'QUERY_TOO_COSTLY',
    `${what} was not computed: the request used up its time budget of ${budgetMs} ms; ask for less (fewer fields, a shorter range, a smaller page)`,
    { rule: 'timeBudget', budget: budgetMs, field: what },
  );
}

/** Whether a deadline (epoch ms) has passed; `undefined` never passes. */
export const pastDeadline = (deadline: number | undefined): boolean => deadline !== undefined && Date.now() > deadline;

/** The same events, with a turn of the event loop every `every` of them (long scans in a server). */
export async function* withEventLoopTurns<T>(source: AsyncIterable<T>, every = 1000): AsyncGenerator<T> {
  let n = 0;
  for await (const item of source) {
    if (++n % every === 0) await yieldToEventLoop();
    yield item;
  }
}
