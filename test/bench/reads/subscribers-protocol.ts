/** Messages between the live fan-out bench (live-fanout.ts) and its subscriber processes (subscribers.child.ts). */
export type ChildCommand =
  | { type: 'open'; url: string; subscription: unknown; ids: string[] }
  /** Report once every client has `count` `next` messages, the last one of the write at `position` (found at `path`). */
  | { type: 'await'; count: number; position: string; path: string[] }
  | { type: 'close' };

export type ChildReport =
  | { type: 'opened' }
  /** When each client (in the order of `open`'s ids) received the awaited message, in ms of `process.hrtime`. */
  | { type: 'arrived'; at: number[] }
  | { type: 'failed'; error: string };
