import type { TestApp } from '../support/test-app';

/** The codes a refused mutation answers with. */
export type Code = 'VALIDATION_FAILED' | 'NOT_FOUND' | 'ILLEGAL_STATE' | 'CONCURRENCY_CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN';
/** One refused mutation: what is sent, and what the error must say. */
export interface Rejection {
  mutation: string;
  label: string;
  input: Record<string, unknown>;
  code: Code;
  /** Each must appear in errors[0].message (the field, the rule, the offending value…). */
  message: Array<string | RegExp>;
  /** Extra extensions expected on errors[0] (computed when the test runs). */
  extensions?: (t: TestApp) => Promise<Record<string, unknown>>;
  /** Send as another caller (default coordinator). */
  as?: 'anonymous' | 'auditor';
}

/** The fixture the spec writes before the cases run (see its beforeAll). */
export const P = 'rj';
export const C = 'rj.1';
export const ACTIVE = 'rj.1.1';
export const CANCELLED = 'rj.1.2';
export const SUSPENDED = 'rj.1.3';
export const ACTION = 'rj.1.1.x1';
export const RETRACTED = 'rj.1.1.x2';
export const on = (activityId = ACTIVE) => ({ commitmentId: C, activityId });
const versionOf = async (t: TestApp, query: string): Promise<number> => {
  const data = (await t.gql(query)).data;
  return (data.plan ?? data.commitment).version;
};
export const planVersion = (t: TestApp) => versionOf(t, `{ plan(id:"${P}") { version } }`);
export const commitmentVersion = (t: TestApp) => versionOf(t, `{ commitment(id:"${C}") { version } }`);
