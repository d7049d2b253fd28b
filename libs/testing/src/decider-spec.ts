/**
 * given(events) → when(command) → then(events | error) for a pure decider (emmett's
 * DeciderSpecification, in jest).
 */
export interface Decider<C, E, S, X = undefined> {
  decide(command: C, state: S, context: X): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

/** What a refused command must look like (a LedgerError, matched by shape). */
export interface ExpectedError {
  code: string;
  /** A substring or pattern the message must contain. */
  message?: string | RegExp;
  /** A field that must be named in the error's `details.problems[].field` (or its `details.field`). */
  field?: string;
  /** A rule that must be named in the error's `details.problems[].rule`. */
  rule?: string;
}

interface ThrownShape {
  code?: unknown;
  message?: unknown;
  details?: { problems?: Array<{ field: string; rule?: string }>; field?: unknown };
}

/** Outcome assertions for one command on the state built from the given events. */
export interface DeciderThen<E, S> {
  /** The command succeeds with exactly these events (undefined properties are ignored, as in storage). */
  then(expected: E[]): void;
  /** The command is refused with this code (and message, and field). */
  thenThrows(expected: ExpectedError): void;
  /** The state after the decided events, for rules about the outcome. */
  thenState(check: (after: S) => void): void;
}

export interface DeciderGiven<C, E, S, X> {
  when(command: C, context?: X): DeciderThen<E, S>;
}

export interface DeciderSpec<C, E, S, X> {
  given(events: readonly E[]): DeciderGiven<C, E, S, X>;
}

export function deciderSpec<C, E, S, X = undefined>(decider: Decider<C, E, S, X>): DeciderSpec<C, E, S, X> {
  // A wrapper, not `reduce(decider.evolve)`: reduce would pass the index as a third argument.
  const fold = (state: S, events: readonly E[]): S => events.reduce((s, e) => decider.evolve(s, e), state);
  return {
    given(events) {
      const state = fold(decider.initialState, events);
      return {
        when(command, context) {
          const run = (): E[] => {
            const before = structuredClone(state);
            const out = decider.decide(command, state, context as X);
            // decide must be pure: the state it was given is the stream's, shared with later commands.
            expect(state).toEqual(before);
            return out;
          };
          return {
            then(expected) {
              expect(run()).toEqual(expected);
            },
            thenThrows(expected) {
              let events: E[] | undefined;
              let thrown: unknown;
              try {
                events = run();
              } catch (error) {
                thrown = error;
              }
              if (events !== undefined) {
                throw new Error(`expected ${expected.code} but the command succeeded with ${JSON.stringify(events)}`);
              }
              const e = thrown as ThrownShape;
              // A stray TypeError would otherwise show up as a confusing code mismatch.
              if (typeof e?.code !== 'string') throw thrown;
              expect(e.code).toBe(expected.code);
              if (expected.message !== undefined) expect(e.message).toMatch(expected.message);
              if (expected.field !== undefined) {
                const fields = [...(e.details?.problems ?? []).map((p) => p.field), e.details?.field].filter((f) => f !== undefined);
                expect(fields).toContain(expected.field);
              }
              if (expected.rule !== undefined) expect((e.details?.problems ?? []).map((p) => p.rule)).toContain(expected.rule);
            },
            thenState(check) {
              check(fold(state, run()));
            },
          };
        },
      };
    },
  };
}
