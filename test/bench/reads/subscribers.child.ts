import WebSocket from 'ws';
import type { ChildCommand, ChildReport } from './subscribers-protocol';

/**
 * A share of the live fan-out's subscribers (live-fanout.ts), in a process of its own so that the
 * clients' work is not queued behind the load generator nor behind each other in one thread: as a
 * thousand browsers would, each share receives on its own. Every `next` message is timestamped
 * first (`process.hrtime`, the system's monotonic clock, the same in every process), kept as
 * received, and checked only once every client has it: the client at the head of the share parses
 * its message and checks the write's position; every other client's message must be the same bytes
 * after its own `{"type":"next","id":…,"payload":` prefix.
 */
interface Client {
  socket: WebSocket;
  prefix: Buffer;
  got: number;
  at: number;
  last: Buffer | undefined;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const clients: Client[] = [];
let waiting: { count: number; position: string; path: string[] } | undefined;
let pending = 0;

const report = (message: ChildReport): void => {
  process.send!(message);
};
const fail = (error: string): void => report({ type: 'failed', error });

function open(url: string, subscription: unknown, id: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const client: Client = {
      socket,
      prefix: Buffer.from(`{"type":"next","id":${JSON.stringify(id)},"payload":`),
      got: 0,
      at: 0,
      last: undefined,
    };
    let subscribed = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (raw: Buffer) => {
      const at = now();
      if (!subscribed) {
        if (!raw.toString().includes('"connection_ack"')) return reject(new Error(`no ack: ${raw.toString()}`));
        subscribed = true;
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: subscription }));
        return resolve(client);
      }
      if (raw.subarray(0, 14).toString() !== '{"type":"next"') {
        const text = raw.toString();
        if (!text.includes('"ping"') && !text.includes('"pong"')) fail(`unexpected message: ${text.slice(0, 300)}`);
        return;
      }
      client.at = at;
      client.last = raw;
      if (++client.got === waiting?.count && --pending === 0) settle();
    });
    socket.on('error', reject);
    socket.on('unexpected-response', (_req, res) => reject(new Error(`WebSocket refused: HTTP ${res.statusCode}`)));
  });
}

/** Every client has the awaited message: check them, report when each received it. */
function settle(): void {
  const { count, position, path } = waiting!;
  waiting = undefined;
  const head = clients[0];
  const payload = head.last!.subarray(head.prefix.length);
  let seen: unknown = JSON.parse(head.last!.toString());
  for (const key of path) seen = (seen as Record<string, unknown> | undefined)?.[key];
  if (seen !== position) return fail(`a subscriber got position ${String(seen)}, expected ${position}`);
  for (const c of clients) {
    if (c.got !== count) return fail(`a subscriber got ${c.got} messages, expected ${count}`);
    const last = c.last!;
    if (!last.subarray(0, c.prefix.length).equals(c.prefix) || !last.subarray(c.prefix.length).equals(payload))
      return fail(`a subscriber's message differs from the others': ${last.toString().slice(0, 300)}`);
  }
  report({ type: 'arrived', at: clients.map((c) => c.at) });
}

process.on('message', (command: ChildCommand) => {
  void (async () => {
    if (command.type === 'open') {
      // 50 handshakes at a time: the listen backlog of one process is not what is measured.
      for (let i = 0; i < command.ids.length; i += 50) {
        const ids = command.ids.slice(i, i + 50);
        clients.push(...(await Promise.all(ids.map((id) => open(command.url, command.subscription, id)))));
      }
      report({ type: 'opened' });
    } else if (command.type === 'await') {
      waiting = command;
      pending = clients.filter((c) => c.got < command.count).length;
      if (pending === 0) settle();
    } else {
      for (const c of clients) c.socket.terminate();
      process.disconnect();
    }
  })().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
});
