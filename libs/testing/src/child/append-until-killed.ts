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

process.stdout.write('ready\n');
for (let w = 0; w < 8; w++) void writer();
