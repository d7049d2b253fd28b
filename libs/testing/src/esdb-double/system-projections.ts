import type { EsdbLog, ProposedEvent, StoredEvent } from './esdb-log';
import { randomUUID } from 'node:crypto';

/**
 * The link events EventStoreDB's system projections write when it runs with
 * `--run-projections=All` (as our compose files do): for each event of a user stream, a `$>` link
 * in `$ce-<category>` ($by_category: the part before the first dash) and in `$et-<type>`
 * ($by_event_type). Links are new records in $all, written shortly after the events they point to,
 * so they interleave with later writes; their data is `<revision>@<stream>`.
 */
export function runSystemProjections(log: EsdbLog): () => void {
  return log.onCommit((written) => {
    const sources = written.filter((e) => !e.stream.startsWith('$') && !(e.metadata.get('type') ?? '').startsWith('$'));
    if (sources.length === 0) return;
    // Asynchronously, as the projection subsystem reads the log after the write.
    setImmediate(() => {
      for (const e of sources) {
        const type = e.metadata.get('type') ?? '';
        const dash = e.stream.indexOf('-');
        if (dash > 0) log.append(`$ce-${e.stream.slice(0, dash)}`, 'any', [link(e)]);
        log.append(`$et-${type}`, 'any', [link(e)]);
      }
    });
  });
}

function link(target: StoredEvent): ProposedEvent {
  const metadata = { $v: '1:-1:1:4', $c: Number(target.position), $p: Number(target.prepare), $causedBy: target.id, $o: target.stream };
  return {
    id: randomUUID(),
    type: '$>',
    contentType: 'application/octet-stream',
    customMetadata: Buffer.from(JSON.stringify(metadata), 'utf8'),
    data: Buffer.from(`${target.revision}@${target.stream}`, 'utf8'),
  };
}
