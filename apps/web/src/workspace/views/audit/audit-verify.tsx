import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { useWs } from '../../context';
import { VERIFY_QUERY } from '../../queries';

interface Verification {
  ok: boolean;
  checkedEvents: number;
  head: string | null;
  firstBrokenPosition: string | null;
  reason: string | null;
  expected: string | null;
  found: string | null;
}

/** Recomputes the hash chain (verifyLedger) and shows the result: head, events checked, first broken link. */
export function AuditVerify() {
  const { api, t, fmt, href } = useWs();
  const [result, setResult] = useState<Verification>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const head = String(new FormData(event.currentTarget as HTMLFormElement).get('expectedHead') ?? '').trim();
    setBusy(true);
    setError(undefined);
    try {
      setResult((await api.query<{ verifyLedger: Verification }>(VERIFY_QUERY, { expectedHead: head || null })).verifyLedger);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t.verifyTitle}</h1>
      <p>{t.verifyIntro}</p>
      <form method="post" class="command-form" onSubmit={(e) => void onSubmit(e)}>
        <div class="field">
          <label for="verify-head">
            {t.expectedHead} {t.optional}
          </label>
          <span id="verify-head-hint" class="hint">
            {t.expectedHeadHint}
          </span>
          <input id="verify-head" name="expectedHead" dir="ltr" autoComplete="off" aria-describedby="verify-head-hint" />
        </div>
        <div class="form-footer">
          <button type="submit" disabled={busy}>
            {busy ? t.verifying : t.verifyNow}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" id="verify-result">
        {error && <p class="error-message">{t.refused(error)}</p>}
        {result && (
          <section class={`verification ${result.ok ? 'ok' : 'broken'}`}>
            <h2>{result.ok ? t.verifyOk(fmt.number(result.checkedEvents)) : t.verifyBroken}</h2>
            <dl class="facts" dir="ltr">
              <div>
                <dt>{t.checkedEvents}</dt>
                <dd>{fmt.number(result.checkedEvents)}</dd>
              </div>
              {result.head && (
                <div>
                  <dt>{t.head}</dt>
                  <dd>
                    <code>{result.head}</code>
                  </dd>
                </div>
              )}
              {result.firstBrokenPosition && (
                <div>
                  <dt>{t.firstBroken}</dt>
                  <dd>
                    <a href={href({ view: 'audit-event', id: result.firstBrokenPosition })}>{t.eventTitle(result.firstBrokenPosition)}</a>
                  </dd>
                </div>
              )}
              {result.reason && (
                <div>
                  <dt>{t.reason}</dt>
                  <dd>{result.reason}</dd>
                </div>
              )}
              {result.expected && (
                <div>
                  <dt>{t.expected}</dt>
                  <dd>
                    <code>{result.expected}</code>
                  </dd>
                </div>
              )}
              {result.found && (
                <div>
                  <dt>{t.found}</dt>
                  <dd>
                    <code>{result.found}</code>
                  </dd>
                </div>
              )}
            </dl>
          </section>
        )}
      </div>
    </>
  );
}
