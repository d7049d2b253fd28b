import { SqliteEventStore, verifyChain, type ChainAnchor, type EventStore, type ImportedEvent } from '@ledger/event-store';
import { checkLogFile, compareWithLog } from './import-log/log-checks';
import { logLines, toImported } from './import-log/log-file';
import { openStore } from './replay.command';

export interface ImportLogOptions {
  /** `position:hash` recorded from the source ledger (`ledger verify` prints it): a re-sealed forgery fails. */
  expectedHead?: string;
}

/**
 * `ledger import-log <file.jsonl> [--expected-head POSITION:HASH]`: replays an export into an EMPTY
 * ledger, with the same ids, streams, revisions and metadata.
 * 1. Checks the whole file before writing anything (log-checks.ts): readable lines, known event
 *    types in the right streams, integrity present, plausible metadata, each id once, the hash
 *    chain intact (and ending at the expected head, when given).
 * 2. Writes it: on the embedded store in one transaction, verified before COMMIT — all or nothing;
 *    on EventStoreDB in log order, one stream run per append (a lost connection leaves a prefix).
 * 3. Compares every written (id, stream, revision, type, hash) with the file, and that nothing
 *    else is in the log; then the written log's own chain.
 */
export async function importLogCommand(file: string, options: ImportLogOptions = {}): Promise<number> {
  let anchor: ChainAnchor | undefined;
  if (options.expectedHead) {
    const m = /^(\d{1,20}):([0-9a-f]{64})$/.exec(options.expectedHead);
    if (!m) return fail(`--expected-head must be POSITION:HASH (as printed by ledger verify), got ${options.expectedHead}`);
    anchor = { position: BigInt(m[1]), hash: m[2] };
  }
  const store = openStore();
  try {
    if ((await store.headPosition()) !== undefined) return fail('import-log only writes into an empty ledger: this one already has events');
    const summary = await checkLogFile(file, anchor).catch((error: Error) => {
      throw new Refused(`${file}: ${error.message}; nothing was written`);
    });
    // Hashes come out identical when the target chains them the way the source did.
    const sameChain = summary.logChained === (store.kind !== 'eventstoredb');
    const verify = async () => {
      await compareWithLog(file, store.readAll(), sameChain);
      const chain = await verifyChain(store.readAll());
      if (!chain.ok) throw new Error(`the written log does not verify: ${chain.reason}`);
    };
    const written =
      store instanceof SqliteEventStore
        ? await store.importLog(events(file), verify).catch((error: Error) => {
            throw new Refused(`${error.message}; nothing was written (rolled back)`);
          })
        : await appendInOrder(store, file).then(async (n) => (await verify(), n));
    process.stdout.write(
      `imported ${written} events from ${file}: every id, stream, revision, type and ${sameChain ? 'hash' : 'content'} equal to the file, chain verified${sameChain ? '' : ' (hashes re-sealed by this store)'}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof Refused) return fail(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

class Refused extends Error {}

function fail(message: string): number {
  process.stderr.write(`import-log: ${message}\n`);
  return 1;
}

async function* events(file: string): AsyncGenerator<ImportedEvent> {
  for await (const { event } of logLines(file)) yield toImported(event);
}

/**
 * EventStoreDB: one append per run of consecutive events of one stream, one at a time (the server
 * orders $all by arrival, so the log keeps the file's order), with the exact expected revision.
 */
async function appendInOrder(store: EventStore, file: string): Promise<number> {
  let run: ImportedEvent[] = [];
  let count = 0;
  const flush = async () => {
    if (run.length === 0) return;
    const first = run[0].revision;
    await store.append(
      run[0].stream,
      run.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
      first === 0n ? 'no_stream' : first - 1n,
    );
    count += run.length;
    run = [];
  };
  for await (const e of events(file)) {
    if (run.length > 0 && (run[0].stream !== e.stream || run.length >= 256)) await flush();
    run.push(e);
  }
  await flush();
  return count;
}
