import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { waitFor } from '@ledger/testing';
import { LiveFanOut } from '../../apps/api/src/live/live-fan-out';
import { planTopic } from '../../apps/api/src/live/live-topics';
import { mustMutate } from '../support/ledger-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The WebSocket frames of a live update, read off the wire by a hand-written client (RFC 6455):
 * no compression is negotiated even when a client offers it (each of a thousand subscribers would
 * cost a deflate of the same bytes), and an update is one text message in two frames — the
 * subscriber's own start, then the bytes every follower of its group shares (live-socket.ts).
 */
const P = 'frames';

interface Frame {
  fin: boolean;
  opcode: number;
  data: Buffer;
}

/** A minimal WebSocket client: the upgrade's response head, masked text frames out, frames in. */
class RawClient {
  readonly frames: Frame[] = [];
  head = '';
  private buffer = Buffer.alloc(0);

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  static async open(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    const client = new RawClient(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      [
        'GET /graphql HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Protocol: graphql-transport-ws',
        'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits',
        '',
        '',
      ].join('\r\n'),
    );
    await waitFor(() => client.head.includes('\r\n\r\n'));
    return client;
  }

  send(message: unknown): void {
    const data = Buffer.from(JSON.stringify(message));
    const mask = randomBytes(4);
    const masked = data.map((byte, i) => byte ^ mask[i % 4]);
    // FIN + text; masked, with a 7-bit or 16-bit length (these messages are short).
    const length = data.length < 126 ? Buffer.from([0x80 | data.length]) : Buffer.from([0x80 | 126, data.length >> 8, data.length & 0xff]);
    this.socket.write(Buffer.concat([Buffer.from([0x81]), length, mask, masked]));
  }

  /** The text messages received so far, fragments joined. */
  messages(): string[] {
    const out: string[] = [];
    let parts: Buffer[] = [];
    for (const frame of this.frames.filter((f) => f.opcode <= 2)) {
      parts.push(frame.data);
      if (frame.fin) {
        out.push(Buffer.concat(parts).toString());
        parts = [];
      }
    }
    return out;
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (!this.head.includes('\r\n\r\n')) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      this.head = this.buffer.subarray(0, end + 4).toString();
      this.buffer = this.buffer.subarray(end + 4);
    }
    for (;;) {
      if (this.buffer.length < 2) return;
      let length = this.buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) [length, offset] = [this.buffer.readUInt16BE(2), 4];
      else if (length === 127) [length, offset] = [Number(this.buffer.readBigUInt64BE(2)), 10];
      if (this.buffer.length < offset + length) return;
      this.frames.push({
        fin: (this.buffer[0] & 0x80) !== 0,
        opcode: this.buffer[0] & 0x0f,
        data: this.buffer.subarray(offset, offset + length),
      });
      this.buffer = this.buffer.subarray(offset + length);
    }
  }
}

describe('live update frames on the wire', () => {
  let t: TestApp;
  let port: number;
  let client: RawClient | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'Plan', period: '2021-2023' });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await t?.stop();
  });

  it('negotiates no compression and sends an update as one text message in two frames, the shared bytes last', async () => {
    client = await RawClient.open(port);
    expect(client.head).toMatch(/^HTTP\/1\.1 101/);
    expect(client.head.toLowerCase()).not.toContain('sec-websocket-extensions');
    client.send({ type: 'connection_init', payload: {} });
    await waitFor(() => client!.messages().some((m) => m.includes('connection_ack')));
    client.send({
      id: 'sub-1',
      type: 'subscribe',
      payload: { query: `subscription { planUpdated(planId: "${P}") { id title lastPosition } }` },
    });

    await waitFor(() => t.app.get(LiveFanOut).followers(planTopic(P)) === 1);
    const written = await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'A' });
    await waitFor(() => client!.messages().some((m) => m.includes('"next"')));

    const start = client.frames.findIndex((f) => f.data.toString().startsWith('{"type":"next"'));
    const [first, last] = client.frames.slice(start, start + 2);
    expect({ fin: first.fin, opcode: first.opcode, data: first.data.toString() }).toEqual({
      fin: false,
      opcode: 1,
      data: '{"type":"next","id":"sub-1","payload":',
    });
    expect({ fin: last.fin, opcode: last.opcode }).toEqual({ fin: true, opcode: 0 });
    // Joined, the two frames are the message a graphql-ws client reads.
    expect(JSON.parse(client.messages().find((m) => m.includes('"next"'))!)).toEqual({
      type: 'next',
      id: 'sub-1',
      payload: { data: { planUpdated: { id: P, title: 'Plan', lastPosition: written.position } } },
    });
  });
});
