import { useRef, useState } from 'preact/hooks';
import { ErrorSummary, PLAN_IMPORT_PATH } from '@ledger/web-ui';
import { useWs } from '../../context';

interface Problem {
  where: string;
  place: { sheet?: string; row?: number; column?: string; cell?: string; file?: string; pointer?: string };
  code: string;
  rule: string;
  message: string;
}
type Answer =
  | { ok: true; dryRun: true; planId: string; revision: boolean; commands: Array<{ type: string; target: string; effectiveAt: string }> }
  | { ok: true; dryRun: false; planId: string; revision: boolean; written: number; alreadyPresent: number; position: string }
  | { ok: false; code: string; message: string; problems?: Problem[] };

/**
 * Upload a plan workbook (XLSX, CSV zip, JSON) through the same import code as the command line:
 * first checked (problems at their cells, or the commands it will issue), then imported.
 */
export function CoordinatorUpload() {
  const { t, fmt, href, session } = useWs();
  const [file, setFile] = useState<File>();
  const [answer, setAnswer] = useState<Answer>();
  const [busy, setBusy] = useState<'check' | 'import'>();
  const [error, setError] = useState<string>();
  const summary = useRef<HTMLDivElement>(null);

  const send = async (dryRun: boolean) => {
    if (!file) {
      setError(t.requiredField(t.file));
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(dryRun ? 'check' : 'import');
    setError(undefined);
    try {
      const url = `${PLAN_IMPORT_PATH}?name=${encodeURIComponent(file.name)}${dryRun ? '&dryRun=true' : ''}`;
      const post = () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${session.getToken() ?? ''}` },
          body: file,
        });
      let res = await post();
      if (res.status === 401 && (await session.onUnauthenticated())) res = await post();
      setAnswer((await res.json()) as Answer);
    } catch (e) {
      setError(t.networkFailed + (e instanceof Error ? ` (${e.message})` : ''));
    } finally {
      setBusy(undefined);
      setTimeout(() => summary.current?.focus(), 0);
    }
  };

  return (
    <>
      <p class="breadcrumb">
        <a href={href({ view: 'coordinator' })}>{t.plansTitle}</a>
      </p>
      <h1>{t.uploadTitle}</h1>
      <p>{t.uploadIntro}</p>
      <p class="hint">{t.uploadTemplate}</p>
      <form
        method="post"
        class="command-form"
        id="upload-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
      >
        <div ref={summary} tabIndex={-1} id="upload-summary">
          {error && <ErrorSummary title={t.errorSummaryTitle} problems={[{ fieldId: 'upload-file', message: error }]} />}
        </div>
        <div class="field">
          <label for="upload-file">{t.file}</label>
          <input
            id="upload-file"
            name="file"
            type="file"
            accept=".xlsx,.zip,.csv,.json,application/json,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile((e.currentTarget as HTMLInputElement).files?.[0]);
              setAnswer(undefined);
            }}
          />
        </div>
        <div class="form-footer">
          <button type="submit" disabled={busy !== undefined}>
            {busy === 'check' ? t.checking : t.checkFile}
          </button>
        </div>
      </form>
      {answer && !answer.ok && (
        <div class="upload-result">
          <h2 id="upload-problems">{t.problemsTitle(fmt.number(answer.problems?.length ?? 1))}</h2>
          <div class="table-wrap" role="region" aria-labelledby="upload-problems" tabIndex={0}>
            <table class="ws-table problems">
              <caption class="visually-hidden">{t.problemsTitle(fmt.number(answer.problems?.length ?? 1))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.whereColumn}</th>
                  <th scope="col">{t.cellColumn}</th>
                  <th scope="col">{t.ruleColumn}</th>
                  <th scope="col">{t.messageColumn}</th>
                </tr>
              </thead>
              <tbody>
                {(
                  answer.problems ?? [{ where: file?.name ?? '', place: {}, code: answer.code, rule: answer.code, message: answer.message }]
                ).map((p, i) => (
                  <tr key={i}>
                    <th scope="row" dir="ltr">
                      {p.where}
                    </th>
                    <td dir="ltr">{p.place.cell ?? p.place.pointer ?? ''}</td>
                    <td dir="ltr">
                      <code>{p.rule}</code>
                    </td>
                    <td dir="ltr" lang="en">
                      {p.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {answer?.ok && answer.dryRun && (
        <div class="upload-result">
          <h2 id="upload-valid">
            {answer.commands.length === 0 ? t.nothingToImport : t.validTitle(fmt.number(answer.commands.length), answer.planId)}
          </h2>
          {answer.revision && <p>{t.revisionNote}</p>}
          {answer.commands.length > 0 && (
            <>
              <div class="table-wrap commands-wrap" tabIndex={0} aria-labelledby="upload-valid">
                <table class="ws-table">
                  <caption class="visually-hidden">{t.validTitle(fmt.number(answer.commands.length), answer.planId)}</caption>
                  <thead>
                    <tr>
                      <th scope="col" class="num">
                        {t.numberColumn}
                      </th>
                      <th scope="col">{t.commandColumn}</th>
                      <th scope="col">{t.targetColumn}</th>
                      <th scope="col">{t.effectiveColumn}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {answer.commands.map((c, i) => (
                      <tr key={i}>
                        <td class="num">{fmt.number(i + 1)}</td>
                        <td dir="ltr">
                          <code>{c.type}</code>
                        </td>
                        <td dir="ltr">{c.target}</td>
                        <td>{fmt.day(c.effectiveAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>
                <button type="button" onClick={() => void send(false)} disabled={busy !== undefined}>
                  {busy === 'import' ? t.importing : t.importNow}
                </button>
              </p>
            </>
          )}
        </div>
      )}
      {answer?.ok && !answer.dryRun && (
        <div class="upload-result" role="status">
          <h2 id="upload-done">{t.imported(fmt.number(answer.written), fmt.number(answer.alreadyPresent))}</h2>
          <p>
            <a href={href({ view: 'coordinator-plan', id: answer.planId })}>{t.openPlan}</a>
          </p>
        </div>
      )}
    </>
  );
}
