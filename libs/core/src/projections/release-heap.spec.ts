import { releaseHeap } from './release-heap';

describe('releaseHeap', () => {
  it('runs a full garbage collection (jest, like the app, runs without --expose-gc)', async () => {
    const ref = (() => new WeakRef({ payload: new Array(1000).fill('garbage') }))();
    // A WeakRef keeps its target alive until the job that created it ends.
    await new Promise((resolve) => setImmediate(resolve));
    expect(releaseHeap()).toBeGreaterThanOrEqual(0);
    expect(ref.deref()).toBeUndefined();
  });
});
