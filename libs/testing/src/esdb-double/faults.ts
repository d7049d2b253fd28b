/**
 * Test-controlled behaviour of one double, switched at any time. Each switch models something a
 * real EventStoreDB server or cluster does; none of them is on by default.
 */
export class EsdbFaults {
  /** The next n appends (Append or BatchAppend) are written, but their reply never leaves the server. */
  loseReplies = 0;
  /** The next n appends are written, then answered with a commit timeout (the outcome is unknown to the client). */
  timeoutCommits = 0;
  /**
   * The next n appends are answered with a commit timeout at once and written only when the next
   * append arrives: a commit that completes after the client gave up, before its retry lands.
   */
  commitLate = 0;
  private readonly lateCommits: Array<() => void> = [];
  /** Appends are answered `NotLeader` with this leader endpoint, as a follower does for `requires-leader`. */
  notLeader: { host: string; port: number } | undefined;
  /** Subscriptions send nothing (not even their confirmation) while held; `releaseSubscriptions` lets them go on. */
  private held = false;
  private readonly waiting = new Set<() => void>();
  /** Each subscription started from now on is dropped by the server after sending this many events (one-shot). */
  dropSubscriptionAfter: number | undefined;
  /** How the server ends a dropped subscription: its gRPC status. */
  dropWith: 'unknown' | 'unavailable' = 'unknown';
  private readonly dropListeners = new Set<() => void>();
  private readonly fellBehindListeners = new Set<() => void>();

  holdSubscriptions(): void {
    this.held = true;
  }

  releaseSubscriptions(): void {
    this.held = false;
    for (const go of [...this.waiting]) go();
    this.waiting.clear();
  }

  /** Resolves at once unless subscriptions are held; then when they are released (or `gone` fires). */
  async whileHeld(gone: { on(event: 'cancelled' | 'close', f: () => void): unknown }): Promise<void> {
    if (!this.held) return;
    await new Promise<void>((resolve) => {
      this.waiting.add(resolve);
      gone.on('cancelled', resolve);
      gone.on('close', resolve);
    });
  }

  /** The server ends every open subscription now (mid catch-up or live), with `dropWith`. */
  dropSubscriptions(): void {
    for (const drop of [...this.dropListeners]) drop();
  }

  /** Live subscriptions lose their place in the live queue: FellBehind, catch up from the log, CaughtUp. */
  fallBehind(): void {
    for (const behind of [...this.fellBehindListeners]) behind();
  }

  /** For the subscription handler: hooks for the two switches above. */
  watch(onDrop: () => void, onFellBehind: () => void): () => void {
    this.dropListeners.add(onDrop);
    this.fellBehindListeners.add(onFellBehind);
    return () => {
      this.dropListeners.delete(onDrop);
      this.fellBehindListeners.delete(onFellBehind);
    };
  }

  /** Consumes one "drop after n" setting for a subscription that starts now. */
  takeDropAfter(): number | undefined {
    const n = this.dropSubscriptionAfter;
    this.dropSubscriptionAfter = undefined;
    return n;
  }

  /** For the append handlers: holds `write` back when a late commit is due (the caller answers Timeout). */
  deferCommit(write: () => void): boolean {
    if (this.commitLate <= 0) return false;
    this.commitLate--;
    this.lateCommits.push(write);
    return true;
  }

  /** For the append handlers, before serving an append: the commits left in flight complete first. */
  landLateCommits(): void {
    for (const write of this.lateCommits.splice(0)) write();
  }

  /** What happens to the reply of an append that was just written. */
  takeReplyFate(): 'send' | 'lose' | 'timeout' {
    if (this.loseReplies > 0) {
      this.loseReplies--;
      return 'lose';
    }
    if (this.timeoutCommits > 0) {
      this.timeoutCommits--;
      return 'timeout';
    }
    return 'send';
  }
}
