// Child process for the kill -9 test: appends as fast as it can, 8 appends in flight, and prints
// one line per acknowledged append. Whatever it printed must survive SIGKILL.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../../event-store/src/embedded/sqlite-event-store';

const store = new SqliteEventStore({ file: process.argv[2] });
let i = 0;

async function writer(): Promise<void> {
  for (;;) {
    const n = i++;
    const id = randomUUID();
    const stream = `crash-${n % 16}`;
    const result = await store.append(stream, [{ id, type: 'Tick', data: { n }, metadata: {} }], 'any');
    process.stdout.write(`${id} ${stream} ${result.nextRevision}\n`);
  }
}

// The settings of this very connection: a kill -9 proves durability only with synchronous=FULL
// (SIGKILL keeps the OS page cache, so synchronous=OFF would survive it too).
const db = (store as unknown as { db: { pragma(p: string, o: { simple: true }): unknown } }).db;
process.stdout.write(
  `ready synchronous=${db.pragma('synchronous', { simple: true })} journal_mode=${db.pragma('journal_mode', { simple: true })}\n`,
);
for (let w = 0; w < 8; w++) void writer();
