import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { WebLabels, WorkspaceLabels } from '@ledger/i18n';
import type { Formatter, WsLocation, WsRoute, WsUser } from '@ledger/web-ui';
import type { Api } from './api';
import type { Session } from './session/session';

/** What every workspace view uses: the API, who is signed in, the labels and formats of the page's language, navigation. */
export interface Ws {
  api: Api;
  session: Session;
  user: WsUser;
  loc: WsLocation;
  t: WorkspaceLabels;
  web: WebLabels;
  fmt: Formatter;
  navigate(href: string, replace?: boolean): void;
  announce(text: string): void;
  /** A workspace URL in the page's language. */
  href(route: WsRoute, query?: Record<string, string | undefined>): string;
}

export const WsContext = createContext<Ws | undefined>(undefined);

export function useWs(): Ws {
  const ws = useContext(WsContext);
  if (!ws) throw new Error('useWs outside a workspace');
  return ws;
}

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
  /** Replaces the data (a mutation's payload already reflects the write). */
  set(data: T): void;
  /** Replaces the data from what is shown now. */
  setWith(next: (old: T | undefined) => T): void;
}

/** Loads a view's data once per `deps`; `reload` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return {
    ...state,
    reload: () => setTick((n) => n + 1),
    set: (data) => setState({ data, loading: false }),
    setWith: (next) => setState((s) => ({ data: next(s.data), loading: false })),
  };
}
