/**
 * given(events) → when(command) → then(events | error) for a pure decider (emmett's
 * DeciderSpecification, in jest).
 */
export interface Decider<C, E, S, X = undefined> {
  decide(command: C, state: S, context: X): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

export interface ExpectedError {
  code: string;
  /** A substring or pattern the message must contain. */
  message?: string | RegExp;
  /** A field that must be named in the error's problems (or its `field` detail). */
  field?: string;
}

export function deciderSpec<C, E, S, X = undefined>(decider: Decider<C, E, S, X>) {
  return {
    given(events: E[]) {
      const state = events.reduce(decider.evolve, decider.initialState);
      return {
        when(command: C, context?: X) {
          const run = () => decider.decide(command, state, context as X);
          return {
            then(expected: E[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(expected: ExpectedError): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeDefined();
              const e = thrown as { code?: string; message: string; details?: { problems?: Array<{ field: string }>; field?: string } };
              expect(e.code).toBe(expected.code);
              if (expected.message !== undefined) expect(e.message).toMatch(expected.message);
              if (expected.field !== undefined) {
                const fields = [...(e.details?.problems ?? []).map((p) => p.field), e.details?.field].filter(Boolean);
                expect(fields).toContain(expected.field);
              }
            },
            /** The state after the decided events, for rules about the outcome. */
            thenState(check: (after: S) => void): void {
              check(run().reduce(decider.evolve, state));
            },
          };
        },
      };
    },
  };
}
