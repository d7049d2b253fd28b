import { canonicalJson } from '@ledger/canonical-json';
import { readIntegrity, verifyChain, withoutIntegrity, type ChainAnchor, type RecordedEvent } from '@ledger/event-store';
import { lineProblems, logLines, LogLineProblem, toRecorded, type ExportedLine } from './log-file';

export interface FileSummary {
  events: number;
  /** Log-chained (prevHash: an embedded export) or stream-chained only (an EventStoreDB export). */
  logChained: boolean;
}

/**
 * The whole file, checked before anything is written: every line readable and plausible
 * (lineProblems), every id once, and the hash chain verified from the first event to the last —
 * against the head recorded from the source when one is given.
 */
export async function checkLogFile(file: string, expectedHead?: ChainAnchor): Promise<FileSummary> {
  const ids = new Set<string>();
  let logChained = false;
  let events = 0;
  async function* checked(): AsyncGenerator<RecordedEvent> {
    for await (const { line, event } of logLines(file)) {
      const problems = lineProblems(event);
      if (ids.has(event.id)) problems.push(`event id ${event.id} appears twice in the file`);
      if (problems.length > 0) throw new LogLineProblem(line, problems.join('; '));
      ids.add(event.id);
      logChained ||= readIntegrity(event.metadata)?.prevHash !== undefined;
      events++;
      yield toRecorded(event);
    }
  }
  const chain = await verifyChain(checked(), { expectedHead });
  if (!chain.ok) throw new Error(`the hash chain of the file is broken: ${chain.reason}`);
  return { events, logChained };
}

/** What must be equal between a line of the file and the event written for it. */
function difference(line: ExportedLine, stored: RecordedEvent, compareHashes: boolean): string | undefined {
  const fields: Array<[string, unknown, unknown]> = [
    ['id', line.id, stored.id],
    ['stream', line.stream, stored.stream],
    ['revision', line.revision, stored.revision.toString()],
    ['type', line.type, stored.type],
  ];
  if (compareHashes) fields.push(['hash', readIntegrity(line.metadata)?.hash, readIntegrity(stored.metadata)?.hash]);
  else {
    // Another store's chain (EventStoreDB re-seals per stream): the content itself must be equal.
    fields.push(['data', canonicalJson(line.data), canonicalJson(stored.data)]);
    fields.push(['metadata', canonicalJson(withoutIntegrity(line.metadata)), canonicalJson(withoutIntegrity(stored.metadata))]);
  }
  const diff = fields.find(([, a, b]) => a !== b);
  return diff && `${diff[0]} differs: file ${String(diff[1])}, ledger ${String(diff[2])}`;
}

/**
 * Walks the file and the written log side by side (both in log order, constant memory): every
 * (id, stream, revision, type, hash) equal — or the content, where the target store chains hashes
 * differently — and no event more or less on either side. Throws on the first difference.
 */
export async function compareWithLog(file: string, log: AsyncIterable<RecordedEvent>, compareHashes: boolean): Promise<number> {
  const stored = log[Symbol.asyncIterator]();
  let count = 0;
  for await (const { line, event } of logLines(file)) {
    const next = await stored.next();
    if (next.done) throw new LogLineProblem(line, 'is missing from the ledger after the import');
    const diff = difference(event, next.value, compareHashes);
    if (diff) throw new LogLineProblem(line, `the ledger does not hold it as exported: ${diff}`);
    count++;
  }
  const extra = await stored.next();
  if (!extra.done) throw new Error(`the ledger holds more events than the file (position ${extra.value.position} and after)`);
  return count;
}
