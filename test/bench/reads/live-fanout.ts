import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * Live fan-out (issue 13): `subscribers` WebSocket clients (graphql-transport-ws, raw `ws`) follow
 * one subscription; for each write, the time from sending the mutation until each subscriber has
 * its `next` message. Messages are timestamped on arrival and checked afterwards (their position),
 * so parsing does not delay the clients that are still waiting.
 */
export interface FanOutOptions {
  wsUrl: string;
  subscribers: number;
  subscription: { query: string; variables: Record<string, unknown> };
  /** Sends one write; resolves with the log position it wrote. */
  write(i: number): Promise<string>;
  writes: number;
  /** Where the position sits in a message (checked for every subscriber and write). */
  positionOf(message: unknown): string | undefined;
}

export interface FanOutResult {
  /** ms from sending the write to each subscriber having it, every (write, subscriber). */
  latencies: number[];
  /** ms until every subscriber of a write had it, one per write. */
  lastOfWrite: number[];
  connectMs: number;
}

interface Client {
  socket: WebSocket;
  got: number;
  at: number;
  last: string;
}

function open(url: string, subscription: FanOutOptions['subscription'], id: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const client: Client = { socket, got: 0, at: 0, last: '' };
    let subscribed = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (raw: Buffer) => {
      const text = raw.toString();
      if (!subscribed) {
        if (!text.includes('"connection_ack"')) return reject(new Error(`no ack: ${text}`));
        subscribed = true;
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: subscription }));
        return resolve(client);
      }
      if (text.startsWith('{"type":"next"')) {
        client.at = performance.now();
        client.got++;
        client.last = text;
      } else if (!text.includes('"ping"') && !text.includes('"pong"')) {
        reject(new Error(`unexpected message: ${text.slice(0, 300)}`));
      }
    });
    socket.on('error', reject);
    socket.on('unexpected-response', (_req, res) => reject(new Error(`WebSocket refused: HTTP ${res.statusCode}`)));
  });
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export async function fanOut(options: FanOutOptions): Promise<FanOutResult> {
  const clients: Client[] = [];
  const started = performance.now();
  try {
    // 50 handshakes at a time: the listen backlog of one process is not what is measured.
    for (let i = 0; i < options.subscribers; i += 50) {
      const batch = Math.min(50, options.subscribers - i);
      // Each its own subscription id (the graphql-ws client sends a UUID), as browsers would.
      clients.push(
        ...(await Promise.all(Array.from({ length: batch }, (_, j) => open(options.wsUrl, options.subscription, `sub-${i + j}`)))),
      );
    }
    const connectMs = performance.now() - started;
    const everyone = (n: number) => clients.every((c) => c.got >= n);
    // A first write proves every subscription is live (the server sends no acknowledgement of a subscribe).
    await options.write(-1);
    await until(() => everyone(1), 60_000, 'every subscriber to get the warm-up write');
    const latencies: number[] = [];
    const lastOfWrite: number[] = [];
    for (let i = 0; i < options.writes; i++) {
      const sent = performance.now();
      const position = await options.write(i);
      await until(() => everyone(i + 2), 60_000, `every subscriber to get write ${i}`);
      let last = 0;
      for (const c of clients) {
        const seen = options.positionOf(JSON.parse(c.last));
        if (seen !== position) throw new Error(`a subscriber got position ${seen}, expected ${position}`);
        latencies.push(c.at - sent);
        last = Math.max(last, c.at - sent);
      }
      lastOfWrite.push(last);
    }
    return { latencies, lastOfWrite, connectMs };
  } finally {
    for (const c of clients) c.socket.terminate();
  }
}
