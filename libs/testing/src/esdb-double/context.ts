import type { EsdbLog } from './esdb-log';
import type { EsdbFaults } from './faults';

/** What a subscription tells the test about itself (back-pressure assertions). */
export interface SubscriptionStats {
  /** Events sent to the client so far. */
  sent: number;
  /** True while the server waits for the client to read (HTTP/2 flow control). */
  waitingForDrain: boolean;
  /** Times the server had to wait for the client. */
  drains: number;
}

/** Shared by the handlers of one double. */
export interface EsdbContext {
  log: EsdbLog;
  faults: EsdbFaults;
  sendCaughtUp: boolean;
  /** Open subscriptions (removed when they end). */
  subscriptions: Set<SubscriptionStats>;
  /** Appends answered so far, by path: which one the client took. */
  appends: { append: number; batchAppend: number };
}
