import type { FieldProblem, GqlError } from '../gql-client';
import type { Session } from './session/session';

/** A refusal from the API: its stable code, the field problems, and the details (e.g. currentVersion). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

/** The server could not be reached after the retries (the entry stays on the page). */
export class NetworkError extends Error {}

const RETRIES = 4;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The public GraphQL API, with the session's bearer token; each retry of a command carries the same commandId. */
export class Api {
  constructor(private readonly session: Session) {}

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return this.send<T>(query, variables, {});
  }

  /**
   * A mutation `name(input: $input)`: the input gets the commandId (the same on every retry, so a
   * lost answer never writes twice) and the expectedVersion the form was built on.
   */
  command<T>(
    document: string,
    input: Record<string, unknown>,
    options: { commandId: string; expectedVersion?: number; onRetry?: () => void },
  ): Promise<T> {
    const full = {
      ...input,
      commandId: options.commandId,
      ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
    };
    return this.send<T>(document, { input: full }, { retry: true, onRetry: options.onRetry });
  }

  private async send<T>(query: string, variables: Record<string, unknown>, opts: { retry?: boolean; onRetry?: () => void }): Promise<T> {
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      let body: { data?: T; errors?: GqlError[] };
      try {
        const token = this.session.getToken();
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        if (res.status >= 502) throw new TypeError(`HTTP ${res.status}`);
        body = (await res.json()) as { data?: T; errors?: GqlError[] };
      } catch (error) {
        // No answer (connection dropped, proxy down): the request may or may not have been applied.
        if (!(error instanceof TypeError) && !(error instanceof SyntaxError)) throw error;
        if (attempt >= RETRIES) throw new NetworkError(String(error));
        opts.onRetry?.();
        await pause(300 * 2 ** attempt);
        continue;
      }
      const first = body.errors?.[0];
      if (!first) return body.data as T;
      const code = String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      if (code === 'UNAUTHENTICATED' && !renewed && this.session.snapshot.status === 'signed-in') {
        renewed = true;
        if (await this.session.onUnauthenticated()) continue;
      }
      // "Outcome unknown" from the store: the same command again is the documented way to find out.
      if (code === 'STORE_UNAVAILABLE' && opts.retry && attempt < RETRIES) {
        opts.onRetry?.();
        await pause(300 * 2 ** attempt);
        continue;
      }
      const problems = body.errors!.flatMap((e) => e.extensions?.problems ?? fieldOf(e));
      throw new ApiError(body.errors!.map((e) => e.message).join('; '), code, first.extensions ?? {}, problems);
    }
  }
}

/** The one field an error names: `extensions.field`, or the input field a GraphQL coercion error points at. */
function fieldOf(e: GqlError): FieldProblem[] {
  const field = e.extensions?.field ?? /at "input\.(\w+)"/.exec(e.message)?.[1];
  return field && field !== 'query' && !String(field).startsWith('$') ? [{ field: String(field), rule: '', message: e.message }] : [];
}
