import type { Gql } from '@ledger/web-ui';

/** A problem the server found with one input field (`extensions.problems` of VALIDATION_FAILED). */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}
export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string; problems?: FieldProblem[]; [key: string]: unknown };
}

/**
 * GraphQL over HTTP for the pages and, next, the workspaces: the same public endpoint, with a
 * bearer token when a user is signed in (`getToken`, kept in memory by the sign-in code).
 */
export function createGqlClient(options: { endpoint?: string; getToken?: () => string | undefined } = {}) {
  const endpoint = options.endpoint ?? '/graphql';
  const request = async <T = unknown>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data?: T; errors?: GqlError[] }> => {
    const token = options.getToken?.();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T; errors?: GqlError[] };
  };
  return { request, gql: request as Gql };
}

/** Field → messages, to show each next to its field and in an error summary (GOV.UK pattern). */
export function fieldErrors(errors: readonly GqlError[] | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of errors ?? []) {
    const problems = e.extensions?.problems ?? (e.extensions?.field ? [{ field: e.extensions.field, rule: '', message: e.message }] : []);
    for (const p of problems) out.set(p.field, [...(out.get(p.field) ?? []), p.message]);
  }
  return out;
}
