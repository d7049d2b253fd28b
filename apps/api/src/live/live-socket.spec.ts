import { OPEN, sendShared, type Follower, type LiveSocket, type LiveWire } from './live-socket';

/** A WebSocket that records its frames, and whether its connection was corked when each was sent. */
function fakeFollower(id: string, withWire = true, readyState = OPEN) {
  const frames: Array<{ data: Buffer; binary: boolean; fin?: boolean; corked: boolean }> = [];
  let corked = 0;
  const wire: LiveWire = { destroyed: false, cork: () => void corked++, uncork: () => void corked-- };
  const socket: LiveSocket = {
    protocol: 'graphql-transport-ws',
    readyState,
    send: (data, options) => void frames.push({ data, ...options, corked: corked > 0 }),
    once: () => undefined,
  };
  const follower: Follower = { socket, wire: withWire ? wire : undefined, prefix: Buffer.from(`{"type":"next","id":"${id}","payload":`) };
  return { follower, frames, corked: () => corked };
}
const message = (frames: Array<{ data: Buffer }>) => JSON.parse(Buffer.concat(frames.map((f) => f.data)).toString()) as unknown;

describe('sendShared: one message per follower, the shared bytes never copied', () => {
  const shared = Buffer.from('{"data":{"planUpdated":{"id":"p"}}}}');

  it('sends each follower its own prefix and the very same shared buffer, as two text frames of one message in one corked write', () => {
    const a = fakeFollower('a');
    const b = fakeFollower('b');
    sendShared(a.follower, shared);
    sendShared(b.follower, shared);
    for (const [f, id] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      expect(f.frames.map(({ binary, fin, corked }) => ({ binary, fin, corked }))).toEqual([
        { binary: false, fin: false, corked: true },
        { binary: false, fin: true, corked: true },
      ]);
      expect(f.frames[1].data).toBe(shared);
      expect(message(f.frames)).toEqual({ type: 'next', id, payload: { data: { planUpdated: { id: 'p' } } } });
      expect(f.corked()).toBe(0);
    }
  });

  it('sends one whole frame when the connection under the socket is not at hand', () => {
    const a = fakeFollower('a', false);
    sendShared(a.follower, shared);
    expect(a.frames).toHaveLength(1);
    expect(a.frames[0]).toMatchObject({ binary: false });
    expect(message(a.frames)).toEqual({ type: 'next', id: 'a', payload: { data: { planUpdated: { id: 'p' } } } });
  });

  it('sends nothing to a socket that is no longer open', () => {
    const closing = fakeFollower('a', true, 2);
    sendShared(closing.follower, shared);
    expect(closing.frames).toEqual([]);
    expect(closing.corked()).toBe(0);
  });
});
