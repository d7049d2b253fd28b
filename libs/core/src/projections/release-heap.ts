import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Read models of fewer events leave too little garbage behind their first catch-up to be worth a full collection. */
export const RELEASE_AFTER_EVENTS = 50_000;

let collect: (() => void) | undefined;

/**
 * Full garbage collections, so the memory a replay or a snapshot restore went through is given back
 * to the system: V8 keeps the heap it grew to (~440 MiB RSS after replaying 1 M events, ~290 after
 * this: BENCHMARKS.md) and does not shrink it on its own while the process is idle. `gc` is not
 * exposed without a flag: set the flag, then take `gc` from a new context (as jest's leak detector
 * does). Returns how long it took (ms).
 */
export function releaseHeap(): number {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  const started = performance.now();
  // Twice: what the first one's weak callbacks and finalisers let go is collected by the second.
  collect();
  collect();
  return Math.round(performance.now() - started);
}
