import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvRow } from '@ledger/csv';
import { parseStreamName, planIdOfCommitment } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { openStore } from './replay.command';

export interface ExportOptions {
  format: 'jsonl' | 'csv';
  plan?: string;
  since?: string;
  out?: string;
}

const CSV_COLUMNS = [
  'position',
  'stream',
  'revision',
  'id',
  'type',
  'schemaVersion',
  'recordedAt',
  'effectiveAt',
  'actor',
  'role',
  'commandId',
  'correlationId',
  'causationId',
  'hash',
  'data',
  'metadata',
];

/** One exported line: the event exactly as stored (JSONL re-imports into an empty ledger). */
export function exportLine(e: RecordedEvent, format: 'jsonl' | 'csv'): string {
  if (format === 'jsonl') {
    return `${JSON.stringify({ position: e.position.toString(), stream: e.stream, revision: e.revision.toString(), id: e.id, type: e.type, data: e.data, metadata: e.metadata, created: e.created.toISOString() })}\n`;
  }
  const m = e.metadata;
  const hash = (m.integrity as { hash?: string } | undefined)?.hash;
  const row = [
    e.position.toString(),
    e.stream,
    e.revision.toString(),
    e.id,
    e.type,
    m.schemaVersion,
    m.recordedAt,
    m.effectiveAt,
    m.actor,
    m.role,
    m.commandId,
    m.correlationId,
    m.causationId,
    hash,
    e.data,
    m,
  ];
  // Cells a spreadsheet would run as formulas (a client-chosen commandId "=HYPERLINK(…)") are neutralised.
  return `${csvRow(row)}\n`;
}

export function belongsToPlan(stream: string, planId: string): boolean {
  const { category, id } = parseStreamName(stream);
  if (category === 'plan' || category === 'access') return id === planId;
  return category === 'commitment' && planIdOfCommitment(id) === planId;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Streams the log through the filters into `out`, page by page, honouring back-pressure. */
export async function writeExport(
  store: EventStore,
  out: Writable,
  options: { format: 'jsonl' | 'csv'; plan?: string; since?: number },
): Promise<number> {
  let count = 0;
  if (options.format === 'csv') await write(out, `${CSV_COLUMNS.join(',')}\n`);
  for await (const e of store.readAll()) {
    if (options.plan && !belongsToPlan(e.stream, options.plan)) continue;
    if (options.since !== undefined && Date.parse(String(e.metadata.recordedAt ?? e.created.toISOString())) < options.since) continue;
    await write(out, exportLine(e, options.format));
    count++;
  }
  return count;
}

/**
 * `ledger export --format jsonl|csv [--plan ID] [--since DATE] [--out FILE]`: the whole history with
 * metadata, streamed page by page with back-pressure (constant memory on any log size).
 */
export async function exportCommand(options: ExportOptions): Promise<number> {
  const store = openStore();
  const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
  const since = options.since ? Date.parse(options.since) : undefined;
  if (options.since && Number.isNaN(since)) {
    process.stderr.write(`--since must be an ISO date, got ${options.since}\n`);
    return 1;
  }
  let count = 0;
  try {
    count = await writeExport(store, out, { ...options, since });
  } finally {
    await store.close();
    if (options.out) {
      out.end();
      await once(out, 'finish');
    }
  }
  process.stderr.write(`exported ${count} events\n`);
  return 0;
}
