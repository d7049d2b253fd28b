import { createClient, type Client } from 'graphql-ws';
import type { LiveStatus } from '@ledger/web-ui';

/**
 * Live updates over WebSocket (graphql-transport-ws at /graphql). Reconnects for ever with
 * capped backoff (a server restart is a normal event); after a reconnection the page refetches,
 * since changes may have happened while it was away.
 */
export function connectLive(options: {
  onStatus(status: LiveStatus): void;
  onReconnected(): void;
  getToken?: () => string | undefined;
}): Client {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  return createClient({
    url,
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 250 * 2 ** retries) * (0.75 + Math.random() / 2))),
    connectionParams: () => {
      const token = options.getToken?.();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    onNonLazyError: () => undefined,
    on: {
      connecting: () => options.onStatus('connecting'),
      connected: (_socket, _payload, wasRetry) => {
        options.onStatus('live');
        if (wasRetry) options.onReconnected();
      },
      closed: () => options.onStatus('reconnecting'),
    },
  });
}
