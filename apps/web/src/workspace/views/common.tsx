import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ActivityStatus } from '@ledger/domain';
import { BandBadge, RateBar } from '@ledger/web-ui';
import { connectLive } from '../../live';
import { useLoad, useWs, type Loaded } from '../context';
import { COMMITMENT_WS_QUERY, COMMITMENT_WS_SUBSCRIPTION, type WsCommitmentData } from '../queries';

/** A view's data: "loading", the error with a way to try again, or the content. */
export function Show<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { t } = useWs();
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error)
    return (
      <div class="banner" role="alert">
        <p>{t.loadFailed(state.error.message)}</p>
        <button type="button" onClick={state.reload}>
          {t.retry}
        </button>
      </div>
    );
  return (
    <p class="ws-status" role="status">
      {t.loading}
    </p>
  );
}

export function Rate({ rate }: { rate: number | null }) {
  const { fmt, web } = useWs();
  return <RateBar rate={rate} fmt={fmt} noRate={web.noRate} />;
}

export function Band({ band }: { band: ActivityStatus }) {
  const { web } = useWs();
  return <BandBadge band={band} label={web.columns[band]} />;
}

/** Plan content has no language of its own: isolated so a French title keeps its order on an Arabic page. */
export const Bidi = ({ children }: { children: ComponentChildren }) => <bdi>{children}</bdi>;

/** "7. Title": the number kept as one left-to-right unit (an Arabic page would show ".7"), the title isolated. */
export function Numbered({ n, title }: { n: number; title: string }) {
  const { fmt } = useWs();
  return (
    <>
      <span dir="ltr" class="nb">
        {fmt.number(n)}.
      </span>{' '}
      <bdi>{title}</bdi>
    </>
  );
}

/**
 * A commitment as the workspace shows it, kept current: loaded once, replaced by each mutation's
 * payload, and followed live (commitmentUpdated over WebSocket, with the user's token).
 */
export function useCommitment(id: string): Loaded<WsCommitmentData> {
  const { api, session } = useWs();
  const state = useLoad(async () => {
    const res = await api.query<{ commitment: WsCommitmentData | null }>(COMMITMENT_WS_QUERY, { id });
    if (!res.commitment) throw new Error(`commitment ${id} not found`);
    return res.commitment;
  }, [id]);
  useEffect(() => {
    const ws = connectLive({ onStatus: () => undefined, onReconnected: state.reload, getToken: session.getToken });
    const stop = ws.subscribe<{ commitmentUpdated?: WsCommitmentData }>(
      { query: COMMITMENT_WS_SUBSCRIPTION, variables: { id } },
      {
        next: ({ data }) => {
          const next = data?.commitmentUpdated;
          // Keeps what only the query carries (the leads): the subscription sends the public fields.
          if (next) state.setWith((old) => ({ ...next, leads: old?.leads }));
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      stop();
      void ws.dispose();
    };
  }, [id]);
  return state;
}
